package org.oncoconcord.concordance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.annotate.Annotator;
import org.oncoconcord.annotate.Transcript;
import org.oncoconcord.annotate.TranscriptSet;

/**
 * Which positions lie within {@link Annotator#FLANK} of a transcript, answered the way
 * {@link Annotator#anyNear} answers it but from merged, sorted windows per contig (binary search
 * instead of a pass over the contig's transcripts): concordance asks it for every distinct allele
 * and skips the consequence engine for the many intergenic ones.
 */
final class NearTranscripts {
    private final TranscriptSet models;
    private final Map<String, int[]> windows = new HashMap<>();
    private String lastContig;
    private int[] last;

    NearTranscripts(TranscriptSet models) {
        this.models = models;
    }

    /** True when a transcript's span widened by FLANK + 1 on each side meets [start, end] ({@link Annotator#anyNear}). */
    boolean near(String contig, int start, int end) {
        int[] w;
        if (contig.equals(lastContig)) {
            w = last;
        } else {
            w = windows.computeIfAbsent(contig, c -> merged(models.onContig(c)));
            lastContig = contig;
            last = w;
        }
        // w: starts and ends of disjoint windows, sorted: [s0, e0, s1, e1, ...]; find the first window ending at or after start
        int lo = 0;
        int hi = w.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (w[2 * mid + 1] < start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < w.length / 2 && w[2 * lo] <= end;
    }

    /** The windows [txStart - FLANK - 1, txEnd + FLANK + 1] of the transcripts, overlapping ones merged. */
    static int[] merged(List<Transcript> transcripts) {
        List<long[]> spans = new ArrayList<>();
        for (Transcript t : transcripts) {
            spans.add(new long[] {(long) t.txStart() - Annotator.FLANK - 1, (long) t.txEnd() + Annotator.FLANK + 1});
        }
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] s : spans) {
            long[] prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && s[0] <= prev[1]) {
                prev[1] = Math.max(prev[1], s[1]);
            } else {
                out.add(s.clone());
            }
        }
        int[] w = new int[2 * out.size()];
        for (int i = 0; i < out.size(); i++) {
            w[2 * i] = (int) Math.max(Integer.MIN_VALUE, out.get(i)[0]);
            w[2 * i + 1] = (int) Math.min(Integer.MAX_VALUE, out.get(i)[1]);
        }
        return w;
    }
}
