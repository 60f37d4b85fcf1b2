package org.oncoconcord.multiqc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oncoconcord.contract.ContractFixtures;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.testing.SystemTools;

/**
 * {@code oncoconcord multiqc-stats} on the layout the MULTIQC_STATS task sees (patient folders
 * staged as symbolic links), checked through Debian's MultiQC's own parse of the table.
 */
class MultiqcStatsCommandTest {
    @TempDir
    Path tmp;

    private Path fixture() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("work/P1"));
        Files.writeString(real.resolve("T.normalize.json"), "{\"in\": 1200, \"out\": 1190, \"split_added\": 0, \"rejected_total\": 10}");
        Files.writeString(real.resolve("P.normalize.json"), "{\"in\": 80, \"out\": 80, \"split_added\": 0, \"rejected_total\": 0}");
        Path real2 = Files.createDirectories(tmp.resolve("work/P1.X"));
        Files.writeString(real2.resolve("T.normalize.json"), "{\"in\": 7, \"out\": 7, \"split_added\": 0, \"rejected_total\": 0}");
        Path staged = Files.createDirectories(tmp.resolve("task/normalized"));
        Files.createSymbolicLink(staged.resolve("P1"), real);
        Files.createSymbolicLink(staged.resolve("P1.X"), real2);
        Path conc = Files.createDirectories(tmp.resolve("task/concordance"));
        ContractFixtures.concordance(conc, "P1", "T", 1100, 0.1234, "P", 3, 0.004, 0.0137);
        Files.writeString(tmp.resolve("task/sheet.csv"), "patient,sample,type,vcf\nP1,T,primary,/a.vcf\nP1,P,plasma,/b.vcf\nP1.X,T,primary,/c.vcf\n");
        return tmp.resolve("task");
    }

    @Test
    void oneRowPerSampleWithCountsAndPercentages() throws Exception {
        Path task = fixture();
        Path out = task.resolve("general_stats_mqc.tsv");
        int exit = Main.commandLine().execute("multiqc-stats", "--samplesheet", task.resolve("sheet.csv").toString(),
                "--normalized", task.resolve("normalized").toString(), "--concordance", task.resolve("concordance").toString(), "--out", out.toString());
        assertThat(exit).isZero();
        List<String> data = Files.readAllLines(out).stream().filter(l -> !l.startsWith("#")).toList();
        // the tumour fraction is the plasma sample's plasma.tumour_fraction.estimate (read from a key the
        // contract never had before the typed reader, so the column was always empty)
        assertThat(data).containsExactly("Sample\trecords\trejected\trejected_pct\tvariants\tmedian_vaf_pct\ttumour_fraction_pct",
                "P1/T\t1200\t10\t0.8333\t1100\t12.34\t",
                "P1/P\t80\t0\t0\t3\t0.4\t1.37",
                "P1.X/T\t7\t0\t0\t\t\t");

        Path multiqc = SystemTools.find("multiqc");
        SystemTools.requireOrSkip(multiqc != null, "multiqc not installed (Debian package multiqc): MultiQC's parse not checked");
        Process p = new ProcessBuilder(multiqc.toString(), "--force", "--no-ansi", "-o", tmp.resolve("mqc").toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        List<String> lines = Files.readAllLines(tmp.resolve("mqc/multiqc_data/multiqc_general_stats.txt"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        Map<String, List<String>> rows = lines.subList(1, lines.size()).stream().map(l -> List.of(l.split("\t", -1)))
                .collect(Collectors.toMap(r -> r.get(0), r -> r));
        int records = indexEndingWith(header, "-records");
        int variants = indexEndingWith(header, "-variants");
        int vaf = indexEndingWith(header, "-median_vaf_pct");
        assertThat(Double.parseDouble(rows.get("P1/T").get(records))).isEqualTo(1200);
        assertThat(Double.parseDouble(rows.get("P1/T").get(variants))).isEqualTo(1100);
        assertThat(Double.parseDouble(rows.get("P1/T").get(vaf))).isEqualTo(12.34);
        assertThat(Double.parseDouble(rows.get("P1.X/T").get(records))).isEqualTo(7);
        assertThat(rows.get("P1.X/T").get(variants)).isEmpty();
    }

    @Test
    void statsOfASampleNotInTheSamplesheetIsAnError() throws Exception {
        Path task = fixture();
        Files.writeString(task.resolve("sheet.csv"), "patient,sample,type,vcf\nP1,T,primary,/a.vcf\nP1,P,plasma,/b.vcf\n");
        Path out = task.resolve("general_stats_mqc.tsv");
        int exit = Main.commandLine().execute("multiqc-stats", "--samplesheet", task.resolve("sheet.csv").toString(),
                "--normalized", task.resolve("normalized").toString(), "--out", out.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    /** The one strict concordance.json reader: a result without a key is refused, naming file and key (read as empty before). */
    @Test
    void incompleteConcordanceResultIsRefusedNamingTheKey() throws Exception {
        Path task = fixture();
        Path json = task.resolve("concordance/P1.concordance.json");
        Files.writeString(json, "{\"patient\": \"P1\", \"samples\": [{\"label\": \"T\", \"n_variants\": 1100}]}");
        Path out = task.resolve("general_stats_mqc.tsv");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        int exit = cl.execute("multiqc-stats", "--samplesheet", task.resolve("sheet.csv").toString(),
                "--normalized", task.resolve("normalized").toString(), "--concordance", task.resolve("concordance").toString(),
                "--out", out.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(json + ": key 'tool_version' missing");
        assertThat(out).doesNotExist();
    }

    /**
     * The layout of the pipeline's MULTIQC_STATS task since the gathering steps stage one folder per batch:
     * normalized/<n>/normalized/<patient>/ and concordance/<n>/concordance/<patient>.concordance.json, each
     * batch folder a symbolic link. Same rows as the flat layout; a patient in two batches is refused.
     */
    @Test
    void batchFoldersAreSearchedRecursivelyAndAPatientTwiceIsRefused() throws Exception {
        Path flat = fixture();
        Path flatOut = flat.resolve("flat_mqc.tsv");
        assertThat(Main.commandLine().execute("multiqc-stats", "--samplesheet", flat.resolve("sheet.csv").toString(),
                "--normalized", flat.resolve("normalized").toString(), "--concordance", flat.resolve("concordance").toString(),
                "--out", flatOut.toString())).isZero();

        Path task = Files.createDirectories(tmp.resolve("batched"));
        Files.createDirectories(task.resolve("normalized/1"));
        Files.createDirectories(task.resolve("concordance/1"));
        Files.createSymbolicLink(task.resolve("normalized/1/normalized"), flat.resolve("normalized"));
        Files.createSymbolicLink(task.resolve("concordance/1/concordance"), flat.resolve("concordance"));
        Path out = task.resolve("general_stats_mqc.tsv");
        assertThat(Main.commandLine().execute("multiqc-stats", "--samplesheet", flat.resolve("sheet.csv").toString(),
                "--normalized", task.resolve("normalized").toString(), "--concordance", task.resolve("concordance").toString(),
                "--out", out.toString())).isZero();
        assertThat(Files.readAllLines(out)).isEqualTo(Files.readAllLines(flatOut));
        assertThat(Files.readAllLines(out).stream().filter(l -> l.startsWith("P1/T\t")).findFirst().orElseThrow())
                .isEqualTo("P1/T\t1200\t10\t0.8333\t1100\t12.34\t");

        // the same patient's result in a second batch folder: an error naming the file, no output
        Path second = Files.createDirectories(tmp.resolve("second/concordance"));
        ContractFixtures.concordance(second, "P1", "T", 1100, 0.1234, "P", 3, 0.004, 0.0137);
        Files.createDirectories(task.resolve("concordance/2"));
        Files.createSymbolicLink(task.resolve("concordance/2/concordance"), second);
        Files.delete(out);
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        int exit = cl.execute("multiqc-stats", "--samplesheet", flat.resolve("sheet.csv").toString(),
                "--normalized", task.resolve("normalized").toString(), "--concordance", task.resolve("concordance").toString(),
                "--out", out.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("P1.concordance.json: a second concordance result for P1/");
        assertThat(out).doesNotExist();
    }

    private static int indexEndingWith(List<String> header, String suffix) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).endsWith(suffix)) {
                return i;
            }
        }
        throw new AssertionError("no column *" + suffix + " in " + header);
    }
}
