package org.oncoconcord.annotate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, from the consequence on the gene's canonical transcript, whether a variant counts for
 * the gene's status, and whether it is a RAS (KRAS/NRAS codons 12, 13, 59, 61, 117, 146) or BRAF
 * V600E mutation by its protein change. Genes without a transcript model count by overlap.
 */
public final class GeneStatusRule {
    /** KRAS/NRAS codons whose protein-altering change makes a tumour RAS-mutant. */
    public static final Set<Integer> RAS_CODONS = Set.of(12, 13, 59, 61, 117, 146);
    private final Annotator annotator;
    private final GeneStatus mode;

    /** Shared verdict of alleles far from every transcript (the common case, kept allocation-free). */
    private final Verdict intergenic;

    public GeneStatusRule(Annotator annotator, GeneStatus mode) {
        this.annotator = annotator;
        this.mode = mode;
        this.intergenic = new Verdict(List.of(new GeneEffect("", List.of(Consequence.INTERGENIC_VARIANT), Impact.MODIFIER,
                "", "", false, 0, 0)), mode);
    }

    /** True for the verdict shared by every allele far from all transcripts (callers may cache what they write for it). */
    public boolean isIntergenic(Verdict v) {
        return v == intergenic;
    }

    /** True when the models hold the gene (its status then follows the consequence). */
    public boolean modelled(String gene) {
        return annotator.transcripts().gene(gene) != null;
    }

    /** The id of our transcript of the gene (to pick a tool's entry on the same transcript), or null. */
    public String transcriptOf(String gene) {
        Transcript t = annotator.transcripts().gene(gene);
        return t == null ? null : t.id();
    }

    public GeneStatus mode() {
        return mode;
    }

    /** The verdict for one allele from our engine: its annotations plus what counts. */
    public Verdict judge(String chrom, int pos, String ref, String alt) {
        if (!annotator.anyNear(chrom, pos, pos + ref.length())) {
            return intergenic;
        }
        List<Annotation> all = annotator.annotate(Allele.fromVcf(chrom, pos, ref, alt));
        List<GeneEffect> effects = new ArrayList<>(all.size());
        for (Annotation a : all) {
            effects.add(GeneEffect.of(a));
        }
        return new Verdict(effects, mode);
    }

    /**
     * The verdict from the entries a VCF's CSQ/ANN/FUNCOTATION gives the allele: per gene the
     * canonical/MANE entry ({@link ExistingAnnotations#pick}, else the one on our transcript of the
     * gene, else the gene's first); null when there is no entry.
     */
    public Verdict judgeExisting(List<ExistingAnnotations.Entry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        List<GeneEffect> effects = new ArrayList<>();
        Set<String> genes = new LinkedHashSet<>();
        entries.forEach(e -> genes.add(e.gene()));
        for (String g : genes) {
            effects.add(GeneEffect.of(ExistingAnnotations.pick(entries, g, g.isEmpty() ? null : transcriptOf(g))));
        }
        return new Verdict(effects, mode);
    }

    /** Effects of an allele (one per gene) and the rules applied to them. */
    public static final class Verdict {
        private final List<GeneEffect> effects;
        private final GeneStatus mode;

        Verdict(List<GeneEffect> effects, GeneStatus mode) {
            this.effects = effects;
            this.mode = mode;
        }

        public List<GeneEffect> effects() {
            return effects;
        }

        /** The effect on the gene's transcript, or null when the annotation has nothing for the gene. */
        public GeneEffect on(String gene) {
            for (GeneEffect a : effects) {
                if (!a.gene().isEmpty() && a.gene().equals(gene)) {
                    return a;
                }
            }
            return null;
        }

        /**
         * Whether the allele counts for {@code gene}: by the consequence when the annotation has the
         * gene or our models hold it ({@code modelled}), else by overlap; {@code atHotspot} for the hotspot mode.
         */
        public boolean counts(String gene, boolean modelled, boolean atHotspot) {
            if (mode == GeneStatus.ALL) {
                return true;
            }
            if (mode == GeneStatus.HOTSPOT) {
                return atHotspot;
            }
            GeneEffect a = on(gene);
            if (a == null) {
                return !modelled;
            }
            if (mode == GeneStatus.PROTEIN_ALTERING) {
                return a.proteinAltering();
            }
            return a.inCds() || a.consequences().contains(Consequence.SPLICE_DONOR_VARIANT)
                    || a.consequences().contains(Consequence.SPLICE_ACCEPTOR_VARIANT);
        }

        /** KRAS/NRAS protein-altering change at codon 12, 13, 59, 61, 117 or 146. */
        public boolean rasHotspot() {
            for (String gene : List.of("KRAS", "NRAS")) {
                GeneEffect a = on(gene);
                if (a != null && a.proteinAltering() && a.firstCodon() > 0) {
                    for (int c = a.firstCodon(); c <= a.lastCodon(); c++) {
                        if (RAS_CODONS.contains(c)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** BRAF p.V600E. */
        public boolean brafV600e() {
            GeneEffect a = on("BRAF");
            return a != null && a.hgvspShort().equals("p.V600E");
        }

        /** The most relevant effect: the most severe over all transcripts (effects without a known term last). */
        public GeneEffect worst() {
            GeneEffect best = effects.get(0);
            for (GeneEffect a : effects) {
                if (a.mostSevere() != null && (best.mostSevere() == null || a.mostSevere().compareTo(best.mostSevere()) < 0)) {
                    best = a;
                }
            }
            return best;
        }
    }
}
