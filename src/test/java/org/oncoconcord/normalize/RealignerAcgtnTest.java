package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Realigner.isAcgtn's table agrees with the case-mapping definition (upper case is A, C, G, T or N) on every char. */
class RealignerAcgtnTest {

    @Test
    void tableAgreesWithUpperCaseOnEveryChar() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            char u = Character.toUpperCase(c);
            boolean oracle = u == 'A' || u == 'C' || u == 'G' || u == 'T' || u == 'N';
            assertThat(Realigner.isAcgtn(c)).as("char %d", i).isEqualTo(oracle);
        }
    }
}
