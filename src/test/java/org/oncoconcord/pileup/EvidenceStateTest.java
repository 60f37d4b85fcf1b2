package org.oncoconcord.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;

/** Evidence states and the binomial test (closed-form oracle). */
class EvidenceStateTest {

    @TempDir
    Path dir;

    private static AlleleCounts counts(int ref, int alt) {
        AlleleCounts c = new AlleleCounts();
        for (int i = 0; i < ref; i++) {
            c.add(ReadAllele.REF, false);
        }
        for (int i = 0; i < alt; i++) {
            c.add(ReadAllele.ALT, i % 2 == 0);
        }
        return c;
    }

    @Test
    void binomialTailMatchesClosedForm() {
        double p = 0.001;
        double closed = 1 - Math.pow(1 - p, 100) - 100 * p * Math.pow(1 - p, 99);
        assertEquals(closed, EvidenceState.pValue(2, 100, p), 1e-12);
        assertEquals(1.0, EvidenceState.pValue(0, 100, p), 0);
    }

    @Test
    void statesFollowTheRules() {
        EvidenceState.Rule rule = EvidenceState.Rule.DEFAULT;
        assertEquals(EvidenceState.CALLED, EvidenceState.of(true, true, counts(5, 0), 0.001, rule));
        assertEquals(EvidenceState.BELOW_CALL_THRESHOLD, EvidenceState.of(false, true, counts(200, 3), 0.001, rule));
        // 3 ALT reads of 203 at a noisy site (2% error) are expected from errors
        assertEquals(EvidenceState.ABSENT, EvidenceState.of(false, true, counts(200, 3), 0.02, rule));
        assertEquals(EvidenceState.ABSENT, EvidenceState.of(false, true, counts(30, 0), 0.001, rule));
        assertEquals(EvidenceState.NOT_ASSESSABLE, EvidenceState.of(false, true, counts(5, 0), 0.001, rule));
        assertEquals(EvidenceState.NOT_ASSESSABLE, EvidenceState.of(false, false, counts(0, 0), 0.001, rule));
        // one ALT read is never enough (k = 2)
        assertEquals(EvidenceState.ABSENT, EvidenceState.of(false, true, counts(1000, 1), 0.000001, rule));
    }

    /** From the reads alone, the genotype only names the reads-positive state; it never decides a state. */
    @Test
    void readsOnlyStatesNameACalledSiteCalled() {
        EvidenceState.Rule rule = EvidenceState.Rule.DEFAULT;
        assertEquals(EvidenceState.CALLED, EvidenceState.fromReads(true, true, counts(200, 3), 0.001, rule));
        assertEquals(EvidenceState.BELOW_CALL_THRESHOLD, EvidenceState.fromReads(false, true, counts(200, 3), 0.001, rule));
        // called, but the reads do not show the ALT: the reads' state
        assertEquals(EvidenceState.ABSENT, EvidenceState.fromReads(true, true, counts(200, 3), 0.02, rule));
        assertEquals(EvidenceState.ABSENT, EvidenceState.fromReads(true, true, counts(30, 0), 0.001, rule));
        assertEquals(EvidenceState.NOT_ASSESSABLE, EvidenceState.fromReads(true, true, counts(5, 0), 0.001, rule));
        assertEquals(EvidenceState.NOT_ASSESSABLE, EvidenceState.fromReads(true, false, counts(0, 0), 0.001, rule));
    }
}
