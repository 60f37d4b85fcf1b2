package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of the Cox fitter that need no oracle beyond the model itself. */
class CoxFitterTest {

    /** colon death rows plus a column that is an exact multiple of nodes and a constant column. */
    static DataTable withAliasedColumns() {
        DataTable t = CoxVersusRTest.death();
        Map<String, List<String>> cols = new LinkedHashMap<>();
        for (String n : t.names()) {
            cols.put(n, t.column(n));
        }
        List<String> twice = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        for (String v : t.column("nodes")) {
            twice.add(DataTable.isMissing(v) ? "NA" : Double.toString(2 * Double.parseDouble(v)));
            constant.add("1");
        }
        cols.put("nodes2", twice);
        cols.put("one", constant);
        return DataTable.of("aliased", cols);
    }

    @Test
    void aliasedColumnsAreLeftOutAndTheRestIsUnchanged() {
        DataTable t = withAliasedColumns();
        List<String> base = List.of("rx", "age", "nodes", "extent");
        List<String> more = List.of("rx", "age", "nodes", "nodes2", "one", "extent");
        SurvivalData d0 = SurvivalData.read(t, "time", "status", base, Set.of(), Map.of(), null, null);
        SurvivalData d1 = SurvivalData.read(t, "time", "status", more, Set.of(), Map.of(), null, null);
        CoxFit f0 = CoxFitter.fit(d0, Ties.EFRON);
        CoxModel m1 = CoxModel.fit(d1, Design.infer(t, more, SurvivalData.completeRows(t, more), Set.of(), Map.of()), null, Ties.EFRON, CoxModel.Firth.AUTO);
        CoxFit f1 = m1.fit();
        assertThat(f1.aliased(f1.terms().indexOf("nodes2"))).isTrue();
        assertThat(f1.aliased(f1.terms().indexOf("one"))).isTrue();
        assertThat(f1.df()).isEqualTo(f0.df());
        assertThat(m1.warnings()).anyMatch(w -> w.contains("nodes2")).anyMatch(w -> w.contains("one"));
        for (int j = 0; j < f0.p(); j++) {
            int k = f1.terms().indexOf(f0.terms().get(j));
            assertThat(f1.coef()[k]).isCloseTo(f0.coef()[j], within(1e-9));
            assertThat(f1.se(k)).isCloseTo(f0.se(j), within(1e-9));
        }
        assertThat(f1.loglik()).isCloseTo(f0.loglik(), within(1e-9));
    }

    @Test
    void scoreIsZeroAtTheEstimateAndTheLikelihoodIsMaximal() {
        DataTable t = CoxVersusRTest.tcga();
        SurvivalData d = SurvivalData.read(t, "OS.time", "OS", CoxVersusRTest.TCGA, Set.of(), Map.of(), null, null);
        for (Ties ties : Ties.values()) {
            CoxFitter fitter = new CoxFitter(d, ties);
            CoxFit f = fitter.fit(false);
            double[] b = f.coef().clone();
            CoxFitter.Eval e = fitter.eval(b, true);
            for (double u : e.score()) {
                assertThat(Math.abs(u)).isLessThan(1e-6);
            }
            for (int j = 0; j < b.length; j++) {
                double[] bp = b.clone();
                bp[j] += 0.01;
                assertThat(fitter.eval(bp, false).loglik()).isLessThan(e.loglik());
            }
        }
    }
}
