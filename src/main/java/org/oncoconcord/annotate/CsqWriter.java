package org.oncoconcord.annotate;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes a record's CSQ value straight into bytes ({@link CsqBytes}), byte-identical to
 * {@link Csq#append} of {@link Annotator#annotate}'s annotations. Most alleles of a genome are
 * intergenic, up/downstream or deep intronic: those cost one binary search and a few byte appends
 * of parts cached per transcript (no {@link Allele}, {@link Annotation} or String). Other alleles
 * (exonic, splice, UTR, crossing a boundary) go through the full engine.
 */
final class CsqWriter {
    /** Intronic bases 1-8 from an exon are splice donor/acceptor/region: deeper ones are plain introns. */
    private static final int SPLICE_REACH = 8;
    private static final byte[] INTERGENIC = middleOfIntergenic();
    private static final byte[] INTRON = bytes("|" + Consequence.INTRON_VARIANT.term() + "|MODIFIER");
    private static final byte[] UPSTREAM = bytes("|" + Consequence.UPSTREAM_GENE_VARIANT.term() + "|MODIFIER");
    private static final byte[] DOWNSTREAM = bytes("|" + Consequence.DOWNSTREAM_GENE_VARIANT.term() + "|MODIFIER");
    /** The separators of an up/downstream entry from after BIOTYPE to DISTANCE (EXON..Codons empty). */
    private static final byte[] FLANK_EMPTY = bytes("|||||||||");
    /** The separators of an intron entry from after HGVSc to STRAND (HGVSp..DISTANCE empty). */
    private static final byte[] INTRON_EMPTY = bytes("||||||||");
    private static final byte[][] CLASSES = {bytes("SNV"), bytes("insertion"), bytes("deletion"), bytes("substitution"),
            bytes("indel")};
    private static final byte[] C_DOT = bytes("c.");
    private static final byte[] DELINS = bytes("delins");
    private static final byte[] DEL = bytes("del");
    private static final byte[] INS = bytes("ins");

    private final Annotator annotator;
    private final Map<ContigIndex, Text[]> texts = new IdentityHashMap<>();
    private ContigIndex lastContig;
    private Text[] lastTexts;
    private int[] near = new int[4];
    private final StringBuilder slow = new StringBuilder(256);
    /** The allele being written, trimmed to its minimal form and upper case. */
    private byte[] ref = new byte[64];
    private byte[] alt = new byte[64];
    private int refLen;
    private int altLen;

    CsqWriter(Annotator annotator) {
        this.annotator = annotator;
    }

    /**
     * Appends the CSQ value of one record ({@code alleles}: REF then the ALTs, entries joined by
     * {@code ,}) to {@code out} and updates {@code counts} as {@link CsqAnnotator#entries} does;
     * returns the number of entries (0: nothing appended).
     */
    int append(CsqAnnotator.Counts counts, String chrom, int pos, String[] alleles, CsqBytes out) {
        String r = alleles[0];
        if (!CsqAnnotator.isBases(r)) {
            return slowRecord(counts, chrom, pos, alleles, out);
        }
        // looked up here, once per record, not in allele(): a change of contig then recompiles only append()
        ContigIndex contig = annotator.contig(chrom);
        if (near.length < contig.size()) {
            near = new int[contig.size()];
        }
        Text[] cached = texts(contig);
        int n = 0;
        for (int k = 1; k < alleles.length; k++) {
            String a = alleles[k];
            if (!CsqAnnotator.isBases(a)) {
                counts.skipped++;
                continue;
            }
            n = allele(counts, contig, cached, chrom, pos, r, a, out, n);
        }
        return n;
    }

    /**
     * The entries of ALT {@code a} of a record at {@code pos} with REF {@code r}; returns the new entry count.
     * (Its bytecode is kept above C2's FreqInlineSize, 325 bytes, so that it is compiled on its own and a
     * recompilation of append() does not recompile it.)
     */
    private int allele(CsqAnnotator.Counts counts, ContigIndex contig, Text[] cached, String chrom, int pos, String r, String a,
            CsqBytes out, int n) {
        counts.alleles++;
        int start = pos + trim(r, a);
        boolean insertion = refLen == 0;
        int lo = insertion ? start - 1 : start;
        int hi = insertion ? start : start + refLen - 1;
        int m = contig.near(lo, hi, near);
        if (m == 0) {
            counts.intergenic++;
            separate(out, n);
            vepAllele(out).append(INTERGENIC).append(CLASSES[variantClass()]);
            return n + 1;
        }
        Allele allele = null;
        boolean altering = false;
        for (int i = 0; i < m; i++) {
            int idx = near[i];
            Transcript t = contig.get(idx);
            separate(out, n++);
            if (hi < t.txStart() || lo > t.txEnd()) {
                flanking(out, t, cached[idx], lo, hi);
                continue;
            }
            int intron = t.deepIntron(lo, hi, SPLICE_REACH);
            if (intron >= 0) {
                intronic(out, t, cached[idx], intron, lo, hi, insertion);
                continue;
            }
            if (allele == null) {
                allele = trimmed(chrom, start);
            }
            altering |= full(counts, out, annotator.onTranscript(allele, t, lo, hi), chrom, pos, r);
        }
        if (altering) {
            counts.proteinAltering++;
        }
        return n;
    }

    private static void separate(CsqBytes out, int entries) {
        if (entries > 0) {
            out.append((byte) ',');
        }
    }

    /** An entry by the full engine ({@link Csq#append}); returns whether it is protein-altering. */
    private boolean full(CsqAnnotator.Counts counts, CsqBytes out, Annotation a, String chrom, int pos, String r) {
        slow.setLength(0);
        Csq.append(slow, a);
        out.append(slow);
        CsqAnnotator.countCoding(counts, a, chrom, pos, r);
        return a.mostSevere().proteinAltering();
    }

    /** A record whose REF is not bases: every allele by the full engine. */
    private int slowRecord(CsqAnnotator.Counts counts, String chrom, int pos, String[] alleles, CsqBytes out) {
        slow.setLength(0);
        int n = CsqAnnotator.append(annotator, counts, chrom, pos, alleles, slow);
        out.append(slow);
        return n;
    }

    private void flanking(CsqBytes out, Transcript t, Text x, int lo, int hi) {
        boolean after = lo > t.txEnd();
        int distance = after ? lo - t.txEnd() : t.txStart() - hi;
        vepAllele(out).append(after == t.plus() ? DOWNSTREAM : UPSTREAM).append(x.mid).append(FLANK_EMPTY)
                .append(distance).append((byte) '|').append(x.tail).append((byte) '|').append(CLASSES[variantClass()]);
    }

    private void intronic(CsqBytes out, Transcript t, Text x, int intron, int lo, int hi, boolean insertion) {
        vepAllele(out).append(INTRON).append(x.mid).append((byte) '|').append(x.intronLabel[intron]).append((byte) '|')
                .append(x.hgvscPrefix).append(C_DOT);
        boolean plus = t.plus();
        cPos(out, t, x, intron, plus ? lo : hi);
        if (insertion) {
            out.append((byte) '_');
            cPos(out, t, x, intron, plus ? hi : lo);
            oriented(out.append(INS), alt, altLen, plus);
        } else {
            if (lo != hi) {
                out.append((byte) '_');
                cPos(out, t, x, intron, plus ? hi : lo);
            }
            if (refLen == 1 && altLen == 1) {
                oriented(out, ref, 1, plus);
                oriented(out.append((byte) '>'), alt, 1, plus);
            } else if (altLen == 0) {
                out.append(DEL);
            } else {
                oriented(out.append(DELINS), alt, altLen, plus);
            }
        }
        out.append(INTRON_EMPTY).append(x.tail).append((byte) '|').append(CLASSES[variantClass()]);
    }

    /** HGVS c. position of an intronic position of intron {@code i} (as {@link Transcript#cPos}). */
    private static void cPos(CsqBytes out, Transcript t, Text x, int i, int pos) {
        int before = t.exonEnd(i);
        int after = t.exonStart(i + 1);
        int donor = t.plus() ? before : after;
        int acceptor = t.plus() ? after : before;
        int dDonor = Math.abs(pos - donor);
        int dAcceptor = Math.abs(pos - acceptor);
        if (dDonor <= dAcceptor) {
            out.append(x.donorC[i]).append((byte) '+').append(dDonor);
        } else {
            out.append(x.acceptorC[i]).append((byte) '-').append(dAcceptor);
        }
    }

    /** Bases in transcript orientation: as they are on the plus strand, reverse-complemented on the minus. */
    private static void oriented(CsqBytes out, byte[] bases, int n, boolean plus) {
        if (plus) {
            for (int i = 0; i < n; i++) {
                out.append(bases[i]);
            }
            return;
        }
        for (int i = n - 1; i >= 0; i--) {
            out.append(complement(bases[i]));
        }
    }

    private static byte complement(byte b) {
        return switch (b) {
            case 'A' -> 'T';
            case 'C' -> 'G';
            case 'G' -> 'C';
            case 'T' -> 'A';
            default -> b;
        };
    }

    /** VEP's Allele: the trimmed ALT, {@code -} for a deletion. */
    private CsqBytes vepAllele(CsqBytes out) {
        if (altLen == 0) {
            return out.append((byte) '-');
        }
        for (int i = 0; i < altLen; i++) {
            out.append(alt[i]);
        }
        return out;
    }

    /** Index into {@link #CLASSES} of the allele's VARIANT_CLASS (as {@link Csq#variantClass}). */
    private int variantClass() {
        if (refLen == 1 && altLen == 1) {
            return 0;
        }
        if (refLen == 0) {
            return 1;
        }
        if (altLen == 0) {
            return 2;
        }
        return refLen == altLen ? 3 : 4;
    }

    /**
     * Trims REF and ALT as {@link Allele#fromVcf} does (upper case, shared first then last bases
     * removed) into {@link #ref}/{@link #alt}; returns the number of leading bases removed.
     */
    private int trim(String r, String a) {
        int rl = r.length();
        int al = a.length();
        int p = 0;
        while (p < rl && p < al && upper(r.charAt(p)) == upper(a.charAt(p))) {
            p++;
        }
        int s = 0;
        while (s < rl - p && s < al - p && upper(r.charAt(rl - 1 - s)) == upper(a.charAt(al - 1 - s))) {
            s++;
        }
        refLen = rl - p - s;
        altLen = al - p - s;
        if (ref.length < refLen) {
            ref = new byte[refLen * 2];
        }
        if (alt.length < altLen) {
            alt = new byte[altLen * 2];
        }
        for (int i = 0; i < refLen; i++) {
            ref[i] = (byte) upper(r.charAt(p + i));
        }
        for (int i = 0; i < altLen; i++) {
            alt[i] = (byte) upper(a.charAt(p + i));
        }
        return p;
    }

    /** The trimmed allele as {@link Allele#fromVcf} gives it (from {@link #ref}/{@link #alt}: no second trimming). */
    private Allele trimmed(String chrom, int start) {
        return new Allele(chrom, start, new String(ref, 0, refLen, StandardCharsets.ISO_8859_1),
                new String(alt, 0, altLen, StandardCharsets.ISO_8859_1));
    }

    /** Upper case of a base letter (the alleles here are A, C, G, T, N in either case). */
    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    private Text[] texts(ContigIndex contig) {
        if (contig != lastContig) {
            lastTexts = texts.computeIfAbsent(contig, CsqWriter::textsOf);
            lastContig = contig;
        }
        return lastTexts;
    }

    private static Text[] textsOf(ContigIndex contig) {
        Text[] out = new Text[contig.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Text(contig.get(i));
        }
        return out;
    }

    /** The parts of a transcript's CSQ entries that do not depend on the allele, as bytes. */
    private static final class Text {
        /** {@code |SYMBOL|Gene|Transcript|Feature|protein_coding|} (after IMPACT, before EXON). */
        final byte[] mid;
        /** {@code STRAND|YES|MANE_SELECT|} (before HGVSp_Short). */
        final byte[] tail;
        /** {@code Feature:} of HGVSc. */
        final byte[] hgvscPrefix;
        /** Per genomic-order intron: its INTRON field {@code k/n}. */
        final byte[][] intronLabel;
        /** Per genomic-order intron: c. position of its donor-side and acceptor-side exonic base. */
        final byte[][] donorC;
        final byte[][] acceptorC;

        Text(Transcript t) {
            mid = bytes("|" + Csq.escape(t.gene()) + "|" + Csq.escape(t.ensemblId()) + "|Transcript|" + Csq.escape(t.id())
                    + "|protein_coding|");
            tail = bytes((t.plus() ? "1" : "-1") + "|YES|" + Csq.escape(t.id()) + "|");
            hgvscPrefix = bytes(Csq.escape(t.id()) + ":");
            int introns = t.exonCount() - 1;
            intronLabel = new byte[introns][];
            donorC = new byte[introns][];
            acceptorC = new byte[introns][];
            for (int i = 0; i < introns; i++) {
                intronLabel[i] = bytes(t.intronNumber(i) + "/" + introns);
                int before = t.exonEnd(i);
                int after = t.exonStart(i + 1);
                donorC[i] = bytes(t.cPos(t.plus() ? before : after));
                acceptorC[i] = bytes(t.cPos(t.plus() ? after : before));
            }
        }
    }

    /** The fixed part of an intergenic entry: from after Allele to before VARIANT_CLASS. */
    private static byte[] middleOfIntergenic() {
        Allele probe = new Allele("probe", 1, "A", "C");
        String entry = Csq.entry(Annotator.intergenic(probe));
        String cls = Csq.variantClass(probe);
        return bytes(entry.substring(Csq.vepAllele(probe).length(), entry.length() - cls.length()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
