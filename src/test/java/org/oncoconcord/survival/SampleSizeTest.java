package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Events per parameter and Riley et al.'s minimum sample size (issue 16 item 4): the published
 * worked example, and the over-fitting warning of a demo-sized model (4 terms on 7 events).
 * R's rsq/maxrsq are checked in {@link ClusterRobustVersusRTest}.
 */
class SampleSizeTest {
    @TempDir
    Path tmp;

    @Test
    void rileyCriterionOneReproducesThePublishedExample() {
        // Riley et al., BMJ 2020;368:m441, time-to-event example: 30 parameters, anticipated R2_CS 0.051,
        // shrinkage 0.9 -> 5143 participants
        assertThat(SampleSize.rileyShrinkageCriterion(30, 0.051, 0.9)).isEqualTo(5143);
        assertThat(SampleSize.rileyShrinkageCriterion(30, 0, 0.9)).isNaN();
    }

    @Test
    void fourTermsOnSevenEventsIsFlaggedAsOverfitted() throws Exception {
        Random rnd = new Random(2);
        StringBuilder sb = new StringBuilder("patient\tos_days\tos_event\tage\tstage\tras\tbraf\n");
        int events = 0;
        for (int i = 0; i < 40; i++) {
            int e = events < 7 && rnd.nextInt(4) == 0 ? 1 : 0;
            events += e;
            sb.append("P").append(i).append('\t').append(100 + rnd.nextInt(2000)).append('\t').append(e).append('\t')
                    .append(50 + rnd.nextInt(30)).append('\t').append(1 + rnd.nextInt(4)).append('\t').append(rnd.nextInt(2))
                    .append('\t').append(rnd.nextInt(2)).append('\n');
        }
        Path f = tmp.resolve("demo.tsv");
        Files.writeString(f, sb.toString());
        Run r = SurvivalCliTest.run("survival", "cox", "--data", f.toString(), "--time", "os_days", "--event", "os_event",
                "--covariates", "age,stage,ras,braf", "--firth", "never", "--quiet", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(tmp.resolve("o/model.json").toFile()).get("sample_size");
        assertThat(s.get("events").asInt()).isEqualTo(events);
        assertThat(s.get("parameters").asInt()).isEqualTo(4);
        assertThat(s.get("events_per_parameter").asDouble()).isEqualTo(events / 4.0);
        assertThat(s.get("overfitted").asBoolean()).isTrue();
        assertThat(s.get("warnings").toString()).contains(events + " events for 4 parameters");
    }
}
