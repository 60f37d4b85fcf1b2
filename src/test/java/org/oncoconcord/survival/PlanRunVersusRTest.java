package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;
import org.oncoconcord.survival.plan.Plan;

/**
 * The pipeline's new survival analyses, end to end as the SURVIVAL step runs them ({@code survival
 * plan} then {@code batch} of its commands file) on a simulated features table, against R fitted
 * directly on that table (live src/test/r/plan_oracle.R): the time-dependent "new driver in the
 * metastasis" fit = coxph on tmerge's rows, the cause-specific Cox model of colorectal-cancer death
 * = coxph(Surv(time, cause == crc)), the cumulative incidences = cmprsk::cuminc; and what the plan
 * skips (no plasma day column, a post-metastasis grouping for cif) with plan.json read back as the
 * typed record.
 */
class PlanRunVersusRTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void plannedTimeDependentAndCancerSpecificFitsEqualR() throws Exception {
        Random rnd = new Random(5);
        StringBuilder sb = new StringBuilder("patient\tos_days\tos_event\tage\tstage\tmetastasis_days\tdeath_cause\tras_mutant_primary"
                + "\tany_driver_metastasis_new\n");
        for (int i = 0; i < 240; i++) {
            int age = 45 + rnd.nextInt(40);
            boolean iv = rnd.nextDouble() < 0.3;
            int ras = rnd.nextInt(2);
            Integer met = iv ? Integer.valueOf(0) : rnd.nextDouble() < 0.5 ? Integer.valueOf(100 + rnd.nextInt(900)) : null;
            String driver = met == null || rnd.nextDouble() < 0.2 ? "NA" : Integer.toString(rnd.nextDouble() < 0.4 ? 1 : 0);
            double hazard = 0.0006 * Math.exp(0.02 * (age - 65) + (iv ? 0.5 : 0) + 0.3 * ras);
            double t = -Math.log(rnd.nextDouble()) / hazard;
            if (met != null && driver.equals("1") && t > met) {
                t = met + (t - met) / 2;
            }
            double c = 300 + rnd.nextInt(1700);
            boolean died = t <= c;
            String cause = !died || rnd.nextDouble() < 0.05 ? "NA" : rnd.nextDouble() < 0.45 + 0.2 * ras ? "crc" : "other";
            sb.append("P").append(i).append('\t').append(Math.round(Math.min(t, c)) + 1).append('\t').append(died ? 1 : 0).append('\t')
                    .append(age).append('\t').append(iv ? "IV" : "III").append('\t').append(met == null ? "NA" : met).append('\t')
                    .append(cause).append('\t').append(ras).append('\t').append(driver).append('\n');
        }
        Path features = tmp.resolve("features.tsv");
        Files.writeString(features, sb.toString());
        Path columns = tmp.resolve("features.columns.tsv");
        Files.writeString(columns, "column\tkind\tavailable_at\nany_driver_metastasis_new\tmutation\tpost_metastasis\n");
        Path out = tmp.resolve("survival");
        Path commands = tmp.resolve("survival.commands");
        Run plan = SurvivalCliTest.run("survival", "plan", "--features", features.toString(), "--columns", columns.toString(),
                "--endpoints", "os_days:os_event", "--covariates", "age,stage,ras_mutant_primary",
                "--km-groups", "ras_mutant_primary,any_driver_metastasis_new", "--landmark", "metastasis_days", "--coxnet", "false",
                "--time-dependent", "any_driver_metastasis_new:metastasis_days,plasma_detected:plasma_days",
                "--cancer-specific", "os_days:os_event:death_cause", "--args-validate=--bootstrap 5", "--args-cv=--folds 2 --repeats 1",
                "--args-km=--quiet", "--quiet", "--out", out.toString(), "--commands", commands.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        Run batch = SurvivalCliTest.run("batch", "--quiet", commands.toString());
        assertThat(batch.code()).as(batch.err()).isZero();

        Path rOut = tmp.resolve("r.tsv");
        RScripts.run("plan_oracle.R", List.of("survival", "cmprsk"), features.toString(), rOut.toString());
        Map<String, Double> r = RScripts.keyValues(rOut);

        Path os = out.resolve("os_days");
        Map<String, String> tdc = SurvivalCliTest.tsv(os.resolve("tdc_any_driver_metastasis_new/coefficients.tsv")).get(0);
        assertThat(tdc.get("term")).isEqualTo("any_driver_metastasis_new");
        assertThat(Double.parseDouble(tdc.get("coef"))).isCloseTo(r.get("tdc:coef"), within(1e-6 * Math.abs(r.get("tdc:coef"))));
        assertThat(Double.parseDouble(tdc.get("se"))).isCloseTo(r.get("tdc:se"), within(1e-6 * r.get("tdc:se")));
        JsonNode tdcModel = JSON.readTree(os.resolve("tdc_any_driver_metastasis_new/model.json").toFile());
        assertThat(tdcModel.get("loglik").asDouble()).isCloseTo(r.get("tdc:loglik"), within(1e-6 * Math.abs(r.get("tdc:loglik"))));
        assertThat(tdcModel.get("events").asDouble()).isEqualTo(r.get("tdc:events"));

        int compared = 0;
        for (Map<String, String> row : SurvivalCliTest.tsv(os.resolve("cox_crc/coefficients.tsv"))) {
            double coef = r.get("crc:coef:" + row.get("term"));
            assertThat(Double.parseDouble(row.get("coef"))).as(row.get("term")).isCloseTo(coef, within(1e-6 * Math.abs(coef)));
            double se = r.get("crc:se:" + row.get("term"));
            assertThat(Double.parseDouble(row.get("se"))).as(row.get("term")).isCloseTo(se, within(1e-6 * se));
            compared++;
        }
        assertThat(compared).isEqualTo(3);
        JsonNode crc = JSON.readTree(os.resolve("cox_crc/model.json").toFile());
        assertThat(crc.get("n").asDouble()).isEqualTo(r.get("crc:n"));
        assertThat(crc.get("events").asDouble()).isEqualTo(r.get("crc:events"));

        compared = 0;
        for (String dir : List.of("cif_all", "cif_ras_mutant_primary")) {
            for (Map<String, String> row : SurvivalCliTest.tsv(os.resolve(dir + "/cif.tsv"))) {
                if (row.get("kind").equals("at") && (row.get("time").equals("365") || row.get("time").equals("730"))) {
                    String key = "cif:" + row.get("group") + ":" + row.get("cause") + ":" + row.get("time");
                    assertThat(r).containsKey(key);
                    assertThat(Double.parseDouble(row.get("cif"))).as(key).isCloseTo(r.get(key), within(1e-9));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(4 + 8);

        List<String> skipped = Files.readAllLines(out.resolve("skipped.tsv"));
        assertThat(skipped).containsExactly("endpoint\tanalysis\treason",
                "os_days\ttdc_plasma_detected\tno column plasma_detected in features.tsv",
                "os_days\tcif_any_driver_metastasis_new\tany_driver_metastasis_new is only known after the metastasis and survival cif has no landmark analysis");
        Plan p = JSON.readValue(out.resolve("plan.json").toFile(), Plan.class);
        assertThat(p.endpoints().get(0).cancerSpecific().crcDeaths() + p.endpoints().get(0).cancerSpecific().otherDeaths()
                + p.endpoints().get(0).cancerSpecific().unknownCause()).isEqualTo(p.endpoints().get(0).events());
        assertThat(p.commands()).hasSize(Files.readAllLines(commands).size());
        assertThat(os.resolve("km_any_driver_metastasis_new/logrank.json")).isNotEmptyFile();
        assertThat(os.resolve("validate/validation.json")).isNotEmptyFile();
    }
}
