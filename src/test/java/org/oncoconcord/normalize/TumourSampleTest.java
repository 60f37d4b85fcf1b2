package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncoconcord.core.UserException;

/** The tumour-sample rule of normalize, apart from the pipeline: each step of docs/NORMALIZE.md's order. */
class TumourSampleTest {
    private static VcfHeader header(String... meta) {
        VcfHeader h = new VcfHeader();
        h.addMeta("##fileformat=VCFv4.2");
        for (String m : meta) {
            h.addMeta(m);
        }
        return h;
    }

    private static String resolve(VcfHeader h, String requested, String... samples) {
        return TumourSample.resolve(samples, requested, h, "in.vcf");
    }

    @Test
    void requestedThenHeaderThenNamesThenCallerConvention() {
        VcfHeader plain = header();
        assertThat(resolve(plain, "B", "A", "B")).isEqualTo("B");
        assertThatThrownBy(() -> resolve(plain, "C", "A", "B")).isInstanceOf(UserException.class)
                .hasMessage("in.vcf: --tumor-sample C is not a sample of the VCF (A,B)");
        assertThat(resolve(header("##tumor_sample=X"), null, "X", "TUMOR")).isEqualTo("X");
        // a ##tumor_sample naming no column is refused, as concordance refuses it (vcf.TumourSampleRule)
        assertThatThrownBy(() -> resolve(header("##tumor_sample=Q"), null, "N", "tumour")).isInstanceOf(UserException.class)
                .hasMessageContaining("in.vcf: header ##tumor_sample=Q names no sample column");
        assertThat(resolve(plain, null, "NORMAL_1", "P1_TUMOR_2")).isEqualTo("P1_TUMOR_2");
        // two samples, no names, no caller: none
        assertThat(resolve(plain, null, "S1", "S2")).isNull();
        // a somatic caller's convention: the second of two, or the only one
        VcfHeader strelka = header("##source=strelka");
        assertThat(resolve(strelka, null, "S1", "S2")).isEqualTo("S2");
        assertThat(resolve(strelka, null, "S1")).isEqualTo("S1");
        assertThat(resolve(strelka, null, "S1", "S2", "S3")).isNull();
        VcfHeader varscanKeys = header("##FORMAT=<ID=FREQ,Number=1,Type=String,Description=\"f\">");
        assertThat(TumourSample.somaticCaller(varscanKeys)).isTrue();
        assertThat(TumourSample.somaticCaller(header("##GATKCommandLine=<ID=Mutect2,CommandLine=\"x\">"))).isTrue();
        assertThat(TumourSample.somaticCaller(header("##source=freebayes"))).isFalse();
    }

    @Test
    void standardMetaReplacesTheCallersDepthLines() {
        List<String> meta = List.of("##fileformat=VCFv4.2", "##tumor_sample=OLD",
                "##FORMAT=<ID=AD,Number=.,Type=Integer,Description=\"x\">", "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">");
        assertThat(TumourSample.standardMeta(meta, "T")).containsExactly("##fileformat=VCFv4.2",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">", Dialects.AD_LINE, Dialects.DP_LINE, Dialects.AF_LINE,
                "##tumor_sample=T");
    }
}
