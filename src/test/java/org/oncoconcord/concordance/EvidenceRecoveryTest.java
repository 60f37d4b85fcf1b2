package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.simulate.BamWriter;

/**
 * Planted truth on simulated reads (simulate/BamWriter, seed 15301, used by no other test): a primary T
 * and a metastasis M share 50 SNVs and T has 30 private ones. The "caller" reports a variant in a
 * sample's VCF only at a planted VAF >= 0.08, so 20 shared variants at VAF 0.04-0.07 in M are missing
 * from M's VCF. From the VCFs alone they look private to T; with {@code pileup --ignore-genotypes} over
 * the union of both VCFs' sites and {@code concordance --evidence}, their reads make them shared again
 * (also at class level: {@code evidence.classes_vcf} / {@code class_changes} against the planted truth),
 * while the truly private ones (no ALT fragment in M, 1% sequencing errors) stay private.
 */
class EvidenceRecoveryTest {
    @TempDir
    Path dir;

    private record Truth(int pos, String ref, String alt, double vafT, double vafM) {
        boolean shared() {
            return vafT > 0 && vafM > 0;
        }
    }

    private static final double CALLER_MIN_VAF = 0.08;

    @Test
    void evidenceRecoversSharedVariantsBelowTheCallersThreshold() throws IOException {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("chr1", 33_000);
        Map<String, byte[]> ref = BamWriter.randomReference(lengths, 15301);
        byte[] bases = ref.get("chr1");
        SplittableRandom rng = new SplittableRandom(15302);
        List<Truth> truth = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            int pos = 600 + 400 * k;
            String r = String.valueOf((char) bases[pos - 1]);
            String a = String.valueOf("ACGT".charAt(("ACGT".indexOf(r) + 1 + rng.nextInt(3)) % 4));
            double vafT = 0.2 + 0.3 * rng.nextDouble();
            double vafM = k < 30 ? 0.2 + 0.3 * rng.nextDouble() // shared, called in both
                    : k < 50 ? 0.04 + 0.03 * rng.nextDouble()    // shared, below M's caller
                    : 0.0;                                        // private to T
            truth.add(new Truth(pos, r, a, vafT, vafM));
        }
        BamWriter.Config std = BamWriter.Config.standard(15303);
        BamWriter.Config deep = new BamWriter.Config(std.readLength(), 150, std.minFragment(), std.maxFragment(), std.errorRate(),
                std.duplicateRate(), std.lowMapqRate(), std.secondaryRate(), std.supplementaryRate(), std.qcFailRate(),
                std.improperRate(), 15303);
        Path bamT = dir.resolve("T.bam");
        Path bamM = dir.resolve("M.bam");
        BamWriter.write(bamT, "SM_T", ref, truth.stream().map(t -> new BamWriter.Planted("chr1", t.pos(), t.ref(), t.alt(), t.vafT())).toList(), deep);
        BamWriter.write(bamM, "SM_M", ref, truth.stream().map(t -> new BamWriter.Planted("chr1", t.pos(), t.ref(), t.alt(), t.vafM())).toList(),
                new BamWriter.Config(deep.readLength(), deep.coverage(), deep.minFragment(), deep.maxFragment(), deep.errorRate(),
                        deep.duplicateRate(), deep.lowMapqRate(), deep.secondaryRate(), deep.supplementaryRate(), deep.qcFailRate(),
                        deep.improperRate(), 15304));
        Path vcfT = vcf("T.vcf", truth, true);
        Path vcfM = vcf("M.vcf", truth, false);

        Path evidence = dir.resolve("P1.evidence.tsv");
        int code = Main.commandLine().execute("pileup", "--quiet", "--ignore-genotypes", "--sites", vcfT.toString(), "--sites", vcfM.toString(),
                "--bam", bamT.toString(), "--bam", bamM.toString(), "--label", "SM_T=T", "--label", "SM_M=M", "-o", evidence.toString());
        assertThat(code).isZero();
        assertThat(Files.readAllLines(evidence)).hasSize(1 + 80 * 2); // union of the sites (T's 80; M's 30 are among them) x 2

        String[] samples = {"--sample", "T=primary:" + vcfT, "--sample", "M=metastasis:" + vcfM, "--genome", "GRCh37"};
        ConcordanceRunner.Result vcfOnly = ConcordanceRunner.run(dir.resolve("vcf"), "P1", samples);
        List<String> withEv = new ArrayList<>(List.of(samples));
        withEv.addAll(List.of("--evidence", evidence.toString()));
        ConcordanceRunner.Result reads = ConcordanceRunner.run(dir.resolve("ev"), "P1", withEv.toArray(String[]::new));
        assertThat(vcfOnly.exit()).as(vcfOnly.err()).isZero();
        assertThat(reads.exit()).as(reads.err()).isZero();

        int[] without = recovered(vcfOnly, truth);
        int[] with = recovered(reads, truth);
        System.out.printf("EvidenceRecoveryTest: shared recovered %d/50 from the VCFs, %d/50 with read evidence; "
                + "private kept %d/30 and %d/30%n", without[0], with[0], without[1], with[1]);
        assertThat(without[0]).isEqualTo(30); // exactly the ones both VCFs call
        assertThat(without[1]).isEqualTo(30);
        assertThat(with[0]).isGreaterThanOrEqualTo(45); // >= 90% of the shared ones
        assertThat(with[1]).isGreaterThanOrEqualTo(29); // at most one private variant made shared by sequencing errors
        assertThat(with[0] + with[1]).isGreaterThan(without[0] + without[1]);
        // the summary counts agree with the rows: every shared variant M's VCF lacks came from the reads
        long subthreshold = reads.json().get("evidence").get("samples").get(1).get("subthreshold").asLong();
        assertThat(reads.pair("T", "M").get("shared").asLong()).isEqualTo(30 + subthreshold);
        // class level (evidence.classes_vcf / class_changes): the VCFs alone have the 30 shared both call and 50
        // primary only (the 20 planted shared below M's caller + the 30 private); the reads move only primary_only
        // to shared_all: the recovered planted-shared ones plus any private one made shared by sequencing errors
        com.fasterxml.jackson.databind.JsonNode ev = reads.json().get("evidence");
        assertThat(ev.get("classes_vcf").get("shared_all").asLong()).isEqualTo(30);
        assertThat(ev.get("classes_vcf").get("primary_only").asLong()).isEqualTo(50);
        assertThat(ev.get("class_changes")).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode change = ev.get("class_changes").get(0);
        assertThat(change.get("from").asText() + ">" + change.get("to").asText()).isEqualTo("primary_only>shared_all");
        assertThat(change.get("variants").asLong()).isEqualTo((with[0] - 30) + (30 - with[1]));
        assertThat(reads.json().get("classes").get("shared_all").asLong()).isEqualTo(30 + change.get("variants").asLong());
    }

    /** {shared variants classified shared, private variants classified primary_only}. */
    private static int[] recovered(ConcordanceRunner.Result r, List<Truth> truth) {
        Map<Integer, String> cls = new LinkedHashMap<>();
        for (String[] row : r.rows()) {
            cls.put(Integer.parseInt(row[1]), row[r.col("class")]);
        }
        int shared = 0;
        int priv = 0;
        for (Truth t : truth) {
            String c = cls.get(t.pos());
            if (t.shared() && "shared_all".equals(c)) {
                shared++;
            } else if (!t.shared() && "primary_only".equals(c)) {
                priv++;
            }
        }
        return new int[] {shared, priv};
    }

    private Path vcf(String name, List<Truth> truth, boolean primary) throws IOException {
        StringBuilder sb = new StringBuilder("##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n");
        for (Truth t : truth) {
            double vaf = primary ? t.vafT() : t.vafM();
            if (vaf >= CALLER_MIN_VAF) {
                sb.append("chr1\t").append(t.pos()).append("\t.\t").append(t.ref()).append('\t').append(t.alt())
                        .append("\t.\tPASS\t.\tGT:AF\t0/1:").append(String.format(java.util.Locale.ROOT, "%.3f", vaf)).append('\n');
            }
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }
}
