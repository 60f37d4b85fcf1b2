package org.oncoconcord.annotate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consequence engine: for an allele, its effect on every transcript within 5 kb (VEP's
 * up/downstream distance), or one intergenic annotation. Consequences are computed at the input
 * position; HGVSc is shifted 3' within the exon (HGVS rule); HGVSp compares the translations.
 */
public final class Annotator {
    /** VEP's default up/downstream distance. */
    public static final int FLANK = 5000;
    private final TranscriptSet transcripts;
    private final Map<String, String> proteins = new HashMap<>();
    /** Per canonical contig name: its transcripts' flank windows. */
    private final Map<String, ContigIndex> index = new HashMap<>();
    /** The index of the contig asked last (records come sorted: one map look-up per contig). */
    private Last last;

    private record Last(String chrom, ContigIndex index) {
    }

    public Annotator(TranscriptSet transcripts) {
        this.transcripts = transcripts;
        for (String contig : transcripts.contigs()) {
            index.put(contig, new ContigIndex(transcripts.onContig(contig), FLANK));
        }
        for (Transcript t : transcripts.all()) {
            if (t.cds() != null) {
                String p = AminoAcids.translate(t.cds(), 0, false);
                proteins.put(t.id(), 'M' + p.substring(1)); // a non-AUG initiator is translated as Met
            }
        }
    }

    /** The reference protein of a transcript (one-letter, ending in {@code *}), or null without a CDS. */
    public String protein(Transcript t) {
        return proteins.get(t.id());
    }

    public TranscriptSet transcripts() {
        return transcripts;
    }

    /** True when a transcript lies within {@link #FLANK} of {@code start..end} (cheap pre-check). */
    public boolean anyNear(String chrom, int start, int end) {
        return index(chrom).any(start - 1, end + 1);
    }

    /** Annotations of the allele, one per nearby transcript (in the contig's list order), else one intergenic. */
    public List<Annotation> annotate(Allele allele) {
        int lo = allele.isInsertion() ? allele.start() - 1 : allele.start();
        int hi = allele.isInsertion() ? allele.start() : allele.end();
        ContigIndex contig = index(allele.chrom());
        int[] near = contig.near(lo, hi);
        List<Annotation> out = new ArrayList<>(Math.max(1, near.length));
        for (int i : near) {
            out.add(onTranscript(allele, contig.get(i), lo, hi));
        }
        if (out.isEmpty()) {
            out.add(intergenic(allele));
        }
        return out;
    }

    private ContigIndex index(String chrom) {
        Last l = last;
        if (l != null && l.chrom().equals(chrom)) {
            return l.index();
        }
        ContigIndex found = index.getOrDefault(org.oncoconcord.core.ContigNames.canonical(chrom), ContigIndex.EMPTY);
        last = new Last(chrom, found);
        return found;
    }

    /** The annotation of an allele with no transcript within {@link #FLANK}. */
    public static Annotation intergenic(Allele allele) {
        return new Annotation(allele, null, List.of(Consequence.INTERGENIC_VARIANT), "", "", "", "", "", "", "",
                "", "", "", -1, false);
    }

    private Annotation onTranscript(Allele allele, Transcript t, int lo, int hi) {
        if (hi < t.txStart() || lo > t.txEnd()) {
            boolean after = lo > t.txEnd();
            int distance = after ? lo - t.txEnd() : t.txStart() - hi;
            Consequence c = after == t.plus() ? Consequence.DOWNSTREAM_GENE_VARIANT : Consequence.UPSTREAM_GENE_VARIANT;
            return new Annotation(allele, t, List.of(c), "", "", "", "", "", "", "", "", "", "", distance, false);
        }
        boolean insertion = allele.isInsertion();
        Set<Consequence> terms = EnumSet.noneOf(Consequence.class);
        int from = Math.max(lo, t.txStart());
        int to = Math.min(hi, t.txEnd());
        int coding = 0;
        int intronic = 0;
        int donor = 0;
        int acceptor = 0;
        int positions = to - from + 1;
        int minExon = Integer.MAX_VALUE;
        int maxExon = -1;
        int minIntron = Integer.MAX_VALUE;
        int maxIntron = -1;
        for (int pos = from; pos <= to; pos++) {
            int exon = t.exonIndex(pos);
            Transcript.SpliceSite site = t.spliceSite(pos);
            if (exon >= 0) {
                minExon = Math.min(minExon, exon);
                maxExon = Math.max(maxExon, exon);
                if (t.isCoding(pos)) {
                    coding++;
                } else if (!insertion) {
                    terms.add((pos < t.cdsStart()) == t.plus() ? Consequence.FIVE_PRIME_UTR_VARIANT
                            : Consequence.THREE_PRIME_UTR_VARIANT);
                }
            } else {
                intronic++;
                int intron = t.intronIndex(pos);
                minIntron = Math.min(minIntron, intron);
                maxIntron = Math.max(maxIntron, intron);
            }
            switch (site) {
                case DONOR -> donor++;
                case ACCEPTOR -> acceptor++;
                case EXON_EDGE, INTRON_REGION -> terms.add(Consequence.SPLICE_REGION_VARIANT);
                default -> { }
            }
        }
        if (insertion) {
            // an insertion affects a region only when both flanking bases lie in it
            if (donor == 2) {
                terms.add(Consequence.SPLICE_DONOR_VARIANT);
            } else if (acceptor == 2) {
                terms.add(Consequence.SPLICE_ACCEPTOR_VARIANT);
            } else if (donor + acceptor > 0) {
                terms.add(Consequence.SPLICE_REGION_VARIANT);
            }
            if (intronic == 2 && donor + acceptor < 2) {
                terms.add(Consequence.INTRON_VARIANT);
            }
            if (intronic == 0 && coding < 2 && positions == 2) {
                int flank = t.isCoding(from) ? to : from;
                terms.add((flank < t.cdsStart()) == t.plus() ? Consequence.FIVE_PRIME_UTR_VARIANT
                        : Consequence.THREE_PRIME_UTR_VARIANT);
            }
        } else {
            if (donor > 0) {
                terms.add(Consequence.SPLICE_DONOR_VARIANT);
            }
            if (acceptor > 0) {
                terms.add(Consequence.SPLICE_ACCEPTOR_VARIANT);
            }
            if (intronic > donor + acceptor) {
                terms.add(Consequence.INTRON_VARIANT);
            }
        }
        boolean allCoding = coding == positions && positions == (hi - lo + 1) && contiguousCds(t, lo, hi);
        ProteinEffect effect = null;
        boolean refMismatch = false;
        String hgvsc;
        String cdsPosition = "";
        if (allCoding && t.cds() != null) {
            int a = t.cdsIndex(lo);
            int b = t.cdsIndex(hi);
            int cStart = Math.min(a, b);
            int cEnd = Math.max(a, b);
            if (insertion) {
                cStart = cEnd;
                cEnd = cStart - 1;
            }
            String ref = oriented(t, allele.ref());
            String alt = oriented(t, allele.alt());
            refMismatch = !t.cds().startsWith(ref, cStart);
            effect = ProteinEffect.of(t.cds(), proteins.get(t.id()), cStart, cEnd, alt);
            terms.addAll(effect.terms());
            hgvsc = Hgvsc.coding(t, cStart, cEnd, ref, alt);
            cdsPosition = insertion ? cStart + "-" + (cStart + 1) : span(cStart + 1, cEnd + 1);
        } else {
            if (coding > 0) {
                terms.add(Consequence.CODING_SEQUENCE_VARIANT);
            }
            hgvsc = Hgvsc.genomic(t, allele, Math.max(lo, t.txStart()), Math.min(hi, t.txEnd()));
            if (coding > 0 && t.cds() != null) {
                cdsPosition = cdsSpan(t, from, to);
            }
        }
        if (terms.isEmpty()) {
            terms.add(Consequence.CODING_SEQUENCE_VARIANT);
        }
        String exon = maxExon < 0 ? "" : numbered(t.exonNumber(minExon), t.exonNumber(maxExon), t.exonCount());
        String intron = maxIntron < 0 ? "" : numbered(t.intronNumber(minIntron), t.intronNumber(maxIntron), t.exonCount() - 1);
        String cdna = cdnaSpan(t, from, to, insertion);
        List<Consequence> sorted = new ArrayList<>(terms);
        String protein = effect == null || effect.hgvsp().isEmpty() ? "" : t.proteinId() + ":" + effect.hgvsp();
        return new Annotation(allele, t, sorted, exon, intron, cdna, cdsPosition,
                effect == null ? "" : effect.proteinPosition(), effect == null ? "" : effect.aminoAcids(),
                effect == null ? "" : effect.codons(), hgvsc.isEmpty() ? "" : t.id() + ":" + hgvsc, protein,
                effect == null ? "" : effect.hgvspShort(), -1, refMismatch);
    }

    private static boolean contiguousCds(Transcript t, int lo, int hi) {
        return Math.abs(t.cdsIndex(hi) - t.cdsIndex(lo)) == hi - lo;
    }

    static String oriented(Transcript t, String bases) {
        return t.plus() ? bases : AminoAcids.reverseComplement(bases);
    }

    private static String numbered(int a, int b, int total) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return (lo == hi ? Integer.toString(lo) : lo + "-" + hi) + "/" + total;
    }

    private static String span(int a, int b) {
        return a == b ? Integer.toString(a) : a + "-" + b;
    }

    private static String cdnaSpan(Transcript t, int from, int to, boolean insertion) {
        int a = t.txPos(from);
        int b = t.txPos(to);
        if (a < 0 && b < 0) {
            return "";
        }
        String x = a < 0 ? "?" : Integer.toString(a);
        String y = b < 0 ? "?" : Integer.toString(b);
        if (!t.plus()) {
            String s = x;
            x = y;
            y = s;
        }
        return x.equals(y) && !insertion ? x : x + "-" + y;
    }

    private static String cdsSpan(Transcript t, int from, int to) {
        int a = t.cdsIndex(from);
        int b = t.cdsIndex(to);
        String x = a < 0 ? "?" : Integer.toString(a + 1);
        String y = b < 0 ? "?" : Integer.toString(b + 1);
        if (!t.plus()) {
            String s = x;
            x = y;
            y = s;
        }
        return x.equals(y) ? x : x + "-" + y;
    }
}
