package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The transcript model of one synthetic gene: strand, exons, 5' UTR, CDS of {@code codons} sense
 * codons plus a stop codon, 3' UTR. Laid out deterministically (no randomness) in a local frame that
 * runs in transcript orientation from the gene's 5' end: local 0 is genomic {@code start} on the plus
 * strand and genomic {@code start + span - 1} on the minus strand.
 */
record GeneModel(String name, String contig, boolean plus, int start, int span, List<int[]> exons, int utr5,
                 int codons, int utr3) {
    static final int UTR5 = 80;
    static final int UTR3 = 120;

    /** Lays out {@code exonCount} exons of the transcript with introns of 150 + 13 x i bp. */
    static GeneModel layout(String name, String contig, boolean plus, int start, int codons, int exonCount) {
        int tx = UTR5 + 3 * (codons + 1) + UTR3;
        List<int[]> exons = new ArrayList<>();
        int local = 0;
        int txDone = 0;
        for (int i = 0; i < exonCount; i++) {
            int txEnd = i == exonCount - 1 ? tx : (int) ((long) tx * (i + 1) / exonCount) + (i * 7) % 5;
            int len = txEnd - txDone;
            exons.add(new int[] {local, local + len - 1});
            local += len;
            txDone = txEnd;
            if (i < exonCount - 1) {
                local += 150 + 13 * i;
            }
        }
        return new GeneModel(name, contig, plus, start, local, List.copyOf(exons), UTR5, codons, UTR3);
    }

    int end() {
        return start + span - 1;
    }

    /** CDS length in bases, the stop codon included. */
    int cdsLength() {
        return 3 * (codons + 1);
    }

    /** Genomic position of a local position. */
    int genomic(int local) {
        return plus ? start + local : start + span - 1 - local;
    }

    /** Local position of a genomic position. */
    int local(int genomic) {
        return plus ? genomic - start : start + span - 1 - genomic;
    }

    /** Local position of transcript base {@code tx} (0-based from the transcript's 5' end). */
    int txToLocal(int tx) {
        int done = 0;
        for (int[] e : exons) {
            int len = e[1] - e[0] + 1;
            if (tx < done + len) {
                return e[0] + tx - done;
            }
            done += len;
        }
        throw new IllegalArgumentException(name + ": transcript position " + tx + " beyond the transcript");
    }

    /** Local position of CDS base {@code c} (0-based; the A of ATG is 0). */
    int cdsLocal(int c) {
        return txToLocal(utr5 + c);
    }

    /** Genomic position of CDS base {@code c}. */
    int cdsGenomic(int c) {
        return genomic(cdsLocal(c));
    }

    /** Transcript position of a local position inside an exon, else -1. */
    int localToTx(int local) {
        int done = 0;
        for (int[] e : exons) {
            if (local >= e[0] && local <= e[1]) {
                return done + local - e[0];
            }
            done += e[1] - e[0] + 1;
        }
        return -1;
    }

    /** Transcript length (exons). */
    int txLength() {
        return utr5 + cdsLength() + utr3;
    }

    /** Distance (in local bases) from {@code local} to the nearest exon edge that borders an intron; large when none. */
    int distanceToSpliceEdge(int local) {
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < exons.size(); i++) {
            if (i > 0) {
                best = Math.min(best, Math.abs(local - exons.get(i)[0]));
            }
            if (i < exons.size() - 1) {
                best = Math.min(best, Math.abs(local - exons.get(i)[1]));
            }
        }
        return best;
    }

    /** Introns as local [from, to] pairs, in transcript order. */
    List<int[]> introns() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < exons.size(); i++) {
            out.add(new int[] {exons.get(i)[1] + 1, exons.get(i + 1)[0] - 1});
        }
        return out;
    }

    /** Genomic [from, to] of a local range (from <= to in the result). */
    int[] genomicRange(int localFrom, int localTo) {
        int a = genomic(localFrom);
        int b = genomic(localTo);
        return new int[] {Math.min(a, b), Math.max(a, b)};
    }
}
