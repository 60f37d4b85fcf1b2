package org.oncoconcord.clonality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * CCF, clonal/subclonal labels and purity recovered from planted truth (a seed no other test uses:
 * clonal variants CCF 1, subclonal CCF uniform 0.1-0.6, purity 0.4-0.9, depth 200-600, alt reads
 * binomial), MATH and Jaccard against closed forms.
 */
class ClonalityTest {
    private static final long SEED = 915_1501L;

    private record Planted(boolean clonal, int alt, int depth, double purity, double ccf) {
    }

    private static List<Planted> simulate(MersenneTwister rng, double purity, int n) {
        List<Planted> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean clonal = rng.nextDouble() < 0.5;
            double ccf = clonal ? 1.0 : 0.1 + 0.5 * rng.nextDouble();
            int depth = 200 + rng.nextInt(401);
            BinomialDistribution b = new BinomialDistribution(rng, depth, ccf * purity / 2);
            out.add(new Planted(clonal, b.sample(), depth, purity, ccf));
        }
        return out;
    }

    @Test
    void clonalVersusSubclonalRecoveredWithGivenPurity() {
        MersenneTwister rng = new MersenneTwister(SEED);
        int right = 0;
        int total = 0;
        double absErr = 0;
        for (int patient = 0; patient < 20; patient++) {
            double purity = 0.4 + 0.5 * rng.nextDouble();
            for (Planted p : simulate(rng, purity, 50)) {
                Ccf c = Ccf.of(p.alt(), p.depth(), purity, 2, 1);
                right += c.clonal() == p.clonal() ? 1 : 0;
                total++;
                absErr += Math.abs(c.ccf() - p.ccf());
                assertTrue(c.lower() <= c.ccf() && c.ccf() <= c.upper());
            }
        }
        double accuracy = (double) right / total;
        System.err.println("clonality: accuracy " + accuracy + " over " + total + " planted variants, mean |CCF error| " + absErr / total);
        assertTrue(accuracy >= 0.90, "clonal/subclonal accuracy " + accuracy);
        assertTrue(absErr / total < 0.06, "mean |CCF - planted| " + absErr / total);
    }

    @Test
    void purityFromTheClonalClusterAndLabelsWithIt() {
        MersenneTwister rng = new MersenneTwister(SEED + 1);
        int right = 0;
        int total = 0;
        for (int patient = 0; patient < 20; patient++) {
            double purity = 0.4 + 0.5 * rng.nextDouble();
            List<Planted> vars = simulate(rng, purity, 60);
            int[] alt = vars.stream().mapToInt(Planted::alt).toArray();
            int[] depth = vars.stream().mapToInt(Planted::depth).toArray();
            double est = PurityEstimate.estimate(alt, depth);
            assertTrue(Math.abs(est - purity) < 0.1, "purity " + purity + " estimated " + est);
            for (Planted p : vars) {
                right += Ccf.of(p.alt(), p.depth(), est, 2, 1).clonal() == p.clonal() ? 1 : 0;
                total++;
            }
        }
        assertTrue((double) right / total >= 0.85, "accuracy with estimated purity " + (double) right / total);
    }

    @Test
    void copyNumberAndClosedForms() {
        // VAF 0.3 at purity 0.6: diploid CCF = 0.3 x 2 / 0.6 = 1; CN 4 (one copy mutated): 0.3 x (2.4 + 0.8) / 0.6 = 1.6 -> 1
        assertEquals(1.0, Ccf.of(30, 100, 0.6, 2, 1).ccf(), 1e-12);
        assertEquals(0.5, Ccf.of(15, 100, 0.6, 2, 1).ccf(), 1e-12);
        assertEquals(0.5 * 3.2 / 2, Ccf.of(15, 100, 0.6, 4, 1).ccf(), 1e-12);
        // Clopper-Pearson of 15/100: R binom.test(15, 100)$conf.int = 0.08645439 0.23530750
        double[] ci = Ccf.clopperPearson(15, 100, 0.95);
        assertEquals(0.08645439, ci[0], 1e-7);
        assertEquals(0.23530750, ci[1], 1e-7);
        assertThrows(IllegalArgumentException.class, () -> Ccf.of(5, 4, 0.5, 2, 1));
        // MATH: VAFs 0.1 0.2 0.3 0.4 0.5: median 0.3, MAD = 1.4826 x median(0.2 0.1 0 0.1 0.2) = 0.14826 -> 49.42
        assertEquals(100 * 0.14826 / 0.3, Heterogeneity.math(List.of(0.1, 0.2, 0.3, 0.4, 0.5)), 1e-9);
        assertEquals(2.0 / 4, Heterogeneity.jaccard(Set.of("a", "b", "c"), Set.of("b", "c", "d")), 1e-12);
        assertEquals(MesKitClass.Public_Clonal, MesKitClass.of(2, 2, true));
        assertEquals(MesKitClass.Shared_Subclonal, MesKitClass.of(2, 3, false));
        assertEquals(MesKitClass.Private_Clonal, MesKitClass.of(1, 3, true));
        String table = MesKitCcfTable.format(List.of(new MesKitCcfTable.Row("P1", "P1_T", "12", 25245350, "C", "T",
                Ccf.of(15, 100, 0.6, 2, 1), MesKitClass.Private_Subclonal)));
        assertEquals(MesKitCcfTable.HEADER + "\nP1\tP1_T\t12\t25245350\tC\tT\t0.5000\t0.7844\t0.2882\tSubclonal\tPrivate_Subclonal\n", table);
    }
}
