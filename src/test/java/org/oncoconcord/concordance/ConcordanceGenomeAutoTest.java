package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;

/**
 * Issue 12 item 2: {@code concordance --genome auto} (the default) picks the shipped gene table of
 * the build the input headers show and refuses a stated build they contradict. Oracle: TCGA-A6-2686
 * carries BRAF V600E (GRCh37 7:140453136 A>T, GRCh38 7:140753336), which a GRCh38 file read with the
 * GRCh37 table silently loses.
 */
class ConcordanceGenomeAutoTest {
    @TempDir
    Path tmp;

    private Path tcga(String build, String caller) {
        return SharedData.require("vcf/tcga_A6-2686").resolve("T001-COAD." + build + "." + caller + ".vcf.gz");
    }

    @Test
    void autoFindsBrafV600eInBothBuilds() throws Exception {
        for (String build : List.of("grch37", "grch38")) {
            ConcordanceRunner.Result r = ConcordanceRunner.run(Files.createTempDirectory(tmp, build), "P",
                    "--sample", "A=primary:" + tcga(build, "mutect2"), "--sample", "B=metastasis:" + tcga(build, "muse"));
            assertThat(r.exit()).as(build + ": " + r.err()).isZero();
            assertThat(r.json().at("/ras_status/braf_v600e/A").asBoolean()).as(build + " BRAF V600E").isTrue();
        }
    }

    @Test
    void statedBuildContradictedByTheHeadersIsRefused() throws Exception {
        ConcordanceRunner.Result r = ConcordanceRunner.run(tmp.resolve("o"), "P",
                "--sample", "A=primary:" + tcga("grch38", "mutect2"), "--sample", "B=metastasis:" + tcga("grch38", "muse"),
                "--genome", "GRCh37");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--genome GRCh37 but sample A (").contains("T001-COAD.grch38.mutect2.vcf.gz) is GRCh38 (")
                .contains("wrong genome build");
        assertThat(tmp.resolve("o/P.concordance.json")).doesNotExist();
    }

    @Test
    void mixedBuildsAreRefusedEvenWithAGeneTable() throws Exception {
        Path genes = Files.writeString(tmp.resolve("genes.tsv"), "kind\tgene\tchrom\tstart\tend\tref\talt\tlabel\tgroup\tsource\n"
                + "gene\tKRAS\t12\t25357723\t25403870\t.\t.\t.\t.\ttest\n");
        for (String[] annotation : List.of(new String[0], new String[] {"--genes", genes.toString()})) {
            List<String> args = new java.util.ArrayList<>(List.of("--sample", "A=primary:" + tcga("grch37", "mutect2"),
                    "--sample", "B=metastasis:" + tcga("grch38", "muse")));
            args.addAll(List.of(annotation));
            ConcordanceRunner.Result r = ConcordanceRunner.run(tmp.resolve("m"), "P", args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("genome builds are mixed: sample A (").contains("is GRCh37").contains("but sample B (")
                    .contains("is GRCh38");
        }
    }

    @Test
    void autoWithoutAnyBuildInTheHeadersIsRefused() throws Exception {
        String vcf = "##fileformat=VCFv4.2\n##contig=<ID=1,length=5000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t10\t.\tA\tT\t.\tPASS\t.\n";
        Path a = Files.writeString(tmp.resolve("a.vcf"), vcf), b = Files.writeString(tmp.resolve("b.vcf"), vcf);
        ConcordanceRunner.Result r = ConcordanceRunner.run(tmp.resolve("u"), "P", "--sample", "A=primary:" + a, "--sample", "B=metastasis:" + b);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--genome auto: no input VCF header shows its build");
        assertThat(ConcordanceRunner.run(tmp.resolve("u"), "P", "--sample", "A=primary:" + a, "--sample", "B=metastasis:" + b,
                "--genome", "GRCh38").exit()).isZero();
    }
}
