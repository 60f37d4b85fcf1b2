package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survival results are found by what their JSON says about itself (the contract's {@code analysis}
 * block; for older files their own keys), never by folder name: the folders here are named to mislead.
 */
class SurvivalResultsTest {
    private static final String COEF = "term\tcoef\thr\thr_lower\thr_upper\tp\nage\t0.1\t1.105\t1.0\t1.2\t0.04\n";

    @TempDir
    Path tmp;

    private static String analysis(String kind, String feature, String time, Integer cause, String group, String... covariates) {
        return "\"analysis\": {\"kind\": \"" + kind + "\", \"feature\": " + quote(feature) + ", \"endpoint\": {\"time\": \"" + time
                + "\", \"event\": \"os_event\", \"start\": null, \"cause\": " + cause + "}, \"covariates\": ["
                + String.join(", ", java.util.Arrays.stream(covariates).map(SurvivalResultsTest::quote).toList())
                + "], \"splines\": [], \"interactions\": [], \"group\": " + quote(group) + ", \"strata\": null, \"landmark\": null, \"horizon\": null}";
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), text);
    }

    private static void model(Path dir, String json) throws IOException {
        write(dir, "coefficients.tsv", COEF);
        write(dir, "model.json", json);
    }

    @Test
    void describedResultsAreClassifiedByTheirAnalysisBlockNotTheirFolder() throws IOException {
        Path ep = tmp.resolve("survival/endpoint_one");
        write(ep.resolve("cox"), "km.tsv", "group\ttime\tsurv\n1\t0\t1\n");
        write(ep.resolve("cox"), "logrank.json", "{\"p\": 0.2, \"group\": \"braf_v600e_primary\", "
                + analysis("km", null, "os_days", null, "braf_v600e_primary") + "}");
        model(ep.resolve("cox_uni_age"), "{\"n\": 50, \"method\": \"partial_likelihood\", \"covariates\": [\"age\", \"stage\"], "
                + analysis("cox", null, "os_days", null, null, "age", "stage") + "}");
        model(ep.resolve("m2"), "{\"n\": 50, \"covariates\": [\"ras_mutant_primary\"], "
                + analysis("cox_univariable", "ras_mutant_primary", "os_days", null, null, "ras_mutant_primary") + "}");
        model(ep.resolve("m3"), "{\"n\": 50, \"method\": \"elastic_net\", " + analysis("cox_elastic_net", null, "os_days", null, null, "KRAS_primary") + "}");
        model(ep.resolve("m4"), "{\"n\": 50, \"method\": \"fine_gray\", " + analysis("crr", null, "os_days", 1, null, "age") + "}");
        model(ep.resolve("a_cox"), "{\"n\": 50, \"cause\": 1, " + analysis("cox", null, "os_days", 1, null, "age") + "}");
        write(ep.resolve("km_all"), "cv.json", "{\"n\": 50, \"events\": 20, " + analysis("cv", null, "os_days", null, null, "age", "stage") + "}");
        write(ep.resolve("notes"), "readme.txt", "not a result");

        SurvivalResults r = SurvivalResults.scan(tmp.resolve("survival"));
        assertThat(r.km()).singleElement().satisfies(k -> {
            assertThat(k.group()).isEqualTo("braf_v600e_primary");
            assertThat(k.endpoint()).isEqualTo("os_days");
        });
        Map<String, SurvivalResults.Cox> byFolder = r.cox().stream().collect(Collectors.toMap(SurvivalResults.Cox::folder, Function.identity()));
        assertThat(byFolder).containsOnlyKeys("cox_uni_age", "m2", "m3", "a_cox");
        assertThat(byFolder.get("cox_uni_age").kind()).isEqualTo(SurvivalResults.CoxKind.MULTIVARIABLE);
        assertThat(byFolder.get("m2").kind()).isEqualTo(SurvivalResults.CoxKind.UNIVARIABLE);
        assertThat(byFolder.get("m2").feature()).isEqualTo("ras_mutant_primary");
        assertThat(byFolder.get("m3").kind()).isEqualTo(SurvivalResults.CoxKind.ELASTIC_NET);
        assertThat(byFolder.get("a_cox").primary()).as("cause-specific: not the main model").isFalse();
        assertThat(r.multivariable("os_days").folder()).isEqualTo("cox_uni_age");
        assertThat(r.cv()).singleElement().satisfies(c -> assertThat(c.endpoint()).isEqualTo("os_days"));
        assertThat(r.ignored()).containsExactlyInAnyOrder("endpoint_one/m4", "endpoint_one/notes");
    }

    @Test
    void olderFilesWithoutTheBlockAreClassifiedByTheirOwnKeys() throws IOException {
        Path ep = tmp.resolve("os");
        write(ep, "univariable.tsv", "feature\tterm\tanalysis\tn\tevents\thr\thr_lower\thr_upper\tp\n"
                + "age\tage\tbaseline\t50\t20\t1.1\t1.0\t1.2\t0.04\n");
        model(ep.resolve("p"), "{\"n\": 50, \"method\": \"partial_likelihood\", \"covariates\": [\"age\"], \"cause\": null}");
        model(ep.resolve("q"), "{\"n\": 50, \"method\": \"elastic_net\", \"covariates\": [\"age\", \"KRAS_primary\"]}");
        model(ep.resolve("r"), "{\"n\": 50, \"method\": \"partial_likelihood\", \"covariates\": [\"age\", \"stage\"], \"cause\": null}");
        model(ep.resolve("s"), "{\"n\": 50, \"method\": \"partial_likelihood\", \"covariates\": [\"age\", \"stage\"], \"counting_process\": true}");
        write(ep.resolve("t"), "km.tsv", "group\ttime\tsurv\nall\t0\t1\n");
        write(ep.resolve("t"), "logrank.json", "{\"n\": 50, \"group\": null}");

        SurvivalResults r = SurvivalResults.scan(ep);
        Map<String, SurvivalResults.Cox> byFolder = r.cox().stream().collect(Collectors.toMap(SurvivalResults.Cox::folder, Function.identity()));
        assertThat(byFolder.get("p").kind()).isEqualTo(SurvivalResults.CoxKind.UNIVARIABLE);
        assertThat(byFolder.get("p").feature()).isEqualTo("age");
        assertThat(byFolder.get("q").kind()).isEqualTo(SurvivalResults.CoxKind.ELASTIC_NET);
        assertThat(byFolder.get("r").primary()).isTrue();
        assertThat(byFolder.get("s").primary()).as("time-dependent (counting process): not the main model").isFalse();
        assertThat(r.multivariable("os").folder()).isEqualTo("r");
        assertThat(r.km()).singleElement().satisfies(k -> assertThat(k.group()).isEqualTo("all"));
        assertThat(r.univariable()).singleElement().satisfies(u -> assertThat(u.endpoint()).isEqualTo("os"));
    }
}
