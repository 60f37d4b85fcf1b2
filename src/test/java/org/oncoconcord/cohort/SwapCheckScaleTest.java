package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The swap check counts shared variants through a carrier index into one reused array (memory
 * linear in the samples; the earlier all-pairs map took 6.5 GB at 5,000 patients whose hotspots
 * thousands of samples carry). Oracle: the plain all-pairs comparison, on random cohorts with
 * recurrent hotspots, private variants and planted swaps, must give the same table row for row
 * (same best own and other sample, ties to the first in input order, same counts and flags).
 */
class SwapCheckScaleTest {
    @Test
    void sameTableAsTheAllPairsComparison() {
        for (long seed = 1; seed <= 5; seed++) {
            List<SwapCheck.Sample> samples = cohort(new Random(seed), 150);
            assertThat(SwapCheck.table(samples).rows()).as("seed " + seed).isEqualTo(allPairs(samples).rows());
            assertThat(SwapCheck.table(samples).rows().stream().filter(r -> r.get(9).equals("1")).count())
                    .as("planted swaps flagged, seed " + seed).isGreaterThan(0);
        }
    }

    /** Patients with 1-3 samples: hotspots from a pool of 15 (carried by many), private variants, and every 25th patient's metastasis replaced by another patient's. */
    private static List<SwapCheck.Sample> cohort(Random rng, int patients) {
        List<SwapCheck.Sample> out = new ArrayList<>();
        List<Set<String>> truncal = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            Set<String> trunk = new HashSet<>();
            for (int h = 0; h < 15; h++) {
                if (rng.nextDouble() < 0.3) {
                    trunk.add("1:" + (1000 + h) + ":C:T");
                }
            }
            for (int v = 0, n = rng.nextInt(30); v < n; v++) {
                trunk.add(p + ":" + rng.nextInt(100_000) + ":A:G");
            }
            truncal.add(trunk);
        }
        String[] types = {"primary", "metastasis", "plasma"};
        for (int p = 0; p < patients; p++) {
            int nSamples = 1 + rng.nextInt(3);
            for (int s = 0; s < nSamples; s++) {
                Set<String> source = (s == 1 && p % 25 == 0) ? truncal.get((p + 7) % patients) : truncal.get(p);
                Set<String> v = new HashSet<>();
                for (String x : source) {
                    if (rng.nextDouble() < 0.8) {
                        v.add(x);
                    }
                }
                out.add(new SwapCheck.Sample("P" + p, "P" + p + "_" + s, types[s], v));
            }
        }
        return out;
    }

    /** The all-pairs comparison the swap check used before (its rules, written out plainly). */
    private static Table allPairs(List<SwapCheck.Sample> samples) {
        Table t = new Table(SwapCheck.COLUMNS);
        for (int i = 0; i < samples.size(); i++) {
            SwapCheck.Sample s = samples.get(i);
            SwapCheck.Sample own = null;
            SwapCheck.Sample other = null;
            int ownN = 0;
            int otherN = 0;
            for (int j = 0; j < samples.size(); j++) {
                if (j == i) {
                    continue;
                }
                SwapCheck.Sample o = samples.get(j);
                Set<String> common = new HashSet<>(s.variants());
                common.retainAll(o.variants());
                int n = common.size();
                if (o.patient().equals(s.patient())) {
                    if (own == null || n > ownN) {
                        own = o;
                        ownN = n;
                    }
                } else if (n > otherN) {
                    other = o;
                    otherN = n;
                }
            }
            t.add(s.patient(), s.label(), s.type(), s.variants().size(), own == null ? null : own.label(), own == null ? null : ownN,
                    other == null ? null : other.patient(), other == null ? null : other.label(), otherN,
                    other != null && otherN > ownN && otherN >= SwapCheck.MIN_SHARED
                            && otherN >= SwapCheck.MIN_FRACTION * Math.min(s.variants().size(), other.variants().size()));
        }
        return t;
    }
}
