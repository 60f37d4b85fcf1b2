package org.oncoconcord.clonality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;

/**
 * A given purity (the samplesheet's {@code purity}, {@code --purity S=X --purity-source samplesheet})
 * replaces the estimate and is recorded with its source; without it the clonal-cluster estimate is used
 * ({@code estimated}); a sample's own segment file ({@code --sample-segments S=FILE}) sets the copy
 * number of its variants. Planted truth, seed 15601 (used by no other test): purity 0.3, 30 clonal
 * variants (CCF 1) and 20 subclonal (CCF 0.4) at depth 1000 on copy number 2, 20 clonal variants on a
 * copy-number-4 segment.
 */
class ClonalityPurityTest {
    private static final String HEADER = "contig\tpos\tref\talt\tsample\tdepth\tref_count\talt_count\tother_count"
            + "\tref_fwd\tref_rev\talt_fwd\talt_rev\tvaf\terror_rate\tp_value\tstate\n";
    private static final double PURITY = 0.3;

    @TempDir
    Path dir;
    Path evidence;

    @BeforeEach
    void plant() throws IOException {
        MersenneTwister rng = new MersenneTwister(15601);
        StringBuilder ev = new StringBuilder(HEADER);
        for (int v = 0; v < 70; v++) {
            int pos = v < 50 ? 1000 + v : 5000 + v; // 5050-5069: the copy-number-4 segment
            double ccf = v < 30 || v >= 50 ? 1 : 0.4;
            double cn = v >= 50 ? 4 : 2;
            double vaf = ccf * PURITY / (PURITY * cn + 2 * (1 - PURITY));
            int alt = new BinomialDistribution(rng, 1000, vaf).sample();
            ev.append(String.join("\t", "chr1", Integer.toString(pos), "A", "C", "T", "1000", Integer.toString(1000 - alt),
                    Integer.toString(alt), "0", "0", "0", "0", "0", "0.1", "0.001", "0.001", "CALLED")).append('\n');
        }
        evidence = Files.writeString(dir.resolve("P.evidence.tsv"), ev.toString());
    }

    private List<String[]> run(String name, String... args) throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        List<String> all = new ArrayList<>(List.of("clonality", "--quiet", "--patient", "P", "--evidence", evidence.toString(),
                "--type", "T=primary", "--out", out.toString()));
        all.addAll(List.of(args));
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(all.toArray(String[]::new))).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("P.ccf.tsv"));
        assertThat(lines.get(0).split("\t")[11]).isEqualTo("purity");
        assertThat(lines.get(0).split("\t")[12]).isEqualTo("purity_source");
        return lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
    }

    /** Mean CCF (column 14) of the planted subclonal variants (CCF 0.4). */
    private static double meanSubclonalCcf(List<String[]> rows) {
        return rows.stream().filter(r -> { int p = Integer.parseInt(r[4]); return p >= 1030 && p < 1050; })
                .mapToDouble(r -> Double.parseDouble(r[14])).average().orElseThrow();
    }

    private static long clonal(List<String[]> rows, int from, int to) {
        return rows.stream().filter(r -> { int p = Integer.parseInt(r[4]); return p >= from && p < to; })
                .filter(r -> r[17].equals("Clonal")).count();
    }

    @Test
    void aGivenPurityReplacesTheEstimateAndIsRecordedWithItsSource() throws IOException {
        List<String[]> given = run("given", "--purity", "T=0.3", "--purity-source", "samplesheet");
        assertThat(given).allSatisfy(r -> {
            assertThat(r[11]).isEqualTo("0.3000");
            assertThat(r[12]).isEqualTo("samplesheet");
        });
        assertThat(meanSubclonalCcf(given)).isCloseTo(0.4, within(0.03));
        assertThat(clonal(given, 1000, 1030)).isGreaterThanOrEqualTo(27);
        assertThat(clonal(given, 1030, 1050)).isZero();

        // a wrong given purity is used as given (CCF scales with 1 / purity): not replaced by the estimate
        List<String[]> wrong = run("wrong", "--purity", "T=0.6", "--purity-source", "samplesheet");
        assertThat(wrong.get(0)[11]).isEqualTo("0.6000");
        assertThat(meanSubclonalCcf(wrong)).isCloseTo(0.4 * 0.3 / 0.6 * (0.6 * 2 + 2 * 0.4) / (0.3 * 2 + 2 * 0.7), within(0.03));

        List<String[]> estimated = run("estimated");
        assertThat(estimated).allSatisfy(r -> assertThat(r[12]).isEqualTo("estimated"));
        double purity = Double.parseDouble(estimated.get(0)[11]);
        System.out.printf(Locale.ROOT, "ClonalityPurityTest: planted purity 0.3, estimated %.4f; subclonal CCF given %.3f, estimated %.3f%n",
                purity, meanSubclonalCcf(given), meanSubclonalCcf(estimated));
        assertThat(purity).isCloseTo(PURITY, within(0.05));

        List<String> het = Files.readAllLines(dir.resolve("given/P.heterogeneity.tsv"));
        assertThat(het.get(1).split("\t")[4]).isEqualTo("0.3000");
        assertThat(het.get(1).split("\t")[5]).isEqualTo("samplesheet");
    }

    @Test
    void aSampleSegmentFileSetsTheCopyNumberOfItsVariants() throws IOException {
        Path seg = Files.writeString(dir.resolve("T.seg.tsv"), "chrom\tstart\tend\tcopy_number\n1\t5000\t6000\t4\n");
        List<String[]> withCn = run("cn", "--purity", "T=0.3", "--sample-segments", "T=" + seg);
        List<String[]> without = run("nocn", "--purity", "T=0.3");
        assertThat(withCn.stream().filter(r -> Integer.parseInt(r[4]) >= 5050).map(r -> r[13])).containsOnly("4.0000");
        assertThat(withCn.stream().filter(r -> Integer.parseInt(r[4]) < 5050).map(r -> r[13])).containsOnly("2.0000");
        // planted clonal on copy number 4: VAF 0.3 / 2.6 = 0.115; read as copy number 2 the CCF would be 0.77
        assertThat(clonal(withCn, 5050, 5070)).isGreaterThanOrEqualTo(18);
        double cn2 = without.stream().filter(r -> Integer.parseInt(r[4]) >= 5050).mapToDouble(r -> Double.parseDouble(r[14])).average().orElseThrow();
        assertThat(cn2).isCloseTo(0.3 / 2.6 * 2 / 0.3, within(0.03));
        assertThat(clonal(without, 5050, 5070)).isLessThan(clonal(withCn, 5050, 5070) / 2);
    }

    @Test
    void optionsNamingNoSampleOfTheEvidenceAreRefused() throws IOException {
        Path seg = Files.writeString(dir.resolve("X.seg.tsv"), "chrom\tstart\tend\tcopy_number\n1\t1\t10\t3\n");
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("clonality", "--quiet", "--patient", "P", "--evidence", evidence.toString(), "--sample-segments", "X=" + seg,
                "--out", dir.toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("name sample 'X', which has no row in --evidence");
    }
}
