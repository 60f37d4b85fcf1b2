package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Origin;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;

/**
 * Issue 14 item 6: WBC samples, germline variants and serial plasma draws, against the simulator's own
 * planted values, and drawn from their own stream (every variant, VAF and clinical value of the
 * cohort without them is unchanged).
 */
class BloodDrawsTest {
    private static final long SEED = 14_06_01;
    private static final int N = 400;

    private static SimulatedCohort plain() {
        return TestCohorts.cohort(SEED, N);
    }

    private static SimulatedCohort blood() {
        return TestCohorts.cohort(SEED, N, TestCohorts.ALL_BLOOD_DRAWS);
    }

    private static List<Call> withoutGermline(List<Call> calls) {
        return calls.stream().filter(c -> c.source() == null || c.source().origin() != Origin.GERMLINE).toList();
    }

    @Test
    void extraDrawsLeaveEveryOtherValueAsItWas() {
        for (int i = 0; i < N; i++) {
            Patient a = plain().patients().get(i);
            Patient b = blood().patients().get(i);
            assertThat(b.clinical()).isEqualTo(a.clinical());
            assertThat(b.tumourVariants()).isEqualTo(a.tumourVariants());
            for (Sample s : a.samples()) {
                Sample t = b.samples().stream().filter(x -> x.id().equals(s.id())).findFirst().orElseThrow();
                assertThat(withoutGermline(t.calls())).as(s.id()).isEqualTo(s.calls());
                assertThat(t.detections()).isEqualTo(s.detections());
                assertThat(t.tumourFraction()).isEqualTo(s.tumourFraction());
                assertThat(t.style()).isEqualTo(s.style());
                assertThat(t.stream()).isEqualTo(s.stream());
            }
        }
    }

    @Test
    void wbcHoldsTheBloodClonesAndGermlineVariantsShowInEveryDraw() {
        int wbcs = 0;
        int chShared = 0;
        for (Patient p : blood().patients()) {
            Sample wbc = p.sample("normal");
            assertThat(wbc != null).as(p.id()).isEqualTo(p.sample("plasma") != null);
            if (wbc == null) {
                assertThat(p.germlineVariants()).isEmpty();
                continue;
            }
            wbcs++;
            assertThat(p.germlineVariants()).isNotEmpty();
            for (Sample s : List.of(wbc, p.samples("plasma").get(0))) {
                for (var g : p.germlineVariants()) {
                    Call c = s.calls().stream().filter(x -> x.source() == g).findFirst().orElseThrow();
                    double vaf = (double) c.altReads() / c.depth();
                    assertThat(vaf).as(s.id() + " " + g.variant().key()).isCloseTo(g.label().equals("homozygous") ? 1.0 : 0.5,
                            org.assertj.core.data.Offset.offset(0.1));
                }
            }
            Set<Variant> inWbc = new HashSet<>();
            wbc.calls().stream().filter(Call::pass).forEach(c -> inWbc.add(c.variant()));
            assertThat(wbc.calls()).filteredOn(Call::pass).allSatisfy(c -> assertThat(c.source().origin()).isIn(Origin.CH, Origin.GERMLINE));
            for (Sample pl : p.samples("plasma")) {
                for (Call c : pl.calls()) {
                    if (c.pass() && c.source().origin() == Origin.CH && inWbc.contains(c.variant())) {
                        chShared++;
                    }
                }
            }
        }
        assertThat(wbcs).isGreaterThan(N / 2);
        assertThat(chShared).as("CH calls of plasma also in the WBC").isGreaterThan(50);
    }

    @Test
    void serialDrawsFollowTheTimelineAndPostOpCtdnaFollowsRelapse() {
        var bd = blood().config().bloodDraws();
        int[] postop = new int[4]; // relapse: draws, positive; no relapse: draws, positive
        for (Patient p : blood().patients()) {
            List<Sample> draws = p.samples("plasma");
            if (draws.isEmpty()) {
                continue;
            }
            boolean stageIii = p.clinical().stage().equals("III");
            boolean relapse = stageIii && p.clinical().rfsEvent();
            Sample first = draws.get(0);
            assertThat(p.sample("plasma")).isSameAs(first);
            if (!stageIii) {
                assertThat(draws).hasSize(1);
                assertThat(first.timepoint()).isEqualTo("baseline");
                continue;
            }
            assertThat(first.timepoint()).isEqualTo("baseline");
            assertThat(first.collectionDay()).isBetween(bd.baselineDayMin(), bd.baselineDayMax());
            if (relapse) {
                Sample atRelapse = draws.stream().filter(s -> s.timepoint().equals("relapse")).findFirst().orElseThrow();
                assertThat(atRelapse.collectionDay()).isEqualTo(p.clinical().metastasisDays());
                assertThat(atRelapse.id()).isEqualTo(p.id() + "_P");
            }
            for (Sample s : draws) {
                if (s.timepoint().equals("post-op")) {
                    assertThat(s.collectionDay()).isBetween(bd.postopDayMin(), bd.postopDayMax());
                    if (relapse) {
                        assertThat(s.collectionDay()).isLessThan(p.clinical().metastasisDays());
                    }
                    postop[relapse ? 0 : 2]++;
                    postop[relapse ? 1 : 3] += s.tumourFraction() > 0 ? 1 : 0;
                }
            }
        }
        assertThat(postop[0]).isGreaterThan(20);
        assertThat(postop[2]).isGreaterThan(50);
        assertWithin99(postop[1], postop[0], bd.postopPositiveIfRelapse());
        assertWithin99(postop[3], postop[2], bd.postopPositiveIfNoRelapse());
    }

    private static void assertWithin99(int x, int n, double p) {
        BinomialDistribution b = new BinomialDistribution(null, n, p);
        assertThat(x).as(x + "/" + n + " vs planted " + p).isBetween(b.inverseCumulativeProbability(0.005),
                b.inverseCumulativeProbability(0.995));
    }
}
