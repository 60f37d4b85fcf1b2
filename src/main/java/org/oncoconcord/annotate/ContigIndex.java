package org.oncoconcord.annotate;

import java.util.Arrays;
import java.util.List;

/**
 * The transcripts of one contig indexed by their window {@code txStart-FLANK .. txEnd+FLANK}:
 * windows sorted by start with the running maximum of their ends, so the transcripts near a
 * position are found by one binary search and a short backward scan (O(1) for an intergenic
 * position), and reported in the contig's list order (the order of the CSQ entries).
 */
final class ContigIndex {
    private static final int[] NONE = new int[0];
    static final ContigIndex EMPTY = new ContigIndex(List.of(), 0);

    private final Transcript[] byList;
    /** Window starts, ascending. */
    private final int[] starts;
    /** Window ends, in the order of {@link #starts}. */
    private final int[] ends;
    /** Running maximum of {@link #ends}. */
    private final int[] maxEnds;
    /** List index of each window, in the order of {@link #starts}. */
    private final int[] order;

    ContigIndex(List<Transcript> transcripts, int flank) {
        int n = transcripts.size();
        byList = transcripts.toArray(new Transcript[0]);
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Integer.compare(byList[a].txStart(), byList[b].txStart()));
        starts = new int[n];
        ends = new int[n];
        maxEnds = new int[n];
        order = new int[n];
        int max = Integer.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            Transcript t = byList[idx[k]];
            order[k] = idx[k];
            starts[k] = t.txStart() - flank;
            ends[k] = t.txEnd() + flank;
            max = Math.max(max, ends[k]);
            maxEnds[k] = max;
        }
    }

    /** True when a window overlaps {@code lo..hi}. */
    boolean any(int lo, int hi) {
        int k = lastStartingBy(hi);
        return k >= 0 && maxEnds[k] >= lo;
    }

    /** The list indices of the windows overlapping {@code lo..hi}, ascending (usually none or one). */
    int[] near(int lo, int hi) {
        int[] found = NONE;
        int n = 0;
        for (int k = lastStartingBy(hi); k >= 0 && maxEnds[k] >= lo; k--) {
            if (ends[k] >= lo) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, 2 * n + 2);
                }
                found[n++] = order[k];
            }
        }
        if (n < found.length) {
            found = Arrays.copyOf(found, n);
        }
        if (n > 1) {
            Arrays.sort(found);
        }
        return found;
    }

    /**
     * As {@link #near(int, int)} without allocating: the list indices into {@code out} (ascending),
     * returns their number; {@code out} holds at least {@link #size()} entries.
     */
    int near(int lo, int hi, int[] out) {
        int n = 0;
        for (int k = lastStartingBy(hi); k >= 0 && maxEnds[k] >= lo; k--) {
            if (ends[k] >= lo) {
                out[n++] = order[k];
            }
        }
        for (int i = 1; i < n; i++) { // insertion sort: n is 0, 1 or a few
            int v = out[i];
            int j = i - 1;
            while (j >= 0 && out[j] > v) {
                out[j + 1] = out[j];
                j--;
            }
            out[j + 1] = v;
        }
        return n;
    }

    /** Number of transcripts on the contig. */
    int size() {
        return byList.length;
    }

    Transcript get(int listIndex) {
        return byList[listIndex];
    }

    /** Index of the last window starting at or before {@code pos}, or -1. */
    private int lastStartingBy(int pos) {
        int a = 0;
        int b = starts.length - 1;
        int k = -1;
        while (a <= b) {
            int m = (a + b) >>> 1;
            if (starts[m] <= pos) {
                k = m;
                a = m + 1;
            } else {
                b = m - 1;
            }
        }
        return k;
    }
}
