package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Aalen-Johansen cumulative incidence ({@code survival cif}, issue 16 item 3) against
 * cmprsk::cuminc on R's mgus2 (progression vs death without progression), overall and by sex, at
 * 12..360 months, within 1e-9 (live src/test/r/cif_oracle.R).
 */
class CifVersusRTest {
    @TempDir
    Path tmp;

    @Test
    void cumulativeIncidenceMatchesCuminc() throws Exception {
        RScripts.run("cif_oracle.R", List.of("survival", "cmprsk"), tmp.toString());
        Map<String, Double> r = RScripts.keyValues(tmp.resolve("cif_expected.tsv"));
        for (String group : new String[] {null, "sex"}) {
            Path out = tmp.resolve(group == null ? "all" : group);
            List<String> a = new java.util.ArrayList<>(List.of("survival", "cif", "--data", tmp.resolve("mgus2.csv").toString(), "--time", "etime",
                    "--event", "event", "--at", "12,60,120,240,360", "--quiet", "--out", out.toString()));
            if (group != null) {
                a.addAll(List.of("--group", group));
            }
            Run run = SurvivalCliTest.run(a.toArray(String[]::new));
            assertThat(run.code()).as(run.err()).isZero();
            int compared = 0;
            for (Map<String, String> row : SurvivalCliTest.tsv(out.resolve("cif.tsv"))) {
                if (!row.get("kind").equals("at")) {
                    continue;
                }
                String key = "cif:" + row.get("group") + ":" + row.get("cause") + ":" + row.get("time");
                assertThat(r).containsKey(key);
                assertThat(Double.parseDouble(row.get("cif"))).as(key).isCloseTo(r.get(key), within(1e-9));
                compared++;
            }
            assertThat(compared).isEqualTo(group == null ? 10 : 20);
        }
        assertThat(Files.readString(tmp.resolve("sex/cif.json"))).contains("\"causes\" : 2");
    }

    @Test
    void aCauseThatIsNotAnIntegerIsAnError() throws Exception {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "time,event\n10,1\n20,1.5\n");
        Run run = SurvivalCliTest.run("survival", "cif", "--data", f.toString(), "--time", "time", "--event", "event", "--out", tmp.resolve("o").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("bad.csv line 3").contains("cause 1..k");
        // Cox on a competing-risk endpoint without --cause is refused naming the codes (KM warns: CompetingRisksVersusRTest)
        Files.writeString(f, "time,event,x\n10,1,1\n20,2,2\n30,0,3\n");
        run = SurvivalCliTest.run("survival", "cox", "--data", f.toString(), "--time", "time", "--event", "event", "--covariates", "x",
                "--out", tmp.resolve("k").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("bad.csv line 3").contains("must be 0 or 1").contains("[2]").contains("survival cif");
    }
}
