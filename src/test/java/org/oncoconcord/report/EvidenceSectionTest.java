package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractFixtures;

/**
 * The report's evidence section shows the cohort table of what the reads changed (cohort/evidence_summary.tsv,
 * written here by the real cohort step from hand-built concordance.json files), with the patients without
 * reads named, and the variant classes from the VCFs alone -> with the reads (cohort and per patient); without
 * any reads (and no pileup files) the section is left out.
 */
class EvidenceSectionTest {
    @TempDir
    Path dir;

    private Path cohort(boolean withEvidence) throws Exception {
        Path in = Files.createDirectories(dir.resolve("conc" + withEvidence));
        for (String id : List.of("E1", "E2")) {
            ConcordanceJson c = ContractFixtures.concordance(id,
                    List.of(ContractFixtures.sample(id + "_T", "primary", 10), ContractFixtures.sample(id + "_M", "metastasis", 12)),
                    List.of(ContractFixtures.pair(id + "_T", "primary", id + "_M", "metastasis", 8, 2, 4, 0)),
                    Map.of("shared_primary_metastasis", 8L), Map.of(), ContractFixtures.ras(Map.of(), Map.of()), null);
            if (withEvidence && id.equals("E1")) { // E1_M: 14 sites = 12 called + 1 below threshold + 1 too few reads
                // classes: 8 shared with the reads, of which 7 from the VCFs alone and 1 primary only there
                c = c.withEvidence(new ConcordanceJson.Evidence("E1.evidence.tsv", 14, 14, 0,
                        List.of(new ConcordanceJson.EvidenceSample("E1_M", 14, 12, 1, 0, 1, 0)),
                        Map.of("shared_primary_metastasis", 7L, "primary_only", 1L),
                        List.of(new ConcordanceJson.ClassChange("primary_only", "shared_primary_metastasis", 1))));
            }
            ContractFixtures.write(in, c);
        }
        Files.writeString(in.resolve("clinical.csv"), "patient,os_days,os_event\nE1,100,0\nE2,200,1\n");
        Path out = dir.resolve("cohort" + withEvidence);
        var cl = Main.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cl.execute("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(), "--out",
                out.toString(), "--quiet")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    @Test
    void showsTheCohortTableAndNamesPatientsWithoutReads() throws Exception {
        String html = EvidenceSection.html(null, CohortResults.read(cohort(true)));
        assertThat(html).contains("<h3>Read-level evidence (PILEUP)</h3>").contains("What the reads changed in the comparison");
        assertThat(html).contains("<tr><td>metastasis</td><td class=\"num\">2</td><td class=\"num\">1 of 2</td><td class=\"num\">14</td>"
                + "<td class=\"num\">12</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                + "<td class=\"num\">2</td></tr>");
        assertThat(html).contains("<tr><td>primary</td><td class=\"num\">2</td><td class=\"num\">0 of 2</td><td>NA</td>");
        assertThat(html).contains("1 of 2 patients with reads").contains("No reads (no BAM): E2.");
        // classes before -> after: the cohort row, then E1 (E2 has no reads: not listed)
        String cells = "<td class=\"num\">8</td>" + String.join("", java.util.stream.Stream.of("7 \u2192 8", "1 \u2192 0", "0 \u2192 0",
                "0 \u2192 0", "0 \u2192 0", "0 \u2192 0", "1", "1").map(x -> "<td class=\"num\">" + x + "</td>").toList()) + "</tr>";
        assertThat(html).contains("Variant classes: VCFs alone \u2192 with the reads")
                .contains("<tr><td>All patients with reads (1)</td>" + cells).contains("<tr><td>E1</td>" + cells)
                .doesNotContain("<tr><td>E2</td>");
    }

    @Test
    void leftOutWithoutReads() throws Exception {
        assertThat(EvidenceSection.html(null, CohortResults.read(cohort(false)))).isEmpty();
    }
}
