package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * {@code survival split} (issue 16 item 1) against R's tmerge(..., tdc(change, value, 0)) on a
 * simulated cohort whose "new driver in the metastasis" raises the hazard from the metastasis on:
 * the same (start, stop] rows, and {@code cox --start} on them equal to coxph on tmerge's rows
 * (live src/test/r/split_oracle.R). Rows without a follow-up time go to rejects.tsv, counted.
 */
class SplitVersusRTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void splitRowsAndTheirCoxFitEqualTmergeAndCoxph() throws Exception {
        Random rnd = new Random(11);
        StringBuilder sb = new StringBuilder("patient,os_days,os_event,metastasis_days,new_driver,age\n");
        for (int i = 0; i < 150; i++) {
            double age = 45 + rnd.nextInt(40);
            double met = rnd.nextDouble() < 0.6 ? 1 + rnd.nextInt(900) : Double.NaN;
            int driver = Double.isNaN(met) ? 0 : rnd.nextInt(2);
            // hazard doubles after a metastasis with a new driver
            double base = 0.0008 * Math.exp(0.02 * (age - 60));
            double t = -Math.log(rnd.nextDouble()) / base;
            if (!Double.isNaN(met) && driver == 1 && t > met) {
                t = met + (t - met) / 2.5;
            }
            double c = 300 + rnd.nextInt(1500);
            long time = Math.round(Math.min(t, c)) + 1;
            String metCell = Double.isNaN(met) ? "NA" : String.format(Locale.ROOT, "%d", (long) met);
            if (i == 7) {
                metCell = "0"; // known from the start
            }
            sb.append("P").append(i).append(',').append(i == 3 ? "NA" : Long.toString(time)).append(',').append(t <= c ? 1 : 0).append(',')
                    .append(metCell).append(',').append(Double.isNaN(met) && i != 7 ? "NA" : Integer.toString(driver)).append(',')
                    .append((long) age).append('\n');
        }
        Path in = tmp.resolve("features.csv");
        Files.writeString(in, sb.toString());
        // R's reference: without the row lacking a time (tmerge refuses NA times)
        Path rIn = tmp.resolve("r_in.csv");
        Files.writeString(rIn, String.join("\n", Files.readAllLines(in).stream().filter(l -> !l.startsWith("P3,")).toList()) + "\n");
        RScripts.run("split_oracle.R", List.of("survival"), rIn.toString(), tmp.toString());

        Run s = SurvivalCliTest.run("survival", "split", "--data", in.toString(), "--time", "os_days", "--event", "os_event",
                "--change", "metastasis_days", "--tdc", "new_driver", "--quiet", "--out", tmp.resolve("split").toString());
        assertThat(s.code()).as(s.err()).isZero();
        List<Map<String, String>> ours = SurvivalCliTest.tsv(tmp.resolve("split/split.tsv"));
        List<Map<String, String>> r = SurvivalCliTest.tsv(tmp.resolve("tmerge.tsv"));
        assertThat(ours).hasSameSizeAs(r);
        for (int i = 0; i < r.size(); i++) {
            Map<String, String> a = ours.get(i);
            Map<String, String> b = r.get(i);
            assertThat(a.get("patient")).isEqualTo(b.get("patient"));
            assertThat(Double.parseDouble(a.get("tstart"))).as("tstart row " + i).isEqualTo(Double.parseDouble(b.get("tstart")));
            assertThat(Double.parseDouble(a.get("tstop"))).as("tstop row " + i).isEqualTo(Double.parseDouble(b.get("tstop")));
            assertThat(a.get("os_event")).as("event row " + i).isEqualTo(b.get("death"));
            String rv = b.get("new_driver");
            assertThat(a.get("new_driver")).as("tdc row " + i).isEqualTo(rv.equals("NA") ? "NA" : rv);
        }
        List<Map<String, String>> rejects = SurvivalCliTest.tsv(tmp.resolve("split/rejects.tsv"));
        assertThat(rejects).singleElement().satisfies(x -> assertThat(x.get("id")).isEqualTo("P3"));
        JsonNode j = JSON.readTree(tmp.resolve("split/split.json").toFile());
        assertThat(j.get("patients_written").asInt() + j.get("rejected").asInt()).isEqualTo(j.get("rows_read").asInt());

        Run c = SurvivalCliTest.run("survival", "cox", "--data", tmp.resolve("split/split.tsv").toString(), "--start", "tstart",
                "--time", "tstop", "--event", "os_event", "--covariates", "age,new_driver", "--cluster", "patient", "--quiet",
                "--out", tmp.resolve("cox").toString());
        assertThat(c.code()).as(c.err()).isZero();
        Map<String, Double> e = RScripts.keyValues(tmp.resolve("split_expected.tsv"));
        for (Map<String, String> row : SurvivalCliTest.tsv(tmp.resolve("cox/coefficients.tsv"))) {
            double coef = e.get("coef:" + row.get("term"));
            assertThat(Double.parseDouble(row.get("coef"))).as(row.get("term")).isCloseTo(coef, within(1e-6 * Math.abs(coef)));
        }
        JsonNode m = JSON.readTree(tmp.resolve("cox/model.json").toFile());
        assertThat(m.get("loglik").asDouble()).isCloseTo(e.get("loglik"), within(1e-6 * Math.abs(e.get("loglik"))));
        assertThat(m.get("robust").get("naive_se").get("new_driver").asDouble()).isCloseTo(e.get("se:new_driver"), within(1e-6 * e.get("se:new_driver")));
    }
}
