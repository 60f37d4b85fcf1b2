package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;

/** The {@code cohort} command end to end on hand-made and planted-truth fixtures. */
class CohortCommandTest {

    record Run(int exit, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(ps);
            var cl = Main.commandLine();
            cl.setErr(new java.io.PrintWriter(ps, true));
            int code = cl.execute(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** Rows of a TSV as column -> value maps. */
    static List<Map<String, String>> tsv(Path p) throws Exception {
        return AgreementTest.readTsv(p);
    }

    static Map<String, String> row(List<Map<String, String>> rows, String... keyValues) {
        return rows.stream().filter(r -> {
            for (int i = 0; i < keyValues.length; i += 2) {
                if (!keyValues[i + 1].equals(r.get(keyValues[i]))) {
                    return false;
                }
            }
            return true;
        }).findFirst().orElseThrow(() -> new AssertionError("no row " + String.join(",", keyValues)));
    }

    @Test
    void handMadeFixtureAccountsForEveryInput(@TempDir Path tmp) throws Exception {
        Path in = CohortFixtures.copyFixture(tmp.resolve("conc"));
        Path out = tmp.resolve("out");
        Run r = run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(),
                "--by", "metastatic_site", "--out", out.toString(), "--quiet", "--skip-bad-inputs");
        assertThat(r.exit()).as(r.err()).isZero();

        JsonNode summary = new ObjectMapper().readTree(out.resolve("cohort.json").toFile());
        assertThat(summary.at("/counts/inputs").asInt()).isEqualTo(4);
        assertThat(summary.at("/counts/accepted").asInt() + summary.at("/counts/rejected").asInt()).isEqualTo(4);
        var rejects = tsv(out.resolve("rejects.tsv"));
        assertThat(rejects).hasSize(2);
        assertThat(row(rejects, "patient", "P003").get("reason")).contains("samples[1].type 'lymph_node'");
        assertThat(row(rejects, "patient", "P004").get("reason")).startsWith("not valid JSON");
        var warnings = tsv(out.resolve("warnings.tsv"));
        assertThat(row(warnings, "patient", "P002").get("warning")).contains("P002.variants.tsv");
        assertThat(row(warnings, "patient", "P005").get("warning")).contains("without a usable concordance");

        // per patient: P001 a primary->metastasis pair; P002 the pair written metastasis-first
        var pts = tsv(out.resolve("patients.tsv"));
        var p1 = row(pts, "patient", "P001");
        assertThat(p1).containsEntry("shared", "5").containsEntry("primary_only", "1").containsEntry("metastasis_new", "2")
                .containsEntry("percent_shared", "62.5").containsEntry("plasma_only", "1").containsEntry("plasma_tumour_signal", "1")
                .containsEntry("n_metastasis_new_in_genes", "1");
        var p2 = row(pts, "patient", "P002");
        assertThat(p2).containsEntry("shared", "3").containsEntry("primary_only", "1").containsEntry("metastasis_new", "1")
                .containsEntry("percent_shared", "60").containsEntry("plasma_only", "NA");
        var sum = row(tsv(out.resolve("patients_summary.tsv")), "metric", "percent_shared");
        assertThat(sum).containsEntry("n", "2").containsEntry("median", "61.25").containsEntry("q1", "60.625").containsEntry("q3", "61.875");

        // per gene: KRAS primary vs metastasis = P001 both mutated, P002 metastasis only
        var conc = tsv(out.resolve("gene_concordance.tsv"));
        var kras = row(conc, "comparison", "primary_vs_metastasis", "feature", "KRAS");
        assertThat(kras).containsEntry("n_evaluable", "2").containsEntry("both_mutated", "1").containsEntry("test_only", "1")
                .containsEntry("opa", "0.5").containsEntry("mcnemar_method", "exact_binomial").containsEntry("mcnemar_p", "1");
        assertThat(row(conc, "comparison", "primary_vs_metastasis", "feature", "SMAD4")).containsEntry("n_evaluable", "1");
        assertThat(row(conc, "comparison", "tissue_vs_plasma", "feature", "RAS")).containsEntry("n_evaluable", "1")
                .containsEntry("both_mutated", "1").containsEntry("kind", "status");
        assertThat(row(conc, "comparison", "primary_vs_metastasis", "feature", "BRAF_V600E")).containsEntry("both_mutated", "1")
                .containsEntry("both_wildtype", "1");

        // stratified by the clinical column and by plasma signal
        var byLiver = tsv(out.resolve("gene_concordance.by_metastatic_site.tsv"));
        assertThat(row(byLiver, "stratum", "liver", "comparison", "primary_vs_metastasis", "feature", "KRAS")).containsEntry("n_evaluable", "1")
                .containsEntry("both_mutated", "1");
        assertThat(row(byLiver, "stratum", "lung", "comparison", "primary_vs_metastasis", "feature", "KRAS")).containsEntry("test_only", "1");
        var bySignal = tsv(out.resolve("patients_summary.by_plasma_tumour_signal.tsv"));
        assertThat(row(bySignal, "stratum", "no_plasma", "metric", "shared")).containsEntry("median", "3");
        assertThat(row(bySignal, "stratum", "signal", "metric", "shared")).containsEntry("median", "5");

        // new in the metastasis by gene: P001 PIK3CA from its variants table, P002 KRAS from gene status
        var newByGene = tsv(out.resolve("metastasis_new_by_gene.tsv"));
        assertThat(row(newByGene, "gene", "PIK3CA")).containsEntry("patients_with_new", "1").containsEntry("patients_evaluable", "2");
        assertThat(row(newByGene, "gene", "KRAS")).containsEntry("patients_with_new", "1");
        assertThat(row(newByGene, "gene", "SMAD4")).containsEntry("patients_evaluable", "1");

        // features for survival, with the landmark marks
        var feats = tsv(out.resolve("features.tsv"));
        assertThat(feats).hasSize(2);
        var f1 = row(feats, "patient", "P001");
        assertThat(f1).containsEntry("os_days", "812").containsEntry("metastatic_site", "liver").containsEntry("KRAS_primary", "1")
                .containsEntry("SMAD4_primary", "1").containsEntry("PIK3CA_primary", "0").containsEntry("ras_mutant_primary", "1")
                .containsEntry("braf_v600e_primary", "0").containsEntry("n_metastasis_new", "2").containsEntry("any_driver_metastasis_new", "1")
                .containsEntry("PIK3CA_metastasis_new", "1").containsEntry("KRAS_metastasis_new", "0").containsEntry("plasma_detected", "1")
                .doesNotContainKey("DNMT3A_primary");
        var f2 = row(feats, "patient", "P002");
        assertThat(f2).containsEntry("ras_mutant_primary", "0").containsEntry("ras_mutant_metastasis", "1").containsEntry("braf_v600e_primary", "1")
                .containsEntry("KRAS_metastasis_new", "1").containsEntry("SMAD4_metastasis_new", "NA").containsEntry("plasma_detected", "NA");
        var cols = tsv(out.resolve("features.columns.tsv"));
        assertThat(cols.stream().map(c -> c.get("column")).toList()).isEqualTo(List.of(Files.readAllLines(out.resolve("features.tsv")).get(0).split("\t")));
        assertThat(row(cols, "column", "KRAS_primary")).containsEntry("available_at", "baseline");
        assertThat(row(cols, "column", "n_metastasis_new")).containsEntry("available_at", "post_metastasis");
        assertThat(row(cols, "column", "plasma_detected")).containsEntry("available_at", "post_metastasis");
        assertThat(row(cols, "column", "os_days")).containsEntry("kind", "outcome");
        assertThat(row(cols, "column", "age")).containsEntry("kind", "clinical").containsEntry("available_at", "baseline");
        assertThat(row(cols, "column", "metastatic_site")).containsEntry("available_at", "post_metastasis");

        // MultiQC custom content
        List<String> mqc = Files.readAllLines(out.resolve("gene_concordance_mqc.tsv"));
        assertThat(mqc.get(0)).isEqualTo("# id: 'oncoconcord_gene_concordance'");
        assertThat(mqc).contains("# plot_type: 'table'");
        assertThat(mqc.stream().filter(l -> l.startsWith("primary_vs_metastasis:KRAS\t")).count()).isEqualTo(1);
        // no temporary files left behind
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
        }
    }

    /**
     * A 98-patient cohort planted with the RAS plasma-vs-tissue table of Schmiegel et al. 2017
     * (PMC5527457): PPA 90.4% (47/52), NPA 93.5% (43/46), OPA 91.8% (90/98).
     */
    @Test
    void reproducesPublishedPlasmaAgreementThroughTheCli(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("conc"));
        StringBuilder clin = new StringBuilder("patient,os_days,os_event\n");
        int[][] cells = {{47, 1, 1}, {5, 1, 0}, {3, 0, 1}, {43, 0, 0}};
        int id = 0;
        for (int[] c : cells) {
            for (int i = 0; i < c[0]; i++) {
                String pid = String.format("S%03d", ++id);
                CohortFixtures.writePatient(in, pid, c[1] == 1, c[1] == 1, c[2] == 1, 10, 1, 1, true);
                clin.append(pid).append(",100,0\n");
            }
        }
        Files.writeString(in.resolve("clinical.csv"), clin);
        Path out = tmp.resolve("out");
        Run r = run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        var ras = row(tsv(out.resolve("gene_concordance.tsv")), "comparison", "tissue_vs_plasma", "feature", "RAS");
        assertThat(ras.get("n_evaluable")).isEqualTo("98");
        assertThat(100 * Double.parseDouble(ras.get("ppa"))).isCloseTo(90.4, within(0.05));
        assertThat(100 * Double.parseDouble(ras.get("npa"))).isCloseTo(93.5, within(0.05));
        assertThat(100 * Double.parseDouble(ras.get("opa"))).isCloseTo(91.8, within(0.05));
        // warnings: no variants tables; nothing rejected
        assertThat(tsv(out.resolve("rejects.tsv"))).isEmpty();
        assertThat(tsv(out.resolve("warnings.tsv"))).hasSize(98);
    }

    /** Random planted calls: the 2x2 cells per stratum equal a direct count of what was planted. */
    @Test
    void plantedCallsAreCountedPerStratum(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("conc"));
        Random rnd = new Random(7);
        StringBuilder clin = new StringBuilder("patient,metastatic_site\n");
        int[][] expected = new int[2][4]; // site (liver, lung) x cell, primary vs metastasis RAS
        List<Integer> shared = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String pid = "R" + i;
            boolean prim = rnd.nextDouble() < 0.4;
            boolean met = rnd.nextDouble() < 0.1 ? !prim : prim;
            Boolean plasma = rnd.nextDouble() < 0.1 ? null : met && rnd.nextDouble() < 0.8;
            int site = rnd.nextInt(2);
            int s = rnd.nextInt(40);
            shared.add(s);
            CohortFixtures.writePatient(in, pid, prim, met, plasma, s, rnd.nextInt(5), rnd.nextInt(8), plasma != null);
            clin.append(pid).append(',').append(site == 0 ? "liver" : "lung").append('\n');
            expected[site][prim && met ? 0 : prim ? 1 : met ? 2 : 3]++;
        }
        Files.writeString(in.resolve("clinical.csv"), clin);
        Path out = tmp.resolve("out");
        Run r = run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(),
                "--by", "metastatic_site", "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        var by = tsv(out.resolve("gene_concordance.by_metastatic_site.tsv"));
        String[] sites = {"liver", "lung"};
        for (int s = 0; s < 2; s++) {
            var ras = row(by, "stratum", sites[s], "comparison", "primary_vs_metastasis", "feature", "RAS");
            assertThat(List.of(ras.get("both_mutated"), ras.get("reference_only"), ras.get("test_only"), ras.get("both_wildtype")))
                    .isEqualTo(List.of(expected[s][0] + "", expected[s][1] + "", expected[s][2] + "", expected[s][3] + ""));
        }
        double[] v = shared.stream().mapToDouble(Integer::doubleValue).sorted().toArray();
        double median = (v[29] + v[30]) / 2;
        assertThat(Double.parseDouble(row(tsv(out.resolve("patients_summary.tsv")), "metric", "shared").get("median"))).isEqualTo(median);
    }

    /** Nextflow stages inputs as symbolic links, folders included. */
    @Test
    void followsSymbolicLinksToFolders(@TempDir Path tmp) throws Exception {
        Path real = CohortFixtures.copyFixture(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("staged"), real);
        Path out = tmp.resolve("out");
        Run r = run("cohort", "--concordance", link.toString(), "--clinical", real.resolve("clinical.csv").toString(), "--out", out.toString(), "--quiet",
                "--skip-bad-inputs");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(tsv(out.resolve("patients.tsv"))).hasSize(2);
        assertThat(tsv(out.resolve("rejects.tsv"))).hasSize(2);
    }

    @Test
    void badClinicalTableIsAOneLineErrorAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path in = CohortFixtures.copyFixture(tmp.resolve("conc"));
        Path clin = tmp.resolve("bad.csv");
        Files.writeString(clin, "id,os_days\nP001,3\n");
        Path out = tmp.resolve("out");
        Run r = run("cohort", "--concordance", in.toString(), "--clinical", clin.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv line 1: no 'patient' column");
        assertThat(out).doesNotExist();

        Files.writeString(clin, "patient,os_days\nP001,3\nP001,4\n");
        r = run("cohort", "--concordance", in.toString(), "--clinical", clin.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("line 3: patient 'P001' appears twice");
    }

    @Test
    void noUsableInputIsAnErrorAndUnknownByColumnAUsageError(@TempDir Path tmp) throws Exception {
        Path in = CohortFixtures.copyFixture(tmp.resolve("conc"));
        Path out = tmp.resolve("out");
        Run r = run("cohort", "--concordance", in.resolve("P003.concordance.json").toString(), in.resolve("P004.concordance.json").toString(),
                "--clinical", in.resolve("clinical.csv").toString(), "--out", out.toString(), "--quiet", "--skip-bad-inputs");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no usable concordance result among 2 input(s)").contains("P003.concordance.json");
        assertThat(out).doesNotExist();

        r = run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(), "--by", "nope", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--by nope: no such column");
    }
}
