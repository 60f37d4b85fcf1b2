package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IPCW accuracy with deaths and censorings at the same times (issue 16 item 6): td-AUC and Brier
 * against riskRegression::Score, Uno's C against survival::concordance(timewt = "n/G2"), pooled
 * and within strata, computed live by src/test/r/ipcw_oracle.R. Before the fix (the dying patient
 * kept at risk of censoring) the Brier score was 0.1460 instead of R's 0.1504.
 */
class IpcwVersusRTest {
    @TempDir
    Path tmp;

    @Test
    void tiedDeathsAndCensoringsFollowRiskRegressionAndConcordance() throws Exception {
        RScripts.run("ipcw_oracle.R", List.of("survival", "riskRegression"), tmp.toString());
        Map<String, Double> r = RScripts.keyValues(tmp.resolve("ipcw_expected.tsv"));
        DataTable t = DataTable.read(tmp.resolve("ipcw.csv"));
        int n = t.rows();
        double[] time = new double[n];
        int[] event = new int[n];
        int[] strata = new int[n];
        double[] surv = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = t.number("time", i);
            event[i] = (int) t.number("status", i);
            strata[i] = (int) t.number("g", i) - 1;
            surv[i] = t.number("surv", i);
        }
        Accuracy a = Accuracy.at(time, event, surv, surv, 720);
        assertThat(a.auc()).as("td-AUC vs Score").isCloseTo(r.get("auc"), within(1e-9));
        assertThat(a.brier()).as("Brier vs Score").isCloseTo(r.get("brier"), within(1e-9));
        assertThat(a.unoC()).as("Uno's C vs concordance n/G2").isCloseTo(r.get("uno_c"), within(1e-9));
        Accuracy s = Accuracy.at(time, event, strata, surv, surv, 720);
        assertThat(s.unoC()).as("Uno's C within strata").isCloseTo(r.get("uno_c_strata"), within(1e-9));
        assertThat(s.unoC()).isNotCloseTo(a.unoC(), within(1e-4));
    }

    @Test
    void censoringDistributionPutsDeathsBeforeCensoringsAtATie() {
        // 4 patients: death and censoring at 2, censoring at 3, death at 5
        CensoringDistribution g = CensoringDistribution.of(new double[] {2, 2, 3, 5}, new int[] {1, 0, 0, 1});
        // at 2: 4 at risk, the death goes first, so 1 censoring among 3: G = 2/3 (a KM keeping the death at risk: 3/4);
        // at 3: 2 at risk, 1 censored: G = 2/3 * 1/2
        assertThat(g.at(2)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(g.before(2)).isEqualTo(1.0);
        assertThat(g.at(3)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(g.before(5)).isCloseTo(1.0 / 3, within(1e-15));
    }
}
