package org.oncoconcord.annotate;

import java.util.Arrays;

/**
 * One protein-coding transcript: genomic exons (1-based inclusive, ascending), CDS span (stop codon
 * included) and, when known, the CDS sequence (ATG..stop, transcript orientation). Maps genomic
 * positions to transcript, CDS and HGVS c. coordinates.
 */
public final class Transcript {
    private final String gene;
    private final String id;
    private final String ensemblId;
    private final String proteinId;
    private final String chrom;
    private final boolean plus;
    private final int txStart;
    private final int txEnd;
    private final int cdsStart;
    private final int cdsEnd;
    private final int[] exonStarts;
    private final int[] exonEnds;
    /** Transcript-order (5'->3') cDNA position of the first base of each genomic-order exon. */
    private final int[] exonTxFirst;
    private final int cdsFirstTx;
    private final int cdsLastTx;
    private final String cds;

    public Transcript(String gene, String id, String ensemblId, String proteinId, String chrom, boolean plus,
                      int txStart, int txEnd, int cdsStart, int cdsEnd, int[] exonStarts, int[] exonEnds, String cds) {
        this.gene = gene;
        this.id = id;
        this.ensemblId = ensemblId;
        this.proteinId = proteinId;
        this.chrom = chrom;
        this.plus = plus;
        this.txStart = txStart;
        this.txEnd = txEnd;
        this.cdsStart = cdsStart;
        this.cdsEnd = cdsEnd;
        this.exonStarts = exonStarts.clone();
        this.exonEnds = exonEnds.clone();
        this.cds = cds;
        int n = exonStarts.length;
        if (n == 0 || exonEnds.length != n) {
            throw new IllegalArgumentException(id + ": exon start and end lists differ in length or are empty");
        }
        for (int i = 0; i < n; i++) {
            if (exonStarts[i] > exonEnds[i] || (i > 0 && exonStarts[i] <= exonEnds[i - 1])) {
                throw new IllegalArgumentException(id + ": exons are not ascending and disjoint at exon " + (i + 1));
            }
        }
        if (exonStarts[0] != txStart || exonEnds[n - 1] != txEnd || cdsStart < txStart || cdsEnd > txEnd || cdsStart > cdsEnd) {
            throw new IllegalArgumentException(id + ": transcript/CDS span does not fit the exons");
        }
        exonTxFirst = new int[n];
        int acc = 1;
        for (int k = 0; k < n; k++) {
            int i = plus ? k : n - 1 - k;
            exonTxFirst[i] = acc;
            acc += exonEnds[i] - exonStarts[i] + 1;
        }
        int first = txPos(plus ? cdsStart : cdsEnd);
        int last = txPos(plus ? cdsEnd : cdsStart);
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException(id + ": CDS start or end is not exonic");
        }
        cdsFirstTx = first;
        cdsLastTx = last;
        if (cds != null && cds.length() != cdsLength()) {
            throw new IllegalArgumentException(id + ": CDS sequence length " + cds.length()
                    + " differs from the coding exons' length " + cdsLength());
        }
    }

    /** Same transcript with the given CDS sequence. */
    public Transcript withCds(String sequence) {
        return new Transcript(gene, id, ensemblId, proteinId, chrom, plus, txStart, txEnd, cdsStart, cdsEnd,
                exonStarts, exonEnds, sequence);
    }

    public String gene() { return gene; }
    public String id() { return id; }
    public String ensemblId() { return ensemblId; }
    public String proteinId() { return proteinId; }
    public String chrom() { return chrom; }
    public boolean plus() { return plus; }
    public int txStart() { return txStart; }
    public int txEnd() { return txEnd; }
    public int cdsStart() { return cdsStart; }
    public int cdsEnd() { return cdsEnd; }
    public int exonCount() { return exonStarts.length; }
    public int exonStart(int genomicIndex) { return exonStarts[genomicIndex]; }
    public int exonEnd(int genomicIndex) { return exonEnds[genomicIndex]; }
    /** CDS sequence (transcript orientation) or null when not known. */
    public String cds() { return cds; }
    public int cdsLength() { return cdsLastTx - cdsFirstTx + 1; }

    /** Genomic-order index of the exon holding {@code pos}, or -1. */
    public int exonIndex(int pos) {
        int i = Arrays.binarySearch(exonStarts, pos);
        if (i >= 0) {
            return i;
        }
        i = -i - 2;
        return i >= 0 && pos <= exonEnds[i] ? i : -1;
    }

    /** Genomic-order index of the exon before the intron holding {@code pos} (inside the transcript), or -1. */
    public int intronIndex(int pos) {
        if (pos <= txStart || pos >= txEnd || exonIndex(pos) >= 0) {
            return -1;
        }
        int i = Arrays.binarySearch(exonStarts, pos);
        return -i - 2;
    }

    /**
     * Genomic-order index of the exon before the intron that holds all of {@code lo..hi} with more
     * than {@code margin} bases to both of its exons, or -1 (a position outside the transcript, in an
     * exon, across an exon or within {@code margin} of one).
     */
    int deepIntron(int lo, int hi, int margin) {
        int i = Arrays.binarySearch(exonStarts, lo);
        if (i >= 0) {
            return -1;
        }
        i = -i - 2;
        if (i < 0 || i + 1 >= exonStarts.length) {
            return -1;
        }
        return lo - exonEnds[i] > margin && exonStarts[i + 1] - hi > margin ? i : -1;
    }

    /** Exon number in transcript order (1-based) of a genomic-order index. */
    public int exonNumber(int genomicIndex) {
        return plus ? genomicIndex + 1 : exonStarts.length - genomicIndex;
    }

    /** Intron number in transcript order of the intron after genomic-order exon {@code genomicIndex}. */
    public int intronNumber(int genomicIndex) {
        return plus ? genomicIndex + 1 : exonStarts.length - 1 - genomicIndex;
    }

    /** cDNA position (1-based, transcript order, UTRs included) of an exonic genomic position, or -1. */
    public int txPos(int pos) {
        int i = exonIndex(pos);
        if (i < 0) {
            return -1;
        }
        return exonTxFirst[i] + (plus ? pos - exonStarts[i] : exonEnds[i] - pos);
    }

    /** 0-based CDS index of a coding genomic position, or -1 when not coding. */
    public int cdsIndex(int pos) {
        if (pos < cdsStart || pos > cdsEnd) {
            return -1;
        }
        int t = txPos(pos);
        return t < 0 ? -1 : t - cdsFirstTx;
    }

    /** True when {@code pos} is an exonic base between the CDS start and end (stop codon included). */
    public boolean isCoding(int pos) {
        return cdsIndex(pos) >= 0;
    }

    /** Last 0-based CDS index of the coding part of the exon holding CDS index {@code idx}. */
    public int exonCdsLastIndex(int idx) {
        int pos = genomicOfCds(idx);
        int i = exonIndex(pos);
        int end = plus ? Math.min(exonEnds[i], cdsEnd) : Math.max(exonStarts[i], cdsStart);
        return cdsIndex(end);
    }

    /** Genomic position of 0-based CDS index {@code idx}. */
    public int genomicOfCds(int idx) {
        int t = idx + cdsFirstTx;
        for (int i = 0; i < exonStarts.length; i++) {
            int len = exonEnds[i] - exonStarts[i] + 1;
            if (t >= exonTxFirst[i] && t < exonTxFirst[i] + len) {
                int off = t - exonTxFirst[i];
                return plus ? exonStarts[i] + off : exonEnds[i] - off;
            }
        }
        throw new IllegalArgumentException(id + ": CDS index " + idx + " outside the transcript");
    }

    /**
     * HGVS c. position of a genomic position inside the transcript: exonic {@code 35}, {@code -12},
     * {@code *8}; intronic {@code 35+1}, {@code 36-2}. Null outside the transcript.
     */
    public String cPos(int pos) {
        if (pos < txStart || pos > txEnd) {
            return null;
        }
        int t = txPos(pos);
        if (t >= 0) {
            return cOfTx(t);
        }
        int i = intronIndex(pos);
        int before = exonEnds[i];
        int after = exonStarts[i + 1];
        // transcript-order: 5' boundary (donor side) and 3' boundary (acceptor side)
        int donor = plus ? before : after;
        int acceptor = plus ? after : before;
        int dDonor = Math.abs(pos - donor);
        int dAcceptor = Math.abs(pos - acceptor);
        if (dDonor <= dAcceptor) {
            return cOfTx(txPos(donor)) + "+" + dDonor;
        }
        return cOfTx(txPos(acceptor)) + "-" + dAcceptor;
    }

    private String cOfTx(int t) {
        if (t < cdsFirstTx) {
            return "-" + (cdsFirstTx - t);
        }
        if (t > cdsLastTx) {
            return "*" + (t - cdsLastTx);
        }
        return Integer.toString(t - cdsFirstTx + 1);
    }

    /**
     * Splice-site distance of a position: 1 or 2 for the intronic donor/acceptor dinucleotides,
     * and the class of the position relative to the nearest internal exon boundary.
     */
    public SpliceSite spliceSite(int pos) {
        int n = exonStarts.length;
        // the boundaries i (exon i | exon i+1) within 2 bases of pos lie in j-3..j+2, j = the last exon
        // starting at or before pos (exons are disjoint, ascending, at least 1 base): the first match
        // of a scan over all boundaries is the first match of this window
        int j = Arrays.binarySearch(exonStarts, pos);
        if (j < 0) {
            j = -j - 2;
        }
        int last = Math.min(n - 2, j + 2);
        for (int i = Math.max(0, j - 3); i <= last; i++) {
            int before = exonEnds[i];
            int after = exonStarts[i + 1];
            if (pos < before - 2 || pos > after + 2) {
                continue;
            }
            boolean atDonor; // relative to the boundary at `before` (genomic left side)
            if (pos <= before) { // exonic, left exon, within 3 bases of its end
                return SpliceSite.EXON_EDGE;
            }
            if (pos >= after) {
                return SpliceSite.EXON_EDGE;
            }
            int fromLeft = pos - before;
            int fromRight = after - pos;
            if (fromLeft <= fromRight) {
                atDonor = plus;
                return classifyIntronic(fromLeft, atDonor);
            }
            atDonor = !plus;
            return classifyIntronic(fromRight, atDonor);
        }
        return SpliceSite.NONE;
    }

    private static SpliceSite classifyIntronic(int distance, boolean donor) {
        if (distance <= 2) {
            return donor ? SpliceSite.DONOR : SpliceSite.ACCEPTOR;
        }
        return distance <= 8 ? SpliceSite.INTRON_REGION : SpliceSite.INTRON;
    }

    /** Where a position lies relative to splice junctions (VEP's windows). */
    public enum SpliceSite {
        /** Intronic base 1-2 from the exon, 5' end of the intron. */
        DONOR,
        /** Intronic base 1-2 from the exon, 3' end of the intron. */
        ACCEPTOR,
        /** Exonic base 1-3 from an internal exon boundary. */
        EXON_EDGE,
        /** Intronic base 3-8 from an exon. */
        INTRON_REGION,
        /** Deeper intron. */
        INTRON,
        NONE
    }

    @Override
    public String toString() {
        return gene + ":" + id;
    }
}
