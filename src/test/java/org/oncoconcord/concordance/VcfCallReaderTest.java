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
}
