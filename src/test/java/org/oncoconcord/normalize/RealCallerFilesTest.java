package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;

/**
 * The real somatic VCFs of ../shared/data/vcf (vcf2maf callers, Strelka2 demo, TCGA-A6-2686):
 * every file normalizes, counts add up, the tumour sample gets AD/DP/AF, and for the dialects
 * with raw counts (VarScan2 RD/AD, Strelka2 tier-1 xU, GDC ADT/DPT, MuTect FA) the standard values
 * equal the caller's own fields read independently from the input.
 */
class RealCallerFilesTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyRealFile() throws IOException {
        Path root = SharedData.require("vcf");
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"vcf2maf_callers", "strelka2_demo", "tcga_A6-2686"}) {
            try (Stream<Path> s = Files.list(root.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".vcf") || p.toString().endsWith(".vcf.gz")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path in) throws IOException {
        String name = in.getFileName().toString();
        Path out = tmp.resolve(name.replaceAll("\\.vcf(\\.gz)?$", "") + ".norm.vcf.gz");
        Path stats = tmp.resolve(name + ".stats.json");
        Path rejects = tmp.resolve(name + ".rejects.tsv");
        // --lenient: test_varscan.vcf has one record with ALT 'A/T' (rejected as malformed_alt, checked below)
        List<String> args = new ArrayList<>(List.of("-m", "-any", "--lenient", "--stats", stats.toString(), "--rejects",
                rejects.toString(), "-o", out.toString()));
        if (in.getParent().getFileName().toString().equals("strelka2_demo")) {
            args.addAll(List.of("-f", in.resolveSibling("demo20.fa").toString()));
        }
        args.add(in.toString());
        Run r = Run.normalize(args);
        assertThat(r.exit).as(r.err).isZero();
        assertThat(out.resolveSibling(out.getFileName() + ".tbi")).exists();

        JsonNode s = new ObjectMapper().readTree(stats.toFile());
        long nIn = s.get("in").asLong();
        long nOut = s.get("out").asLong();
        assertThat(nIn + s.get("split_added").asLong()).isEqualTo(nOut + s.get("rejected_total").asLong());
        List<String> data = Run.dataLines(out);
        assertThat(data.size() - 1L).isEqualTo(nOut);
        assertThat(Files.readAllLines(rejects)).hasSize(1 + (int) s.get("rejected_total").asLong());
        List<String> inData = Run.dataLines(in);
        assertThat(inData.size() - 1L).isEqualTo(nIn);

        String tumor = s.get("tumor_sample").asText();
        assertThat(Run.headerLines(out)).contains("##tumor_sample=" + tumor);
        String[] head = data.get(0).split("\t");
        int t = List.of(head).indexOf(tumor);
        assertThat(t).isGreaterThanOrEqualTo(9);
        int filled = 0;
        for (String line : data.subList(1, data.size())) {
            String[] c = line.split("\t");
            String[] alt = c[4].split(",");
            String ad = field(c, t, "AD");
            String dp = field(c, t, "DP");
            String af = field(c, t, "AF");
            assertThat(ad).as(line).isNotNull();
            assertThat(ad.split(",")).as(line).hasSize(alt.length + 1);
            if (!dp.equals(".") && !af.equals(".") && !ad.contains(".")) {
                filled++;
                double f = Double.parseDouble(af);
                assertThat(f).as(line).isBetween(0.0, 1.0);
            }
        }
        assertThat(filled).as("records with AD, DP and AF all filled").isGreaterThanOrEqualTo((int) (0.9 * nOut));
        checkAgainstCallerFields(in, inData, data, tumor);
    }

    /** Compares the standard values with each caller's own fields, record by record (biallelic inputs). */
    private void checkAgainstCallerFields(Path in, List<String> inData, List<String> outData, String tumor) {
        String[] head = inData.get(0).split("\t");
        int t = List.of(head).indexOf(tumor);
        int checked = 0;
        for (int i = 1; i < inData.size() && i < outData.size(); i++) {
            String[] a = inData.get(i).split("\t");
            String[] b = outData.get(i).split("\t");
            if (a[4].contains(",") || !a[1].equals(b[1])) {
                break; // split records shift the alignment of lines; the rest is checked by the counts above
            }
            String rd = field(a, t, "RD");
            String ad = field(a, t, "AD");
            String freq = field(a, t, "FREQ");
            if (rd != null && freq != null) { // VarScan2
                assertThat(field(b, t, "AD")).isEqualTo(rd + "," + ad);
                assertThat(Double.parseDouble(field(b, t, "AF")))
                        .isCloseTo(Double.parseDouble(freq.replace("%", "")) / 100, org.assertj.core.data.Offset.offset(1e-4));
                checked++;
            } else if (field(a, t, "ADT") != null) { // GDC/PCGR merge
                assertThat(field(b, t, "AD")).isEqualTo(field(a, t, "ADT"));
                assertThat(field(b, t, "DP")).isEqualTo(field(a, t, "DPT"));
                checked++;
            } else if (field(a, t, "AU") != null && a[3].length() == 1 && a[4].length() == 1) { // Strelka2 SNV
                String refc = field(a, t, a[3] + "U").split(",")[0];
                String altc = field(a, t, a[4] + "U").split(",")[0];
                assertThat(field(b, t, "AD")).isEqualTo(refc + "," + altc);
                checked++;
            } else if (field(a, t, "FA") != null && field(a, t, "BCOUNT") == null) { // MuTect 1
                assertThat(Double.parseDouble(field(b, t, "AF"))).isEqualTo(Double.parseDouble(field(a, t, "FA")));
                checked++;
            }
        }
        if (in.toString().contains("varscan") || in.toString().contains("tcga") || in.toString().contains("strelka.vcf")
                || in.toString().contains("snvs") || in.toString().contains("mutect.vcf")) {
            assertThat(checked).as("records compared with the caller's own fields").isPositive();
        }
    }

    private static String field(String[] cols, int sample, String key) {
        String[] keys = cols[8].split(":");
        String[] vals = cols[sample].split(":", -1);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i < vals.length ? vals[i] : ".";
            }
        }
        return null;
    }

    @Test
    void passDepthAndVafFiltersRejectWithReasonsAndCountsAddUp() throws IOException {
        Path in = SharedData.require("vcf/vcf2maf_callers/test_varscan.vcf");
        Path out = tmp.resolve("f.vcf.gz");
        Path stats = tmp.resolve("f.json");
        Path rejects = tmp.resolve("f.tsv");
        Run strict = Run.normalize(List.of("-m", "-any", "-o", out.toString(), in.toString()));
        assertThat(strict.exit).isEqualTo(1);
        assertThat(strict.err).contains(in + ": line 110: ALT allele 'A/T'");
        Run r = Run.normalize(List.of("-m", "-any", "--pass-only", "--min-depth", "20", "--min-vaf", "0.1", "--lenient",
                "--stats", stats.toString(), "--rejects", rejects.toString(), "-o", out.toString(), in.toString()));
        assertThat(r.exit).as(r.err).isZero();
        JsonNode s = new ObjectMapper().readTree(stats.toFile());
        List<String> inData = Run.dataLines(in);
        long notPass = inData.stream().skip(1).map(l -> l.split("\t")[6]).filter(f -> !f.equals("PASS") && !f.equals(".")).count();
        assertThat(s.get("rejected").path("filter_not_pass").asLong()).isEqualTo(notPass);
        assertThat(s.get("in").asLong() + s.get("split_added").asLong())
                .isEqualTo(s.get("out").asLong() + s.get("rejected_total").asLong());
        List<String> rej = Files.readAllLines(rejects);
        assertThat(rej.get(0)).isEqualTo("chrom\tpos\tref\talt\treason");
        assertThat(rej.subList(1, rej.size())).allSatisfy(l -> assertThat(l.split("\t")[4])
                .isIn("filter_not_pass", "min_depth", "min_vaf", "depth_unavailable", "vaf_unavailable", "malformed_alt"));
        assertThat(rej).contains("2\t106715342\tG\tA/T\tmalformed_alt");
        assertThat(s.get("rejected").path("malformed_alt").asLong()).isEqualTo(1);
        assertThat(rej).hasSize(1 + (int) s.get("rejected_total").asLong());
        List<String> data = Run.dataLines(out);
        int t = List.of(data.get(0).split("\t")).indexOf("TUMOR");
        assertThat(data.size() - 1L).isEqualTo(s.get("out").asLong()).isPositive();
        for (String line : data.subList(1, data.size())) {
            String[] c = line.split("\t");
            assertThat(c[6]).isIn("PASS", ".");
            assertThat(Long.parseLong(field(c, t, "DP"))).isGreaterThanOrEqualTo(20);
            assertThat(Double.parseDouble(field(c, t, "AF"))).isGreaterThanOrEqualTo(0.1);
        }
    }

    @Test
    void contigNamesFollowTheReferenceAndMissingContigLinesComeFromTheFai() throws IOException {
        Path fa = tmp.resolve("ref.fa");
        Files.writeString(fa, ">chr1\nACGTACGTACGTAAAAACCCCC\n>chrM\nGATTACAGATTACA\n");
        Path vcf = tmp.resolve("in.vcf");
        Files.writeString(vcf, "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t14\t.\tAA\tA\t.\tPASS\t.\nMT\t3\t.\tT\tC\t.\tPASS\t.\n");
        Path out = tmp.resolve("out.vcf");
        Run r = Run.normalize(List.of("-f", fa.toString(), "-o", out.toString(), vcf.toString()));
        assertThat(r.exit).as(r.err).isZero();
        assertThat(fa.resolveSibling("ref.fa.fai")).exists();
        assertThat(Run.headerLines(out)).contains("##contig=<ID=chr1,length=22>", "##contig=<ID=chrM,length=14>");
        List<String> data = Run.dataLines(out);
        assertThat(data.get(1)).startsWith("chr1\t12\t.\tTA\tT\t"); // left-aligned in the A run, renamed
        assertThat(data.get(2)).startsWith("chrM\t3\t.\tT\tC\t");
    }
}
