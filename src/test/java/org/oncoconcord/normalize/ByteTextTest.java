package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ByteText holds the same bytes as the JDK's Latin-1 encoding of the same text built with a StringBuilder (the oracle). */
class ByteTextTest {

    @Test
    void appendsTheLatin1BytesOfStringsCharsAndIntegers() {
        Random rnd = new Random(7);
        ByteText t = new ByteText();
        for (int round = 0; round < 200; round++) {
            t.clear();
            StringBuilder oracle = new StringBuilder();
            int parts = rnd.nextInt(400); // past the initial 1 KB: the buffer grows
            for (int p = 0; p < parts; p++) {
                switch (rnd.nextInt(3)) {
                    case 0: {
                        int v = rnd.nextInt(4) == 0 ? rnd.nextInt() : rnd.nextInt(1000);
                        if (rnd.nextInt(10) == 0) {
                            v = rnd.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
                        }
                        t.append(v);
                        oracle.append(v);
                        break;
                    }
                    case 1: {
                        char c = (char) rnd.nextInt(256);
                        t.append(c);
                        oracle.append(c);
                        break;
                    }
                    default: {
                        char[] s = new char[rnd.nextInt(12)];
                        for (int k = 0; k < s.length; k++) {
                            s[k] = (char) rnd.nextInt(256);
                        }
                        t.append(new String(s));
                        oracle.append(s);
                    }
                }
            }
            byte[] expected = oracle.toString().getBytes(StandardCharsets.ISO_8859_1);
            assertThat(t.length()).isEqualTo(expected.length);
            assertThat(Arrays.copyOf(t.buffer(), t.length())).isEqualTo(expected);
        }
    }
}
