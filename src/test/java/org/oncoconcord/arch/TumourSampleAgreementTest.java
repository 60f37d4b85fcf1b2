package org.oncoconcord.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.concordance.SampleSpec;
import org.oncoconcord.concordance.VcfCallReader;
import org.oncoconcord.core.SampleType;
import org.oncoconcord.core.UserException;
import org.oncoconcord.normalize.Normalize;
import org.oncoconcord.normalize.NormalizeRequest;
import org.oncoconcord.normalize.NormalizeResult;
import org.oncoconcord.vcf.TumourSampleRule;
import org.oncoconcord.vcf.TumourSampleRule.Basis;

/**
 * normalize and concordance choose the tumour column by one rule (vcf.TumourSampleRule): for the
 * same headers, the sample normalize standardises is the one concordance reads, on the raw file and
 * on normalize's output; where normalize recognises none, concordance's positional fallback is the
 * documented one. Both refuse a {@code ##tumor_sample} naming no column (normalize ignored it before).
 */
class TumourSampleAgreementTest {
    @TempDir
    Path dir;

    /** One header case: meta lines, sample columns, what normalize chooses (null: none) and what concordance reads. */
    record Case(String name, List<String> meta, List<String> samples, String normalize, String concordance) {
    }

    static final List<Case> CASES = List.of(
            new Case("only sample, no caller", List.of(), List.of("S1"), null, "S1"),
            new Case("only sample, Strelka", List.of("##source=strelka"), List.of("S1"), "S1", "S1"),
            new Case("NORMAL TUMOR", List.of(), List.of("NORMAL", "TUMOR"), "TUMOR", "TUMOR"),
            new Case("tumour first, any case", List.of(), List.of("tumour", "NORMAL"), "tumour", "tumour"),
            new Case("name containing TUMOR", List.of(), List.of("P1_blood", "P1_TUMOR_2"), "P1_TUMOR_2", "P1_TUMOR_2"),
            new Case("Mutect2 without ##tumor_sample", List.of("##GATKCommandLine=<ID=Mutect2,CommandLine=\"x\">"),
                    List.of("S1", "S2"), "S2", "S2"),
            new Case("VarScan FORMAT keys", List.of("##FORMAT=<ID=FREQ,Number=1,Type=String,Description=\"f\">"),
                    List.of("NORMAL_X", "S2"), "S2", "S2"),
            new Case("##tumor_sample names the first", List.of("##tumor_sample=S1"), List.of("S1", "S2"), "S1", "S1"),
            new Case("two unnamed, no caller", List.of(), List.of("S1", "S2"), null, "S2"),
            new Case("three samples, Strelka", List.of("##source=strelka"), List.of("A", "B", "C"), null, "B"));

    private Path fasta() throws Exception {
        Path fa = Files.writeString(dir.resolve("ref.fa"), ">chr1\nACGTACGTACGTACGTACGT\n");
        FastaSequenceIndexCreator.create(fa, true);
        return fa;
    }

    private Path vcf(String name, List<String> meta, List<String> samples) throws Exception {
        StringBuilder sb = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=20>\n");
        sb.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        sb.append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n");
        meta.forEach(m -> sb.append(m).append('\n'));
        sb.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        samples.forEach(s -> sb.append('\t').append(s));
        sb.append("\nchr1\t5\t.\tA\tG\t.\tPASS\t.\tGT:AD");
        for (int i = 0; i < samples.size(); i++) {
            sb.append("\t0/1:").append(10 + i).append(',').append(5 + i);
        }
        return Files.writeString(dir.resolve(name.replaceAll("[^A-Za-z0-9]", "_") + ".vcf"), sb.append('\n').toString());
    }

    private static String concordanceChoice(Path vcf) {
        try (VcfCallReader r = new VcfCallReader(new SampleSpec("X", SampleType.PRIMARY, vcf, null, 0.0, 0), false)) {
            return r.tumourSample();
        }
    }

    @Test
    void bothCommandsPickTheSameSampleForTheSameHeaders() throws Exception {
        Path fa = fasta();
        List<String> checked = new ArrayList<>();
        for (Case c : CASES) {
            Path raw = vcf(c.name(), c.meta(), c.samples());
            Path norm = dir.resolve(raw.getFileName() + ".norm.vcf.gz");
            NormalizeResult n = Normalize.run(new NormalizeRequest(fa, raw, norm, false, null));
            assertThat(n.tumorSample()).as("normalize, %s", c.name()).isEqualTo(c.normalize());
            assertThat(concordanceChoice(raw)).as("concordance on the raw file, %s", c.name()).isEqualTo(c.concordance());
            assertThat(concordanceChoice(norm)).as("concordance on normalize's output, %s", c.name()).isEqualTo(c.concordance());
            if (n.tumorSample() != null) {
                assertThat(concordanceChoice(raw)).as("same sample, %s", c.name()).isEqualTo(n.tumorSample());
                assertThat(Files.exists(norm)).isTrue();
            }
            assertThat(n.in()).isEqualTo(1);
            assertThat(n.out()).isEqualTo(1);
            checked.add(c.name());
        }
        assertThat(checked).hasSize(CASES.size());
    }

    @Test
    void anUnknownTumorSampleHeaderIsRefusedByBoth() throws Exception {
        Path fa = fasta();
        Path raw = vcf("unknown", List.of("##tumor_sample=Q"), List.of("N", "tumour"));
        assertThatThrownBy(() -> Normalize.run(new NormalizeRequest(fa, raw, dir.resolve("u.vcf.gz"), false, null)))
                .isInstanceOf(UserException.class).hasMessageContaining("##tumor_sample=Q names no sample column");
        assertThat(dir.resolve("u.vcf.gz")).doesNotExist();
        assertThatThrownBy(() -> concordanceChoice(raw)).isInstanceOf(UserException.class)
                .hasMessageContaining("##tumor_sample=Q names no sample column");
        // the sample asked for wins over the header (the pipeline passes the samplesheet's tumor_sample)
        NormalizeResult n = Normalize.run(new NormalizeRequest(fa, raw, dir.resolve("r.vcf.gz"), false, "N"));
        assertThat(n.tumorSample()).isEqualTo("N");
        assertThat(concordanceChoice(dir.resolve("r.vcf.gz"))).isEqualTo("N");
    }

    @Test
    void theRuleInOrder() {
        assertThat(TumourSampleRule.choose(List.of("A", "B"), "A", "B", true, "f").basis()).isEqualTo(Basis.REQUESTED);
        assertThat(TumourSampleRule.choose(List.of("A", "TUMOR"), null, "A", true, "f").basis()).isEqualTo(Basis.HEADER);
        assertThat(TumourSampleRule.choose(List.of("A", "TUMOR"), null, null, true, "f")).isEqualTo(
                new TumourSampleRule.Choice(1, "TUMOR", Basis.NAME));
        assertThat(TumourSampleRule.choose(List.of("A", "B"), null, null, true, "f").basis()).isEqualTo(Basis.CALLER_CONVENTION);
        assertThat(TumourSampleRule.choose(List.of("A", "B"), null, null, false, "f").basis()).isEqualTo(Basis.SECOND_SAMPLE);
        assertThat(TumourSampleRule.choose(List.of("A"), null, null, false, "f").basis()).isEqualTo(Basis.ONLY_SAMPLE);
        assertThat(TumourSampleRule.choose(List.of(), null, null, true, "f")).isNull();
        assertThat(Basis.SECOND_SAMPLE.confident()).isFalse();
        assertThat(Basis.CALLER_CONVENTION.confident()).isTrue();
        assertThatThrownBy(() -> TumourSampleRule.choose(List.of("A"), "Z", null, false, "f.vcf"))
                .hasMessage("f.vcf: --tumor-sample Z is not a sample of the VCF (A)");
    }
}
