package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.SystemTools;

/**
 * The landmark analysis ({@code --landmark COL}): on a hand-checkable table, and against R's coxph
 * and survfit on the same subset with shifted times (colon trial: death after recurrence, the
 * recurrence time as landmark), through the cox, univariable and km subcommands.
 */
class LandmarkTest {
    @TempDir
    Path tmp;

    static DataTable hand() {
        Map<String, List<String>> cols = new LinkedHashMap<>();
        cols.put("id", List.of("A", "B", "C", "D", "E", "F"));
        cols.put("time", List.of("100", "40", "50", "200", "", "300"));
        cols.put("event", List.of("1", "1", "0", "0", "1", "0"));
        cols.put("lm", List.of("50", "50", "50", "", "30", "0"));
        return DataTable.of("hand.csv", cols);
    }

    @Test
    void keepsRowsAtRiskAndShiftsTimeCountingEveryDroppedRow() {
        Landmark.Applied a = Landmark.apply(hand(), "time", "event", "lm");
        // A at risk (100 > 50) -> 50; B event at 40 before 50; C censored at the landmark (50 is not > 50);
        // D no landmark; E time missing: kept for the missing-value count; F landmark 0 -> 300
        assertThat(a.table().column("id")).containsExactly("A", "E", "F");
        assertThat(a.table().column("time")).containsExactly("50", "", "300");
        assertThat(a.table().column("lm")).containsExactly("50", "30", "0");
        assertThat(a.table().line(0)).isEqualTo(2);
        assertThat(a.table().line(2)).isEqualTo(7);
        Landmark c = a.counts();
        assertThat(List.of(c.rowsRead(), c.missingLandmark(), c.notAtRisk(), c.notAtRiskEvents(), c.kept())).containsExactly(6, 1, 2, 1, 3);
    }

    @Test
    void negativeLandmarkIsAnErrorNamingTheLine() {
        Map<String, List<String>> cols = new LinkedHashMap<>();
        cols.put("time", List.of("10", "20"));
        cols.put("lm", List.of("5", "-1"));
        assertThatThrownBy(() -> Landmark.apply(DataTable.of("t.csv", cols), "time", null, "lm"))
                .isInstanceOf(UserException.class).hasMessage("t.csv line 3: landmark column 'lm' is negative (-1)");
    }

    @Test
    void kmFromTheLandmarkByHandAndCountsInTheJson() throws Exception {
        Path csv = tmp.resolve("hand.csv");
        Files.writeString(csv, "id,time,event,lm\nA,100,1,50\nB,40,1,50\nC,50,0,50\nD,200,0,\nE,,1,30\nF,300,0,0\n");
        SurvivalCliTest.Run r = SurvivalCliTest.run("survival", "km", "--data", csv.toString(), "--time", "time", "--event", "event",
                "--landmark", "lm", "--at", "49,50,300", "--out", tmp.resolve("km").toString());
        assertThat(r.code()).as(r.err()).isZero();
        // from the landmark: A dies at 50 of 2 at risk (A, F); E has no time
        List<Map<String, String>> at = SurvivalCliTest.tsv(tmp.resolve("km/km.tsv")).stream().filter(m -> m.get("kind").equals("at")).toList();
        assertThat(at).extracting(m -> m.get("surv")).containsExactly("1", "0.5", "0.5");
        assertThat(at).extracting(m -> m.get("n_risk")).containsExactly("2", "2", "1");
        JsonNode j = SurvivalCliTest.JSON.readTree(tmp.resolve("km/logrank.json").toFile());
        assertThat(j.get("n").asInt()).isEqualTo(2);
        assertThat(j.get("events").asInt()).isEqualTo(1);
        assertThat(j.get("dropped_missing").asInt()).isEqualTo(1);
        JsonNode lm = j.get("landmark");
        assertThat(lm.get("column").asText()).isEqualTo("lm");
        assertThat(lm.get("rows_read").asInt()).isEqualTo(6);
        assertThat(lm.get("dropped_landmark_missing").asInt()).isEqualTo(1);
        assertThat(lm.get("dropped_not_at_risk").asInt()).isEqualTo(2);
        assertThat(lm.get("dropped_not_at_risk_events").asInt()).isEqualTo(1);
        assertThat(lm.get("kept").asInt()).isEqualTo(j.get("n").asInt() + j.get("dropped_missing").asInt());
    }

    @Test
    void noRowAtRiskIsAOneLineError() throws Exception {
        Path csv = tmp.resolve("none.csv");
        Files.writeString(csv, "time,event,lm,x\n10,1,20,1\n30,1,30,0\n");
        SurvivalCliTest.Run r = SurvivalCliTest.run("survival", "cox", "--data", csv.toString(), "--time", "time", "--event", "event",
                "--covariates", "x", "--landmark", "lm", "--out", tmp.resolve("cox").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("none.csv: no row is at risk at the landmark 'lm' (0 without it, 2 with time <= lm)");
        assertThat(tmp.resolve("cox")).doesNotExist();
    }

    /** colon.csv as one row per patient: death time and status, recurrence time when recurred (the landmark). */
    private Path colonLandmarkTable() throws Exception {
        DataTable colon = DataTable.read(SharedData.require("survival/colon.csv"));
        Map<String, String> recurrence = new HashMap<>();
        for (int i = 0; i < colon.rows(); i++) {
            if (colon.cell("etype", i).equals("1") && colon.cell("status", i).equals("1")) {
                recurrence.put(colon.cell("id", i), colon.cell("time", i));
            }
        }
        StringBuilder sb = new StringBuilder("id,time,status,rec_time,rx,age,nodes\n");
        for (int i = 0; i < colon.rows(); i++) {
            if (colon.cell("etype", i).equals("2")) {
                String id = colon.cell("id", i);
                sb.append(String.join(",", id, colon.cell("time", i), colon.cell("status", i), recurrence.getOrDefault(id, ""),
                        colon.cell("rx", i), colon.cell("age", i), colon.cell("nodes", i))).append('\n');
            }
        }
        Path csv = tmp.resolve("colon_landmark.csv");
        Files.writeString(csv, sb);
        return csv;
    }

    private static Map<String, Double> runR(Path rscript, Path csv, Path out) throws Exception {
        Process p = new ProcessBuilder(rscript.toString(), SharedData.projectDir().resolve("src/test/r/landmark_oracle.R").toString(),
                csv.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        Map<String, Double> m = new HashMap<>();
        for (String l : Files.readAllLines(out).subList(1, Files.readAllLines(out).size())) {
            String[] f = l.split("\t");
            m.put(f[0], Double.parseDouble(f[1]));
        }
        return m;
    }

    @Test
    void coxUnivariableAndKmFromTheLandmarkEqualR() throws Exception {
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        Process probe = new ProcessBuilder(rscript.toString(), "-e", "library(survival)").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        org.oncoconcord.testing.SystemTools.requireOrSkip(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0, "skipped: R package survival missing (r-cran-survival)");
        Path csv = colonLandmarkTable();
        Map<String, Double> r = runR(rscript, csv, tmp.resolve("r.tsv"));
        assertThat(r.get("kept")).isGreaterThan(300.0); // recurrences followed by more follow-up
        String[] data = {"--data", csv.toString(), "--time", "time", "--event", "status", "--landmark", "rec_time"};

        // multivariable Cox on the landmark subset
        List<String> args = new ArrayList<>(List.of("survival", "cox"));
        args.addAll(List.of(data));
        args.addAll(List.of("--covariates", "rx,age,nodes", "--ref-level", "rx=Obs", "--out", tmp.resolve("cox").toString()));
        SurvivalCliTest.Run run = SurvivalCliTest.run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        for (Map<String, String> t : SurvivalCliTest.tsv(tmp.resolve("cox/coefficients.tsv"))) {
            assertClose(t.get("coef"), r.get("multi:coef:" + t.get("term")), t.get("term"));
            assertClose(t.get("se"), r.get("multi:se:" + t.get("term")), t.get("term") + " se");
        }
        JsonNode m = SurvivalCliTest.JSON.readTree(tmp.resolve("cox/model.json").toFile());
        assertThat(m.get("n").asDouble()).isEqualTo(r.get("multi:n"));
        assertThat(m.get("events").asDouble()).isEqualTo(r.get("multi:events"));
        assertThat(m.get("loglik").asDouble()).isCloseTo(r.get("multi:loglik"), within(1e-7));
        JsonNode lm = m.get("landmark");
        assertThat(lm.get("rows_read").asDouble()).isEqualTo(r.get("rows"));
        assertThat(lm.get("dropped_landmark_missing").asDouble()).isEqualTo(r.get("missing_landmark"));
        assertThat(lm.get("dropped_not_at_risk").asDouble()).isEqualTo(r.get("not_at_risk"));
        assertThat(lm.get("dropped_not_at_risk_events").asDouble()).isEqualTo(r.get("not_at_risk_events"));
        assertThat(lm.get("kept").asDouble()).isEqualTo(r.get("kept"));
        // nothing lost: every row read is a case, a missing value or a landmark drop
        assertThat(m.get("rows_read").asInt()).isEqualTo(m.get("n").asInt() + m.get("dropped_missing").asInt()
                + lm.get("dropped_landmark_missing").asInt() + lm.get("dropped_not_at_risk").asInt());

        // univariable: age from time 0 on every row, nodes from the landmark
        args = new ArrayList<>(List.of("survival", "univariable"));
        args.addAll(List.of(data));
        args.addAll(List.of("--covariates", "age,nodes", "--landmark-covariates", "nodes", "--out", tmp.resolve("uni").toString()));
        run = SurvivalCliTest.run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> uni = SurvivalCliTest.tsv(tmp.resolve("uni/univariable.tsv"));
        assertThat(uni).extracting(u -> u.get("feature") + ":" + u.get("analysis")).containsExactly("age:baseline", "nodes:landmark");
        for (Map<String, String> u : uni) {
            String key = "uni_" + u.get("feature");
            assertClose(u.get("coef"), r.get(key + ":coef:" + u.get("term")), key);
            assertClose(u.get("se"), r.get(key + ":se:" + u.get("term")), key + " se");
            assertThat(Double.parseDouble(u.get("n"))).isEqualTo(r.get(key + ":n"));
            assertThat(Double.parseDouble(u.get("events"))).isEqualTo(r.get(key + ":events"));
            assertThat(Math.log(Double.parseDouble(u.get("hr")))).isCloseTo(Double.parseDouble(u.get("coef")), within(1e-8));
        }
        assertThat(uni.get(0).get("dropped_landmark")).isEqualTo("0");
        assertThat(Double.parseDouble(uni.get(1).get("dropped_landmark"))).isEqualTo(r.get("missing_landmark") + r.get("not_at_risk"));
        assertThat(tmp.resolve("uni/cox_uni_nodes/model.json")).isRegularFile();
        assertThat(SurvivalCliTest.JSON.readTree(tmp.resolve("uni/cox_uni_age/model.json").toFile()).get("landmark").isNull()).isTrue();

        // Kaplan-Meier from the landmark at 365 days
        args = new ArrayList<>(List.of("survival", "km"));
        args.addAll(List.of(data));
        args.addAll(List.of("--at", "365", "--out", tmp.resolve("km").toString()));
        run = SurvivalCliTest.run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, String> at = SurvivalCliTest.tsv(tmp.resolve("km/km.tsv")).stream().filter(x -> x.get("kind").equals("at")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(at.get("surv"))).isCloseTo(r.get("km:surv365"), within(1e-9));
        assertThat(Double.parseDouble(at.get("n_risk"))).isEqualTo(r.get("km:n_risk365"));
    }

    private static void assertClose(String ours, Double r, String what) {
        assertThat(r).as("R value of " + what).isNotNull();
        assertThat(Double.parseDouble(ours)).as(what).isCloseTo(r, within(1e-6 * Math.max(1, Math.abs(r))));
    }
}
