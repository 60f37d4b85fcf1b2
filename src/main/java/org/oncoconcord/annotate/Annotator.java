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
    private CsqWriter writer;

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
        return contig(chrom).any(start - 1, end + 1);
    }

    /** Annotations of the allele, one per nearby transcript (in the contig's list order), else one intergenic. */
    public List<Annotation> annotate(Allele allele) {
        int lo = allele.isInsertion() ? allele.start() - 1 : allele.start();
        int hi = allele.isInsertion() ? allele.start() : allele.end();
        ContigIndex contig = contig(allele.chrom());
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

    /** The writer of CSQ values as bytes ({@code normalize --annotate}), made on first use. */
    CsqWriter csqWriter() {
        if (writer == null) {
            writer = new CsqWriter(this);
        }
        return writer;
    }

    /** The transcript index of a contig (any naming style; empty when it has none). */
    ContigIndex contig(String chrom) {
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

    /*
     * onTranscript is split into small methods on purpose: as one method the JIT's C2 compiler
     * inlined ~15 kB of bytecode into 110 kB of machine code, several times over (recompiled as rare
     * paths were reached), which cost more CPU than annotating a million records.
     * It assembles the annotation itself (no assemble() method) on purpose too (session 9): its
     * bytecode, above C2's FreqInlineSize (325 bytes), keeps it from being inlined into the direct CSQ
     * writer (CsqWriter.allele), so the writer's fast paths compile small and fast, and a rare path
     * reached in the engine recompiles the engine only (bench/normalize_annotate.sh, C2's compilation log:
     * CsqWriter.allele compiled 3 times into 45-67 kB of code instead of 3 times into 90 kB).
     */
    /** The annotation on {@code t} of an allele covering {@code lo..hi} (both flanking bases for an insertion). */
    Annotation onTranscript(Allele allele, Transcript t, int lo, int hi) {
        if (hi < t.txStart() || lo > t.txEnd()) {
            return flanking(allele, t, lo, hi);
        }
        boolean insertion = allele.isInsertion();
        Set<Consequence> terms = EnumSet.noneOf(Consequence.class);
        int from = Math.max(lo, t.txStart());
        int to = Math.min(hi, t.txEnd());
        Scan scan = Scan.of(t, from, to, insertion, terms);
        scan.addSpliceAndIntronTerms(t, from, to, insertion, terms);
        boolean allCoding = scan.coding == scan.positions && scan.positions == (hi - lo + 1) && contiguousCds(t, lo, hi);
        Coding c = allCoding && t.cds() != null ? coding(allele, t, lo, hi, insertion, terms)
                : noncoding(allele, t, lo, hi, from, to, scan.coding, terms);
        if (terms.isEmpty()) {
            terms.add(Consequence.CODING_SEQUENCE_VARIANT);
        }
        String exon = scan.maxExon < 0 ? "" : numbered(t.exonNumber(scan.minExon), t.exonNumber(scan.maxExon), t.exonCount());
        String intron = scan.maxIntron < 0 ? ""
                : numbered(t.intronNumber(scan.minIntron), t.intronNumber(scan.maxIntron), t.exonCount() - 1);
        String cdna = cdnaSpan(t, from, to, insertion);
        List<Consequence> sorted = List.copyOf(terms);
        ProteinEffect effect = c.effect();
        String protein = effect == null || effect.hgvsp().isEmpty() ? "" : t.proteinId() + ":" + effect.hgvsp();
        return new Annotation(allele, t, sorted, exon, intron, cdna, c.cdsPosition(),
                effect == null ? "" : effect.proteinPosition(), effect == null ? "" : effect.aminoAcids(),
                effect == null ? "" : effect.codons(), c.hgvsc().isEmpty() ? "" : t.id() + ":" + c.hgvsc(), protein,
                effect == null ? "" : effect.hgvspShort(), -1, c.refMismatch());
    }

    private static Annotation flanking(Allele allele, Transcript t, int lo, int hi) {
        boolean after = lo > t.txEnd();
        int distance = after ? lo - t.txEnd() : t.txStart() - hi;
        Consequence c = after == t.plus() ? Consequence.DOWNSTREAM_GENE_VARIANT : Consequence.UPSTREAM_GENE_VARIANT;
        return new Annotation(allele, t, List.of(c), "", "", "", "", "", "", "", "", "", "", distance, false);
    }

    /** What the positions {@code from..to} of the allele inside the transcript are. */
    private static final class Scan {
        int coding;
        int intronic;
        int donor;
        int acceptor;
        int positions;
        int minExon = Integer.MAX_VALUE;
        int maxExon = -1;
        int minIntron = Integer.MAX_VALUE;
        int maxIntron = -1;

        /** Counts the positions; adds UTR and splice-region terms as it goes. */
        static Scan of(Transcript t, int from, int to, boolean insertion, Set<Consequence> terms) {
            Scan s = new Scan();
            s.positions = to - from + 1;
            for (int pos = from; pos <= to; pos++) {
                int exon = t.exonIndex(pos);
                Transcript.SpliceSite site = t.spliceSite(pos);
                if (exon >= 0) {
                    s.minExon = Math.min(s.minExon, exon);
                    s.maxExon = Math.max(s.maxExon, exon);
                    if (t.isCoding(pos)) {
                        s.coding++;
                    } else if (!insertion) {
                        terms.add((pos < t.cdsStart()) == t.plus() ? Consequence.FIVE_PRIME_UTR_VARIANT
                                : Consequence.THREE_PRIME_UTR_VARIANT);
                    }
                } else {
                    s.intronic++;
                    int intron = t.intronIndex(pos);
                    s.minIntron = Math.min(s.minIntron, intron);
                    s.maxIntron = Math.max(s.maxIntron, intron);
                }
                switch (site) {
                    case DONOR -> s.donor++;
                    case ACCEPTOR -> s.acceptor++;
                    case EXON_EDGE, INTRON_REGION -> terms.add(Consequence.SPLICE_REGION_VARIANT);
                    default -> { }
                }
            }
            return s;
        }

        void addSpliceAndIntronTerms(Transcript t, int from, int to, boolean insertion, Set<Consequence> terms) {
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
        }
    }

    /** The coding fields of an annotation ({@code effect} null when no protein change was computed). */
    private record Coding(ProteinEffect effect, boolean refMismatch, String hgvsc, String cdsPosition) {
    }

    /** A change wholly inside the CDS: protein effect, HGVSc shifted 3', CDS position. */
    private Coding coding(Allele allele, Transcript t, int lo, int hi, boolean insertion, Set<Consequence> terms) {
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
        boolean refMismatch = !t.cds().startsWith(ref, cStart);
        ProteinEffect effect = ProteinEffect.of(t.cds(), proteins.get(t.id()), cStart, cEnd, alt);
        terms.addAll(effect.terms());
        String hgvsc = Hgvsc.coding(t, cStart, cEnd, ref, alt);
        String cdsPosition = insertion ? cStart + "-" + (cStart + 1) : span(cStart + 1, cEnd + 1);
        return new Coding(effect, refMismatch, hgvsc, cdsPosition);
    }

    /** A change not wholly inside the CDS: HGVSc at the input position, the CDS span it touches. */
    private static Coding noncoding(Allele allele, Transcript t, int lo, int hi, int from, int to, int coding,
            Set<Consequence> terms) {
        if (coding > 0) {
            terms.add(Consequence.CODING_SEQUENCE_VARIANT);
        }
        String hgvsc = Hgvsc.genomic(t, allele, Math.max(lo, t.txStart()), Math.min(hi, t.txEnd()));
        String cdsPosition = coding > 0 && t.cds() != null ? cdsSpan(t, from, to) : "";
        return new Coding(null, false, hgvsc, cdsPosition);
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
