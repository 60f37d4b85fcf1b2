package org.oncoconcord.annotate;

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
        this.intergenic = new Verdict(List.of(new Annotation(null, null, List.of(Consequence.INTERGENIC_VARIANT),
                "", "", "", "", "", "", "", "", "", "", -1, false)), mode);
    }

    /** True when the models hold the gene (its status then follows the consequence). */
    public boolean modelled(String gene) {
        return annotator.transcripts().gene(gene) != null;
    }

    public GeneStatus mode() {
        return mode;
    }

    /** The verdict for one allele: its annotations plus what counts. */
    public Verdict judge(String chrom, int pos, String ref, String alt) {
        if (!annotator.anyNear(chrom, pos, pos + ref.length())) {
            return intergenic;
        }
        List<Annotation> all = annotator.annotate(Allele.fromVcf(chrom, pos, ref, alt));
        return new Verdict(all, mode);
    }

    /** Annotations of an allele and the rules applied to them. */
    public static final class Verdict {
        private final List<Annotation> annotations;
        private final GeneStatus mode;

        Verdict(List<Annotation> annotations, GeneStatus mode) {
            this.annotations = annotations;
            this.mode = mode;
        }

        public List<Annotation> annotations() {
            return annotations;
        }

        /** The annotation on the gene's transcript, or null when the models do not have the gene near the allele. */
        public Annotation on(String gene) {
            for (Annotation a : annotations) {
                if (a.transcript() != null && a.transcript().gene().equals(gene)) {
                    return a;
                }
            }
            return null;
        }

        /**
         * Whether the allele counts for {@code gene}: by the consequence when the gene has a model
         * ({@code modelled}), else by overlap; {@code atHotspot} for the hotspot mode.
         */
        public boolean counts(String gene, boolean modelled, boolean atHotspot) {
            if (mode == GeneStatus.ALL) {
                return true;
            }
            if (mode == GeneStatus.HOTSPOT) {
                return atHotspot;
            }
            if (!modelled) {
                return true;
            }
            Annotation a = on(gene);
            if (a == null) {
                return false;
            }
            if (mode == GeneStatus.PROTEIN_ALTERING) {
                return a.mostSevere().proteinAltering();
            }
            return !a.cdsPosition().isEmpty() || a.consequences().contains(Consequence.SPLICE_DONOR_VARIANT)
                    || a.consequences().contains(Consequence.SPLICE_ACCEPTOR_VARIANT);
        }

        /** KRAS/NRAS protein-altering change at codon 12, 13, 59, 61, 117 or 146. */
        public boolean rasHotspot() {
            for (String gene : List.of("KRAS", "NRAS")) {
                Annotation a = on(gene);
                if (a != null && a.mostSevere().proteinAltering() && !a.proteinPosition().isEmpty()) {
                    String p = a.proteinPosition();
                    int first = Integer.parseInt(p.contains("-") ? p.substring(0, p.indexOf('-')) : p);
                    int last = Integer.parseInt(p.contains("-") ? p.substring(p.indexOf('-') + 1) : p);
                    for (int c = first; c <= last; c++) {
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
            Annotation a = on("BRAF");
            return a != null && a.hgvspShort().equals("p.V600E");
        }

        /** The most relevant annotation: the most severe over all transcripts. */
        public Annotation worst() {
            Annotation best = annotations.get(0);
            for (Annotation a : annotations) {
                if (a.mostSevere().compareTo(best.mostSevere()) < 0) {
                    best = a;
                }
            }
            return best;
        }
    }
}
