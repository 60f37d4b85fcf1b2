package org.oncoconcord.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContigNamesTest {

    @Test
    void harmonisesUcscAndEnsemblStyles() {
        assertThat(ContigNames.canonical("chr1")).isEqualTo("1");
        assertThat(ContigNames.canonical("1")).isEqualTo("1");
        assertThat(ContigNames.canonical("chrM")).isEqualTo("MT");
        assertThat(ContigNames.canonical("MT")).isEqualTo("MT");
        assertThat(ContigNames.canonical("chrX")).isEqualTo("X");
        assertThat(ContigNames.canonical("chrUn_gl000220")).isEqualTo("Un_gl000220");
        assertThat(ContigNames.same("chr17", "17")).isTrue();
        assertThat(ContigNames.same("chr1", "chr11")).isFalse();
    }

    /** NCBI's GFF3 and FASTA name the human chromosomes by RefSeq accession. */
    @Test
    void refSeqChromosomeAccessions() {
        assertThat(ContigNames.canonical("NC_000001.11")).isEqualTo("1");
        assertThat(ContigNames.canonical("NC_000001.10")).isEqualTo("1");
        assertThat(ContigNames.canonical("NC_000012.12")).isEqualTo("12");
        assertThat(ContigNames.canonical("NC_000023.11")).isEqualTo("X");
        assertThat(ContigNames.canonical("NC_000024.10")).isEqualTo("Y");
        assertThat(ContigNames.canonical("NC_012920.1")).isEqualTo("MT");
        assertThat(ContigNames.same("NC_000017.11", "chr17")).isTrue();
        for (String other : new String[] {"NC_000025.1", "NC_000000.1", "NC_000001", "NC_000001.", "NC_000001.1a", "NT_187361.1",
                "NW_021160011.1", "NC_045512.2"}) {
            assertThat(ContigNames.canonical(other)).as(other).isEqualTo(other);
        }
    }

    @Test
    void writesNamesInTheStyleOfAnExample() {
        assertThat(ContigNames.inStyleOf("MT", "chr1")).isEqualTo("chrM");
        assertThat(ContigNames.inStyleOf("7", "chr1")).isEqualTo("chr7");
        assertThat(ContigNames.inStyleOf("7", "1")).isEqualTo("7");
    }

    @Test
    void naturalOrderIsKaryotypic() {
        assertThat(ContigNames.naturalKey("chr2")).isLessThan(ContigNames.naturalKey("10"));
        assertThat(ContigNames.naturalKey("22")).isLessThan(ContigNames.naturalKey("chrX"));
        assertThat(ContigNames.naturalKey("X")).isLessThan(ContigNames.naturalKey("Y"));
        assertThat(ContigNames.naturalKey("Y")).isLessThan(ContigNames.naturalKey("chrM"));
        assertThat(ContigNames.naturalKey("MT")).isLessThan(ContigNames.naturalKey("GL000192.1"));
    }

    @Test
    void sampleTypesParse() {
        assertThat(SampleType.parse("Plasma")).isEqualTo(SampleType.PLASMA);
        assertThat(SampleType.parseOrNull("tumour")).isNull();
        assertThat(SampleType.parseOrNull(null)).isNull();
        assertThat(SampleType.METASTASIS.isTissue()).isTrue();
    }
}
