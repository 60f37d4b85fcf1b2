package org.oncoconcord.vcf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;

/**
 * Build detection. Oracles: the published chromosome lengths (GRCh37 chr1 249,250,621 as in the
 * ##contig lines of the real vcf2maf MuSE VCF; GRCh38 chr1 248,956,422) and the real TCGA-A6-2686
 * files, whose names say their build.
 */
class GenomeBuildTest {

    @Test
    void contigLengthsOfEitherStyleGiveTheBuild() {
        assertThat(GenomeBuild.fromContigLengths(Map.of("chr1", 249250621L, "chr2", 243199373L)).build()).isEqualTo(GenomeBuild.GRCh37);
        assertThat(GenomeBuild.fromContigLengths(Map.of("1", 248956422L, "X", 156040895L)).build()).isEqualTo(GenomeBuild.GRCh38);
        assertThat(GenomeBuild.fromContigLengths(Map.of("chr21", 46709983L)).build()).isEqualTo(GenomeBuild.GRCh38);
        // MT has one length in both; a synthetic genome matches neither
        assertThat(GenomeBuild.fromContigLengths(Map.of("MT", 16569L, "chr1", 5000L)).build()).isEqualTo(GenomeBuild.UNKNOWN);
        GenomeBuild.Detection mixed = GenomeBuild.fromContigLengths(new LinkedHashMap<>(Map.of("1", 249250621L, "2", 242193529L)));
        assertThat(mixed.build()).isEqualTo(GenomeBuild.UNKNOWN);
        assertThat(mixed.evidence()).contains("both builds");
    }

    @Test
    void faiIsRead(@TempDir Path dir) throws Exception {
        Path fai = Files.writeString(dir.resolve("ref.fa.fai"), "chr1\t248956422\t112\t70\t71\nchr2\t242193529\t252513167\t70\t71\n");
        GenomeBuild.Detection d = GenomeBuild.fromFai(fai);
        assertThat(d.build()).isEqualTo(GenomeBuild.GRCh38);
        assertThat(d.evidence()).contains("2 contig lengths of GRCh38").contains("chr1 length 248956422");
    }

    @Test
    void headerNamesAndLiftoverTargetsGiveTheBuild() {
        assertThat(GenomeBuild.buildNamedIn("file:///srv/Homo_sapiens.GRCh37.74.dna.primary_assembly.fa")).contains(GenomeBuild.GRCh37);
        assertThat(GenomeBuild.buildNamedIn("file:///usr/bio-ref/GRCh38.81/GRCh38.fa")).contains(GenomeBuild.GRCh38);
        assertThat(GenomeBuild.buildNamedIn("/ref/hs37d5.fa")).contains(GenomeBuild.GRCh37);
        assertThat(GenomeBuild.buildNamedIn("/tmp/ref_genome.fasta")).isEmpty();
        assertThat(GenomeBuild.parse("hg38")).contains(GenomeBuild.GRCh38);
        assertThat(GenomeBuild.parse("grch37")).contains(GenomeBuild.GRCh37);
    }

    /** Every real TCGA-A6-2686 file (no ##contig lengths; liftover headers) is detected as the build its name says. */
    @Test
    void realTcgaFilesOfBothBuildsAreDetected() throws Exception {
        Path dir = SharedData.require("vcf/tcga_A6-2686");
        int n = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".vcf.gz")).sorted().toList()) {
                GenomeBuild expected = f.getFileName().toString().contains(".grch37.") ? GenomeBuild.GRCh37 : GenomeBuild.GRCh38;
                assertThat(GenomeBuild.fromVcf(f).build()).as(f.getFileName().toString()).isEqualTo(expected);
                n++;
            }
        }
        assertThat(n).isEqualTo(10);
    }

    /** The real vcf2maf MuSE VCF carries GRCh37 ##contig lengths. */
    @Test
    void realContigLengthsAreRead() throws Exception {
        Path muse = SharedData.require("vcf/vcf2maf_callers/test_muse.vcf");
        GenomeBuild.Detection d = GenomeBuild.fromVcf(muse);
        assertThat(d.build()).isEqualTo(GenomeBuild.GRCh37);
        assertThat(d.evidence()).startsWith("##contig").contains("of GRCh37");
        // one GRCh38 contig length (chr21 46,709,983) suffices; a header with neither lengths nor a reference tells nothing
        assertThat(GenomeBuild.fromVcf(SharedData.require("vcf/vcf2maf_callers/test_b38.vcf")).build()).isEqualTo(GenomeBuild.GRCh38);
        assertThat(GenomeBuild.fromVcf(SharedData.require("vcf/vcf2maf_callers/test_grch38.vcf")).build()).isEqualTo(GenomeBuild.UNKNOWN);
        // no ##contig lines, but ##reference=.../GRCh37/special_requests/GRCh37-lite.fa.gz
        assertThat(GenomeBuild.fromVcf(SharedData.require("vcf/vcf2maf_callers/test_merged.vcf")).build()).isEqualTo(GenomeBuild.GRCh37);
    }
}
