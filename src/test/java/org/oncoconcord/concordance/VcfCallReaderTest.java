package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VcfCallReaderTest {

    @Test
    void fastFractionParsingEqualsDoubleParseDouble() {
        Random rnd = new Random(7);
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String s = switch (i % 4) {
                case 0 -> String.format(java.util.Locale.ROOT, "%.3f", rnd.nextDouble());
                case 1 -> Double.toString(rnd.nextDouble());
                case 2 -> Integer.toString(rnd.nextInt(1000));
                default -> String.format(java.util.Locale.ROOT, "%.6e", rnd.nextDouble());
            };
            if (VcfCallReader.parseFraction(s) != Double.parseDouble(s)) {
                wrong.add(s);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(VcfCallReader.parseFraction("abc")).isNaN();
        assertThat(VcfCallReader.parseFraction("")).isNaN();
        assertThat(VcfCallReader.parseFraction("0.1234567890123456789")).isEqualTo(0.1234567890123456789);
    }

    @Test
    void byteIntegerParsingFollowsIntegerParseInt() {
        Random rnd = new Random(11);
        java.util.List<String> inputs = new java.util.ArrayList<>(java.util.List.of("", "+", "-", "0", "-0", "+7", "007",
                "2147483647", "2147483648", "-2147483648", "-2147483649", "99999999999", "1x0", "1.5", " 1", "1 ", "."));
        for (int i = 0; i < 5_000; i++) {
            inputs.add(Long.toString(rnd.nextLong() % (1L << (1 + rnd.nextInt(40)))));
        }
        for (String s : inputs) {
            byte[] b = ("\t" + s + "\t").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            long got = VcfCallReader.parseInt(b, 1, b.length - 1);
            Long expected;
            try {
                expected = (long) Integer.parseInt(s);
            } catch (NumberFormatException e) {
                expected = null;
            }
            if (expected == null) {
                assertThat(got).as("'%s' is not an int", s).isEqualTo(Long.MIN_VALUE);
            } else {
                assertThat(got).as("'%s'", s).isEqualTo(expected);
            }
        }
    }

    @Test
    void byteFractionParsingEqualsStringParsing() {
        Random rnd = new Random(13);
        java.util.List<String> inputs = new java.util.ArrayList<>(java.util.List.of("", ".", "abc", "1e-2", "NaN", "0.5.5",
                ".5", "5.", "0.1234567890123456789", "1,2"));
        for (int i = 0; i < 5_000; i++) {
            inputs.add(String.format(java.util.Locale.ROOT, "%." + rnd.nextInt(8) + "f", rnd.nextDouble()));
        }
        for (String s : inputs) {
            byte[] b = (":" + s + ":").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            double got = VcfCallReader.parseFraction(b, 1, b.length - 1);
            assertThat(Double.doubleToLongBits(got)).as("'%s'", s)
                    .isEqualTo(Double.doubleToLongBits(VcfCallReader.parseFraction(s)));
        }
    }
}
