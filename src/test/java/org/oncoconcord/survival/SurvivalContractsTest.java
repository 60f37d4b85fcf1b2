package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.contract.CifJson;
import org.oncoconcord.contract.ContractException;
import org.oncoconcord.contract.ContractJson;
import org.oncoconcord.contract.CoxModelJson;
import org.oncoconcord.contract.CoxNetModelJson;
import org.oncoconcord.contract.CrrModelJson;
import org.oncoconcord.contract.CvJson;
import org.oncoconcord.contract.LogrankJson;
import org.oncoconcord.contract.ModelAtHorizonJson;
import org.oncoconcord.contract.SurvivalAnalysis;
import org.oncoconcord.contract.SurvivalAnalysis.Kind;
import org.oncoconcord.contract.ValidationJson;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Issue 19 item 2: every survival JSON is written through its contract record and read back by the
 * strict reader; the self-describing {@code analysis} block says which analysis, endpoint,
 * covariates, group, landmark and horizon produced it, and agrees with the file's own counts.
 */
class SurvivalContractsTest {
    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void data() throws Exception {
        Random rnd = new Random(19);
        StringBuilder sb = new StringBuilder("patient,time,status,cause,x,grp,lm,z\n");
        for (int i = 0; i < 80; i++) {
            double x = Math.round(rnd.nextGaussian() * 100) / 100.0;
            int time = 10 + rnd.nextInt(900);
            int cause = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(2);
            sb.append("P").append(i).append(',').append(time).append(',').append(cause == 0 ? 0 : 1).append(',').append(cause).append(',')
                    .append(x).append(',').append(i % 2 == 0 ? "a" : "b").append(',').append(i % 3 == 0 ? "5" : "NA").append(',').append(i % 7).append('\n');
        }
        data = tmp.resolve("d.csv");
        Files.writeString(data, sb.toString());
    }

    private static Path run(String name, String... args) {
        Path out = tmp.resolve(name);
        List<String> a = new ArrayList<>(List.of("survival"));
        a.addAll(List.of(args));
        a.addAll(List.of("--data", data.toString(), "--quiet", "--out", out.toString()));
        Run r = SurvivalCliTest.run(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    private static void endpoint(SurvivalAnalysis a, Kind kind, String event, Integer cause) {
        assertThat(a.kind()).isEqualTo(kind);
        assertThat(a.endpoint()).isEqualTo(new SurvivalAnalysis.Endpoint("time", event, null, cause));
    }

    @Test
    void coxModelJsonReadsBackAndDescribesItself() throws Exception {
        Path out = run("cox", "cox", "--time", "time", "--event", "status", "--covariates", "x,grp", "--strata", "lm");
        CoxModelJson m = ContractJson.read(out.resolve("model.json"), CoxModelJson.class);
        endpoint(m.analysis(), Kind.COX, "status", null);
        assertThat(m.analysis().covariates()).containsExactly("x", "grp");
        assertThat(m.analysis().strata()).isEqualTo("lm");
        assertThat(m.covariates()).isEqualTo(m.analysis().covariates());
        assertThat(m.n() + m.droppedMissing()).isEqualTo(80);
        assertThat(m.sampleSize().events()).isEqualTo(m.events());
        assertThat(m.robust()).isNull();
        // the analysis block is the last key, the others keep their order
        JsonNode raw = new ObjectMapper().readTree(out.resolve("model.json").toFile());
        List<String> keys = new ArrayList<>();
        raw.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.get(0)).isEqualTo("n");
        assertThat(keys.get(keys.size() - 1)).isEqualTo("analysis");
    }

    @Test
    void univariableModelsNameTheirFeatureAndLandmark() throws Exception {
        Path out = run("uni", "univariable", "--time", "time", "--event", "status", "--covariates", "x,grp", "--landmark", "lm",
                "--landmark-covariates", "grp");
        CoxModelJson x = ContractJson.read(out.resolve("cox_uni_x/model.json"), CoxModelJson.class);
        CoxModelJson g = ContractJson.read(out.resolve("cox_uni_grp/model.json"), CoxModelJson.class);
        endpoint(x.analysis(), Kind.COX_UNIVARIABLE, "status", null);
        assertThat(x.analysis().feature()).isEqualTo("x");
        assertThat(x.analysis().landmark()).as("x is a baseline covariate").isNull();
        assertThat(x.landmark()).isNull();
        assertThat(g.analysis().feature()).isEqualTo("grp");
        assertThat(g.analysis().landmark()).isEqualTo("lm");
        assertThat(g.landmark().kept()).isEqualTo(g.n() + g.droppedMissing());
    }

    @Test
    void elasticNetKmCvValidateCifCrr() throws Exception {
        CoxNetModelJson net = ContractJson.read(run("net", "cox", "--time", "time", "--event", "status", "--covariates", "x,grp",
                "--penalty", "elastic-net", "--inner-folds", "3").resolve("model.json"), CoxNetModelJson.class);
        endpoint(net.analysis(), Kind.COX_ELASTIC_NET, "status", null);
        assertThat(net.lambda_1se()).isGreaterThanOrEqualTo(net.lambdaMin());

        LogrankJson km = ContractJson.read(run("km", "km", "--time", "time", "--event", "status", "--group", "grp").resolve("logrank.json"),
                LogrankJson.class);
        endpoint(km.analysis(), Kind.KM, "status", null);
        assertThat(km.analysis().group()).isEqualTo("grp");
        assertThat(km.analysis().covariates()).isEmpty();
        assertThat(km.groups()).containsExactly("a", "b");
        assertThat(km.observed().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(km.events());

        CvJson cv = ContractJson.read(run("cv", "cv", "--time", "time", "--event", "cause", "--cause", "2", "--covariates", "x",
                "--folds", "2", "--repeats", "2", "--horizon", "300", "--test-fraction", "0.25").resolve("cv.json"), CvJson.class);
        endpoint(cv.analysis(), Kind.CV, "cause", 2);
        assertThat(cv.analysis().horizon()).isEqualTo(300.0);
        assertThat(cv.tdAuc().perRepeat()).hasSize(2);
        assertThat(cv.metrics().get("auc")).isEqualTo(cv.tdAuc());
        assertThat(cv.heldOut().n() + cv.n() + cv.droppedMissing()).isEqualTo(80);
        assertThat(cv.heldOut().fraction()).isEqualTo(0.25);

        Path v = run("validate", "validate", "--time", "time", "--event", "status", "--covariates", "x", "--horizon", "300",
                "--bootstrap", "5", "--groups", "3");
        ValidationJson val = ContractJson.read(v.resolve("validation.json"), ValidationJson.class);
        endpoint(val.analysis(), Kind.VALIDATE, "status", null);
        assertThat(val.measures()).containsKeys("harrell_c", "td_auc", "brier", "scaled_brier", "calibration_slope");
        assertThat(val.bootstrap().used() + val.bootstrap().failed()).isEqualTo(5);
        ModelAtHorizonJson mh = ContractJson.read(v.resolve("model_at_horizon.json"), ModelAtHorizonJson.class);
        assertThat(mh.analysis()).isEqualTo(val.analysis());
        assertThat(mh.terms()).extracting(ModelAtHorizonJson.Term::term).containsExactly("x");

        CifJson cif = ContractJson.read(run("cif", "cif", "--time", "time", "--event", "cause", "--group", "grp").resolve("cif.json"),
                CifJson.class);
        endpoint(cif.analysis(), Kind.CIF, "cause", null);
        assertThat(cif.analysis().group()).isEqualTo("grp");
        assertThat(cif.groups().values().stream().mapToLong(g -> g.get("n")).sum()).isEqualTo(cif.n());
        assertThat(cif.grayTest().byCause()).containsKeys("1", "2");

        CrrModelJson crr = ContractJson.read(run("crr", "crr", "--time", "time", "--event", "cause", "--cause", "2", "--covariates", "x,grp")
                .resolve("model.json"), CrrModelJson.class);
        endpoint(crr.analysis(), Kind.CRR, "cause", 2);
        assertThat(crr.events() + crr.competingEvents() + crr.censored()).isEqualTo(crr.n());
    }

    /** cv and validate take --spline/--interaction; validate's saved model, applied by predict, gives its own risks back. */
    @Test
    void splinesAndInteractionsInCvValidateAndPredict() throws Exception {
        CvJson cv = ContractJson.read(run("cv_sp", "cv", "--time", "time", "--event", "status", "--covariates", "x,grp,z", "--spline", "x:3",
                "--interaction", "grp:z", "--folds", "2", "--repeats", "1", "--horizon", "300").resolve("cv.json"), CvJson.class);
        assertThat(cv.analysis().splines()).hasSize(1);
        assertThat(cv.analysis().interactions()).containsExactly("grp:z");
        Path v = run("val_sp", "validate", "--time", "time", "--event", "status", "--covariates", "x,grp,z", "--spline", "x:3",
                "--interaction", "grp:z", "--horizon", "300", "--bootstrap", "3", "--groups", "3");
        ModelAtHorizonJson mh = ContractJson.read(v.resolve("model_at_horizon.json"), ModelAtHorizonJson.class);
        assertThat(mh.terms()).extracting(ModelAtHorizonJson.Term::term).containsExactly("x", "x'", "grpb", "z", "grpb:z");
        double[] x = DataTable.read(data).column("x").stream().mapToDouble(Double::parseDouble).toArray();
        assertThat(mh.analysis().splines().get(0).knots())
                .containsExactlyElementsOf(java.util.Arrays.stream(RestrictedCubicSpline.knots(x, 3, "x")).boxed().toList());
        Path p = tmp.resolve("pred_sp");
        Run pr = SurvivalCliTest.run("survival", "predict", "--model", v.resolve("fitted_model.json").toString(), "--data", data.toString(),
                "--id", "patient", "--horizon", "300", "--quiet", "--out", p.toString());
        assertThat(pr.code()).as(pr.err()).isZero();
        List<java.util.Map<String, String>> pred = SurvivalCliTest.tsv(p.resolve("predictions.tsv"));
        List<java.util.Map<String, String>> cal = SurvivalCliTest.tsv(v.resolve("calibration_smooth.tsv"));
        assertThat(cal).hasSize(80);
        for (int i = 0; i < cal.size(); i++) {
            assertThat(pred.get(i).get("id")).isEqualTo(cal.get(i).get("id"));
            assertThat(Double.parseDouble(pred.get(i).get("risk"))).as(cal.get(i).get("id"))
                    .isCloseTo(Double.parseDouble(cal.get(i).get("predicted")), org.assertj.core.api.Assertions.within(1e-8));
        }
    }

    @Test
    void theStrictReaderNamesAMissingAnalysisBlock() throws Exception {
        Path out = run("cox2", "cox", "--time", "time", "--event", "status", "--covariates", "x");
        Path f = out.resolve("model.json");
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.indexOf(",\n  \"analysis\"")) + "\n}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContractJson.read(f, CoxModelJson.class))
                .isInstanceOf(ContractException.class).hasMessageContaining("key 'analysis' missing");
    }

    @Test
    void aCommandWithoutCovariatesIsRefusedByTheOneCheck() {
        for (String cmd : List.of("cox", "cv", "validate", "univariable", "crr")) {
            Run r = SurvivalCliTest.run("survival", cmd, "--data", data.toString(), "--time", "time", "--event", "status",
                    "--out", tmp.resolve("none_" + cmd).toString());
            assertThat(r.code()).as(cmd).isEqualTo(1);
            assertThat(r.err()).contains("--covariates: at least one covariate is needed for 'survival " + cmd + "'");
        }
    }
}
