package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncoconcord.simulate.Planted.TumourVariant;

class AllelesTest {
    private final SyntheticGenome genome = SyntheticGenome.build(ConfigLoader.defaults().genome(), new Rng(99));

    @Test
    void homopolymerDeletionIsLeftAlignedAndRightShiftedAcrossTheRepeat() {
        SyntheticGenome.Repeat r = genome.repeats().stream().filter(x -> x.unit().length() == 1).findFirst().orElseThrow();
        // delete the last base of the run: the normalized form anchors before the run, the right-shifted one at its end
        int last = r.end();
        Variant raw = new Variant(r.contig(), last - 1, r.unit() + r.unit(), r.unit());
        Variant norm = Alleles.normalize(genome, raw);
        char before = genome.base(r.contig(), r.start() - 1);
        assertThat(norm).isEqualTo(new Variant(r.contig(), r.start() - 1, before + r.unit(), String.valueOf(before)));
        assertThat(Alleles.rightShift(genome, norm)).isEqualTo(raw);
    }

    @Test
    void insertionWithTrailingContextIsTrimmed() {
        SyntheticGenome.Repeat r = genome.repeats().stream().filter(x -> x.unit().length() == 2).findFirst().orElseThrow();
        String after = genome.bases(r.contig(), r.end() + 1, r.end() + 2);
        Variant padded = new Variant(r.contig(), r.end(), genome.base(r.contig(), r.end()) + after,
                genome.base(r.contig(), r.end()) + r.unit() + after);
        Variant norm = Alleles.normalize(genome, padded);
        assertThat(norm.pos()).isEqualTo(r.start() - 1);
        assertThat(norm.alt()).isEqualTo(genome.base(r.contig(), r.start() - 1) + r.unit());
    }

    @Test
    void everyPlantedIndelRoundTripsThroughItsAlternativeRepresentations() {
        List<TumourVariant> indels = TestCohorts.cohort(31, 60).patients().stream()
                .flatMap(p -> p.tumourVariants().stream()).filter(t -> t.variant().isIndel()).toList();
        assertThat(indels).hasSizeGreaterThan(20);
        int moved = 0;
        for (TumourVariant t : indels) {
            Variant v = t.variant();
            assertThat(Alleles.normalize(genome(), v)).as("truth is normalized").isEqualTo(v);
            Variant shifted = Alleles.rightShift(genome(), v);
            if (shifted.pos() != v.pos()) {
                moved++;
            }
            assertThat(Alleles.normalize(genome(), shifted)).isEqualTo(v);
            assertThat(Alleles.normalize(genome(), Alleles.pad(genome(), v, 1, 0))).isEqualTo(v);
            assertThat(Alleles.normalize(genome(), Alleles.pad(genome(), v, 0, 2))).isEqualTo(v);
        }
        assertThat(moved).as("indels sit in repeats, so right-shifting moves them").isEqualTo(indels.size());
    }

    private SyntheticGenome genome() {
        return TestCohorts.cohort(31, 60).genome();
    }

    @Test
    void mergedRecordKeepsEachAlleleOnTheWindow() {
        SyntheticGenome g = genome;
        String contig = "chr5";
        int p = 200;
        while (g.anyBlocked(contig, p, p + 4)) {
            p += 7;
        }
        Variant a = new Variant(contig, p, String.valueOf(g.base(contig, p)), g.base(contig, p) == 'A' ? "C" : "A");
        Variant b = new Variant(contig, p + 3, String.valueOf(g.base(contig, p + 3)), g.base(contig, p + 3) == 'G' ? "T" : "G");
        String[] m = Alleles.merge(g, List.of(a, b));
        assertThat(m[0]).isEqualTo(Integer.toString(p));
        assertThat(m[1]).isEqualTo(g.bases(contig, p, p + 3));
        assertThat(Alleles.normalize(g, new Variant(contig, p, m[1], m[2]))).isEqualTo(a);
        assertThat(Alleles.normalize(g, new Variant(contig, p, m[1], m[3]))).isEqualTo(b);
    }
}
