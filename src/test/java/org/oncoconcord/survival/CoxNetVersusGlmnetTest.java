package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The elastic-net Cox path against R's glmnet (alpha 1 and 0.5, age and sex unpenalised) on the
 * TCGA colorectal set with ties broken as in survival_oracle.R.
 */
class CoxNetVersusGlmnetTest {
    static final RExpected R = RExpected.committed();
    static final List<String> COV = List.of("age", "male", "KRAS", "NRAS", "BRAF", "PIK3CA", "APC", "TP53", "SMAD4", "hypermutated");

    static SurvivalData untied() {
        DataTable t = CoxVersusRTest.tcga();
        SurvivalData all = SurvivalData.read(t, "OS.time", "OS", COV, Set.of(), Map.of(), null, "patient");
        int[] pos = IntStream.range(0, all.n()).filter(i -> all.time()[i] > 0).toArray();
        SurvivalData d = all.subset(pos);
        double[] time = d.time().clone();
        for (int i = 0; i < time.length; i++) {
            time[i] += (i + 1) / 10000.0;
        }
        return new SurvivalData(time, d.event(), d.strata(), d.strataNames(), d.x(), d.terms(), d.rows(), d.ids(), 0);
    }

    @Test
    void pathMatchesGlmnet() {
        SurvivalData d = untied();
        double[] pf = {0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
        for (String a : List.of("1", "0.5")) {
            Map<String, Double> e = R.of("glmnet_tcga_alpha" + a);
            assertThat((double) d.n()).isEqualTo(e.get("n"));
            CoxNet net = new CoxNet(d, Double.parseDouble(a), pf);
            int nl = (int) e.keySet().stream().filter(k -> k.startsWith("lambda:")).count();
            double[] lambdas = IntStream.rangeClosed(1, nl).mapToDouble(l -> e.get("lambda:" + l)).toArray();
            assertThat(net.lambdaMax()).as("lambda max, alpha " + a).isCloseTo(lambdas[0], within(1e-6 * lambdas[0]));
            List<CoxNet.Point> path = net.path(lambdas, 1e-12);
            double worst = 0;
            for (int l = 0; l < nl; l++) {
                for (int j = 0; j < COV.size(); j++) {
                    double r = e.get("beta:" + (l + 1) + ":" + COV.get(j));
                    double mine = path.get(l).beta()[j];
                    worst = Math.max(worst, Math.abs(mine - r));
                    assertThat(mine).as("alpha " + a + " lambda " + (l + 1) + " " + COV.get(j)).isCloseTo(r, within(1e-6));
                    if (r == 0) {
                        assertThat(Math.abs(mine)).as("zero pattern").isLessThan(1e-6);
                    }
                }
            }
            System.out.println("glmnet alpha " + a + ": largest |beta - glmnet| over the path " + worst + " " + Arrays.toString(path.get(nl - 1).beta()));
        }
    }

    /** cv.glmnet with foldid: grouped partial-likelihood deviance per lambda, lambda.min and lambda.1se. */
    @Test
    void crossValidatedDevianceMatchesCvGlmnetWithTheSameFolds() {
        SurvivalData d = untied();
        Map<String, Double> e = R.of("cvglmnet_tcga_alpha1");
        int nl = (int) e.keySet().stream().filter(k -> k.startsWith("lambda:")).count();
        double[] lambdas = IntStream.rangeClosed(1, nl).mapToDouble(l -> e.get("lambda:" + l)).toArray();
        int[] fold = IntStream.range(0, d.n()).map(i -> i % 5).toArray();
        CoxNet.CvPath cv = CoxNet.crossValidate(d, 1, new double[] {0, 0, 1, 1, 1, 1, 1, 1, 1, 1}, lambdas, fold);
        for (int l = 0; l < nl; l++) {
            double def = e.get("cvm_definition:" + (l + 1));
            assertThat(cv.cvm()[l]).as("cvm by definition from glmnet fold fits " + (l + 1)).isCloseTo(def, within(1e-6 * def));
            assertThat(cv.cvm()[l]).as("cv.glmnet cvm " + (l + 1)).isCloseTo(e.get("cvm:" + (l + 1)), within(1e-4 * e.get("cvm:" + (l + 1))));
            assertThat(cv.cvsd()[l]).as("cvsd " + (l + 1)).isCloseTo(e.get("cvsd:" + (l + 1)), within(1e-2 * e.get("cvsd:" + (l + 1))));
        }
        assertThat(lambdas[cv.best()]).isEqualTo(e.get("lambda.min"));
        assertThat(lambdas[cv.oneSe()]).isEqualTo(e.get("lambda.1se"));
    }
}
