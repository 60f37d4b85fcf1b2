package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.contract.ContractJson;
import org.oncoconcord.contract.CoxModelJson;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Issue 16 item 5 against live R (src/test/r/spline_oracle.R) on lung and pbc, data no other test
 * uses: {@code --spline COL:K} knots = Hmisc::rcspline.eval(x, nk = K, knots.only = TRUE) for K = 3..7
 * (also below 100 values), coefficients/se/loglik = coxph(... rms::rcs(COL, K) ...), the non-linearity
 * Wald test = b' V^-1 b over the non-linear terms (rms::anova's Nonlinear row), {@code --interaction
 * a:b} = coxph(... a*b ...) (numeric x numeric, factor x numeric, factor x factor, R's a:b names), and
 * {@code predict} of a saved spline + interaction model = survfit(ctype = 1) / predict(reference =
 * "zero"); the Efron-type baseline of the smoothed calibration = survfit(ctype = 2); all within 1e-6 relative.
 */
class SplineInteractionVersusRTest {
    @TempDir
    static Path tmp;

    static Map<String, Double> r;

    @BeforeAll
    static void oracle() throws Exception {
        RScripts.run("spline_oracle.R", List.of("survival", "rms"), tmp.toString());
        r = RScripts.keyValues(tmp.resolve("spline_expected.tsv"));
    }

    static void close(double actual, String key) {
        assertThat(r).containsKey(key);
        double e = r.get(key);
        assertThat(actual).as(key).isCloseTo(e, within(1e-6 * Math.max(Math.abs(e), 1e-12)));
    }

    static Run run(String... args) {
        Run run = SurvivalCliTest.run(args);
        assertThat(run.code()).as(run.err()).isZero();
        return run;
    }

    private static double[] column(String file, String col, int rows) throws Exception {
        DataTable t = DataTable.read(tmp.resolve(file));
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < Math.min(rows, t.rows()); i++) {
            double x = t.number(col, i);
            if (!Double.isNaN(x)) {
                v.add(x);
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void knotsAreRcsplineEvalsForThreeToSevenKnots() throws Exception {
        String[][] cases = {{"lung_age", "lung_sp.csv", "age", "100000"}, {"lung_karno", "lung_sp.csv", "karno", "100000"},
            {"pbc_bili", "pbc_sp.csv", "bili", "100000"}, {"pbc_albumin", "pbc_sp.csv", "albumin", "100000"},
            {"lung60_wtloss", "lung_sp.csv", "wtloss", "60"}};
        int compared = 0;
        for (String[] c : cases) {
            double[] x = column(c[1], c[2], Integer.parseInt(c[3]));
            for (int k = 3; k <= 7; k++) {
                double[] kn = RestrictedCubicSpline.knots(x, k, c[0]);
                String key = "knots:" + c[0] + ":" + k + ":";
                assertThat((double) kn.length).as(key + "n").isEqualTo(r.get(key + "n"));
                for (int j = 0; j < kn.length; j++) {
                    // R prints 15 significant digits: equal up to that
                    assertThat(kn[j]).as(key + (j + 1)).isCloseTo(r.get(key + (j + 1)), within(1e-13 * Math.abs(kn[j])));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    /** Fits with the CLI and compares every coefficient, se, the loglik and n with coxph. */
    private static CoxModelJson fit(String name, String file, String covariates, String... extra) throws Exception {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("survival", "cox", "--data", tmp.resolve(file).toString(), "--time", "time",
                "--event", "death", "--covariates", covariates, "--quiet", "--out", out.toString()));
        args.addAll(List.of(extra));
        run(args.toArray(String[]::new));
        List<Map<String, String>> rows = SurvivalCliTest.tsv(out.resolve("coefficients.tsv"));
        assertThat((double) rows.size()).as(name + " terms").isEqualTo(r.get("fit:" + name + ":p"));
        for (Map<String, String> row : rows) {
            close(Double.parseDouble(row.get("coef")), "fit:" + name + ":coef:" + row.get("term"));
            close(Double.parseDouble(row.get("se")), "fit:" + name + ":se:" + row.get("term"));
        }
        CoxModelJson m = ContractJson.read(out.resolve("model.json"), CoxModelJson.class);
        close(m.loglik(), "fit:" + name + ":loglik");
        assertThat((double) m.n()).isEqualTo(r.get("fit:" + name + ":n"));
        return m;
    }

    private static void nonlinear(CoxModelJson m, String name, String column) {
        CoxModelJson.Nonlinearity t = m.nonlinearity().stream().filter(x -> x.column().equals(column)).findFirst().orElseThrow();
        close(t.chi2(), "nonlin:" + name + ":" + column + ":chi2");
        assertThat((double) t.df()).isEqualTo(r.get("nonlin:" + name + ":" + column + ":df"));
    }

    @Test
    void splineModelsEqualCoxphWithRmsRcs() throws Exception {
        CoxModelJson a = fit("lung_age4", "lung_sp.csv", "age,sex,karno", "--spline", "age:4,karno:3");
        nonlinear(a, "lung_age4", "age");
        nonlinear(a, "lung_age4", "karno");
        assertThat(a.analysis().splines()).extracting(s -> s.column()).containsExactly("age", "karno");
        assertThat(a.analysis().splines().get(0).knots()).containsExactly(r.get("knots:lung_age:4:1"), r.get("knots:lung_age:4:2"),
                r.get("knots:lung_age:4:3"), r.get("knots:lung_age:4:4"));
        CoxModelJson b = fit("pbc_bili5", "pbc_sp.csv", "bili,age,edema", "--spline", "bili:5", "--factor", "edema", "--ties", "breslow");
        nonlinear(b, "pbc_bili5", "bili");
        // rms's own anova (cph, its own convergence) within 1e-4 of the Wald test on coxph's fit
        assertThat(b.nonlinearity().get(0).chi2()).isCloseTo(r.get("nonlin:pbc_bili5:bili:rms_anova_chi2"), within(1e-4 * 55.5));
        CoxModelJson c = fit("pbc_age7", "pbc_sp.csv", "age,albumin,bili", "--spline", "age:7", "--spline", "albumin:6");
        nonlinear(c, "pbc_age7", "age");
        assertThat(c.nonlinearity()).hasSize(2);
    }

    @Test
    void interactionsEqualCoxphWithAStarB() throws Exception {
        CoxModelJson nn = fit("pbc_num_num", "pbc_sp.csv", "age,bili,albumin", "--interaction", "age:bili");
        assertThat(nn.analysis().interactions()).containsExactly("age:bili");
        assertThat(nn.nonlinearity()).isNull();
        fit("pbc_fac_num", "pbc_sp.csv", "sex,bili,age", "--ref-level", "sex=m", "--interaction", "sex:bili");
        fit("pbc_fac_fac", "pbc_sp.csv", "sex,stage,age", "--ref-level", "sex=m", "--factor", "stage", "--interaction", "sex:stage");
        fit("lung_num_fac", "lung_sp.csv", "age,sex,karno", "--interaction", "age:sex");
    }

    @Test
    void predictAppliesTheSavedKnotsAndInteractions() throws Exception {
        fit("lung_spline_int", "lung_sp.csv", "age,sex,karno", "--spline", "age:4", "--interaction", "sex:karno");
        Path out = tmp.resolve("pred");
        run("survival", "predict", "--model", tmp.resolve("lung_spline_int/fitted_model.json").toString(), "--data",
                tmp.resolve("lung_new.csv").toString(), "--horizon", "365", "--centre", "zero", "--quiet", "--out", out.toString());
        List<Map<String, String>> rows = SurvivalCliTest.tsv(out.resolve("predictions.tsv"));
        assertThat(rows).hasSize(4);
        for (int i = 0; i < 4; i++) {
            close(Double.parseDouble(rows.get(i).get("surv")), "predict:lung_spline_int:surv365:" + (i + 1));
            close(Double.parseDouble(rows.get(i).get("lp")), "predict:lung_spline_int:lp_zero:" + (i + 1));
        }
        assertThat(Files.readString(tmp.resolve("lung_spline_int/fitted_model.json"))).contains("\"knots\"").contains("\"sex:karno\"");
    }

    /** Issue 16 item 4: the Efron-type baseline (used by the smoothed calibration) = survfit(ctype = 2); Breslow = ctype 1. */
    @Test
    void efronTypeBaselineEqualsSurvfitCtype2() throws Exception {
        DataTable t = DataTable.read(tmp.resolve("lung_sp.csv"));
        SurvivalData d = SurvivalData.read(t, "time", "death", List.of("age", "sex"), java.util.Set.of(), Map.of(), null, null);
        CoxFit f = CoxFitter.fit(d, Ties.EFRON);
        BaselineHazard efron = BaselineHazard.efron(d, f);
        BaselineHazard breslow = BaselineHazard.breslow(d, f);
        DataTable nd = DataTable.read(tmp.resolve("lung_new.csv"));
        double[] x = new double[2];
        double maxDiff = 0;
        for (int i = 0; i < nd.rows(); i++) {
            assertThat(new Design(List.of(Covariate.numeric("age"), new Covariate("sex", true, List.of("f", "m")))).encode(nd, i, x)).isTrue();
            double lp = f.lp(x);
            for (double h : new double[] {180, 365, 730}) {
                String k = (i + 1) + ":" + (int) h;
                close(efron.survival(0, h, lp), "baseline:ctype2:" + k);
                close(breslow.survival(0, h, lp), "baseline:ctype1:" + k);
                maxDiff = Math.max(maxDiff, Math.abs(efron.survival(0, h, lp) - breslow.survival(0, h, lp)));
            }
        }
        assertThat(maxDiff).as("the two baselines differ on tied data").isGreaterThan(1e-5);
    }

    @Test
    void badSplineAndInteractionOptions() throws Exception {
        String d = tmp.resolve("lung_sp.csv").toString();
        Run k8 = SurvivalCliTest.run("survival", "cox", "--data", d, "--time", "time", "--event", "death", "--covariates", "age",
                "--spline", "age:8", "--out", tmp.resolve("bad1").toString());
        assertThat(k8.code()).isEqualTo(2);
        assertThat(k8.err()).contains("--spline").contains("[3, 7]");
        Run notCov = SurvivalCliTest.run("survival", "cox", "--data", d, "--time", "time", "--event", "death", "--covariates", "age",
                "--spline", "karno:4", "--out", tmp.resolve("bad2").toString());
        assertThat(notCov.code()).isEqualTo(1);
        assertThat(notCov.err()).contains("--spline karno:4: 'karno' is not one of the covariates");
        Run noMain = SurvivalCliTest.run("survival", "cox", "--data", d, "--time", "time", "--event", "death", "--covariates", "age",
                "--interaction", "age:sex", "--out", tmp.resolve("bad3").toString());
        assertThat(noMain.code()).isEqualTo(1);
        assertThat(noMain.err()).contains("'sex' is not one of the covariates").contains("both main effects");
        Run factorSpline = SurvivalCliTest.run("survival", "cox", "--data", d, "--time", "time", "--event", "death", "--covariates", "sex",
                "--spline", "sex:3", "--out", tmp.resolve("bad4").toString());
        assertThat(factorSpline.code()).isEqualTo(1);
        assertThat(factorSpline.err()).contains("--spline sex").contains("not numeric");
        Run km = SurvivalCliTest.run("survival", "km", "--data", d, "--time", "time", "--event", "death", "--spline", "age:3",
                "--out", tmp.resolve("bad5").toString());
        assertThat(km.code()).isEqualTo(1);
        assertThat(km.err()).contains("--spline is supported by");
    }
}
