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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.testing.SystemTools;
import picocli.CommandLine;

/**
 * {@code oncoconcord clonality} end to end: planted truth (seed 15501, used by no other test) for
 * clonal/subclonal labels and MesKit classes at depth 200-600, MATH against R's {@code mad(vaf)/median(vaf)*100},
 * the Jaccard index and the MesKit CCF table's columns on a hand example.
 */
class ClonalityCommandTest {
    private static final String HEADER = "contig\tpos\tref\talt\tsample\tdepth\tref_count\talt_count\tother_count"
            + "\tref_fwd\tref_rev\talt_fwd\talt_rev\tvaf\terror_rate\tp_value\tstate\n";

    @TempDir
    Path dir;

    private static String row(String sample, int pos, int depth, int alt, String state) {
        return String.join("\t", "chr1", Integer.toString(pos), "A", "C", sample, Integer.toString(depth), Integer.toString(depth - alt),
                Integer.toString(alt), "0", "0", "0", "0", "0", "0.1", "0.001", "0.5", state) + "\n";
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("clonality", "--quiet"));
        all.addAll(List.of(args));
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(all.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    private static List<String[]> rows(Path f) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(f).subList(1, Files.readAllLines(f).size())) {
            out.add(l.split("\t", -1));
        }
        return out;
    }

    @Test
    void plantedClonalAndSubclonalRecovered() throws IOException {
        MersenneTwister rng = new MersenneTwister(15501);
        int right = 0;
        int total = 0;
        int classRight = 0;
        int classTotal = 0;
        for (int patient = 0; patient < 10; patient++) {
            double purityT = 0.4 + 0.5 * rng.nextDouble();
            double purityM = 0.4 + 0.5 * rng.nextDouble();
            StringBuilder ev = new StringBuilder(HEADER);
            boolean[] clonalT = new boolean[40];
            boolean[] clonalM = new boolean[40];
            for (int v = 0; v < 40; v++) {
                // 0-29 in both samples (half of them clonal in both), 30-39 private to T
                clonalT[v] = rng.nextDouble() < 0.5;
                clonalM[v] = v < 30 && (v < 15 || rng.nextDouble() < 0.5);
                double ccfT = clonalT[v] ? 1 : 0.1 + 0.5 * rng.nextDouble();
                double ccfM = v >= 30 ? 0 : clonalM[v] ? 1 : 0.1 + 0.5 * rng.nextDouble();
                int dT = 200 + rng.nextInt(401);
                int dM = 200 + rng.nextInt(401);
                int aT = new BinomialDistribution(rng, dT, ccfT * purityT / 2).sample();
                int aM = ccfM == 0 ? 0 : new BinomialDistribution(rng, dM, ccfM * purityM / 2).sample();
                ev.append(row("T", 1000 + v, dT, aT, "CALLED"));
                ev.append(row("M", 1000 + v, dM, aM, ccfM == 0 ? "ABSENT" : "CALLED"));
            }
            Path evidence = Files.writeString(dir.resolve("P" + patient + ".evidence.tsv"), ev.toString());
            run("--patient", "P" + patient, "--evidence", evidence.toString(), "--type", "T=primary", "--type", "M=metastasis",
                    "--purity", "T=" + purityT, "--purity", "M=" + purityM, "--out", dir.toString());
            for (String[] r : rows(dir.resolve("P" + patient + ".ccf.tsv"))) {
                int v = Integer.parseInt(r[4]) - 1000;
                boolean inM = v < 30;
                if (r[1].equals("M") && !inM) {
                    assertThat(r[14]).isEqualTo("NA"); // absent: no CCF
                    continue;
                }
                boolean truth = r[1].equals("T") ? clonalT[v] : clonalM[v];
                right += r[17].equals(truth ? "Clonal" : "Subclonal") ? 1 : 0;
                total++;
                String sharing = inM ? "Public" : "Private";
                boolean clonalEverywhere = clonalT[v] && (!inM || clonalM[v]);
                classRight += r[18].equals(sharing + (clonalEverywhere ? "_Clonal" : "_Subclonal")) ? 1 : 0;
                classTotal++;
            }
            assertThat(Files.readAllLines(dir.resolve("P" + patient + ".meskit_ccf.tsv")).get(0)).startsWith(
                    "Patient_ID\tTumor_Sample_Barcode\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tCCF\tCCF_CI_High");
            List<String[]> jac = rows(dir.resolve("P" + patient + ".jaccard.tsv"));
            assertThat(jac).hasSize(1);
            assertThat(jac.get(0)[5]).isEqualTo("30"); // shared
            assertThat(jac.get(0)[6]).isEqualTo("40"); // union
            assertThat(Double.parseDouble(jac.get(0)[7])).isCloseTo(0.75, within(1e-4));
        }
        double accuracy = (double) right / total;
        double classAccuracy = (double) classRight / classTotal;
        System.out.printf(Locale.ROOT, "ClonalityCommandTest: clonal/subclonal accuracy %.3f over %d (variant, sample); MesKit class %.3f%n",
                accuracy, total, classAccuracy);
        assertThat(total).isEqualTo(10 * 70);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
        assertThat(classAccuracy).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void mathEqualsRAndEstimatedPurityIsUsed() throws IOException {
        int[] alt = {10, 22, 25, 31, 45, 50, 18};
        StringBuilder ev = new StringBuilder(HEADER);
        for (int i = 0; i < alt.length; i++) {
            ev.append(row("T", 100 + i, 100, alt[i], "BELOW_CALL_THRESHOLD"));
        }
        ev.append(row("T", 200, 100, 0, "ABSENT")); // not present: not in MATH
        ev.append(row("T", 201, 5, 1, "NOT_ASSESSABLE"));
        ev.append(row("M", 100, 100, 12, "BELOW_CALL_THRESHOLD")); // M: 2 variants, too few for a purity: no CCF, still MATH
        ev.append(row("M", 101, 100, 20, "BELOW_CALL_THRESHOLD"));
        Path evidence = Files.writeString(dir.resolve("H.evidence.tsv"), ev.toString());
        run("--patient", "H", "--evidence", evidence.toString(), "--out", dir.toString());
        List<String[]> het = rows(dir.resolve("H.heterogeneity.tsv"));
        assertThat(het).hasSize(2);
        assertThat(het.get(1)).containsExactly("H", "M", "NA", "2", "NA", "not_estimable", String.format(Locale.ROOT, "%.4f",
                100 * 1.4826 * 0.04 / 0.16)); // median .16, |dev| .04 .04
        assertThat(rows(dir.resolve("H.ccf.tsv")).stream().filter(r -> r[1].equals("M")).map(r -> r[14])).containsOnly("NA");
        assertThat(het.get(0)[3]).isEqualTo("7");
        assertThat(het.get(0)[5]).isEqualTo("estimated");
        double ours = Double.parseDouble(het.get(0)[6]);
        // by hand: VAFs .10 .18 .22 .25 .31 .45 .50, median .25, |dev| .15 .07 .03 0 .06 .20 .25 -> MAD .07; 1.4826 * .07 / .25 * 100
        assertThat(ours).isCloseTo(100 * 1.4826 * 0.07 / 0.25, within(1e-3));
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        Process p = new ProcessBuilder(rscript.toString(), "-e",
                "x <- c(10, 22, 25, 31, 45, 50, 18) / 100; cat(sprintf('%.10f', mad(x) / median(x) * 100))").redirectErrorStream(true).start();
        String r = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(ours).isCloseTo(Double.parseDouble(r), within(1e-4)); // ours is rounded to 4 decimals
        // every input row is in the CCF table
        assertThat(rows(dir.resolve("H.ccf.tsv"))).hasSize(11);
    }
}
