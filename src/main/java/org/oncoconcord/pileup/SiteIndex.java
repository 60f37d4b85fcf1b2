package org.oncoconcord.pileup;

import htsjdk.samtools.QueryInterval;
import htsjdk.samtools.SAMSequenceDictionary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sites grouped by contig and sorted by position, to find the sites a read covers by binary search. */
final class SiteIndex {
    private final Map<String, int[]> positions = new HashMap<>();
    private final Map<String, int[]> siteIds = new HashMap<>();

    SiteIndex(List<Site> sites) {
        Map<String, List<Site>> byContig = new HashMap<>();
        for (Site s : sites) {
            if (s.kind() != Site.Kind.COMPLEX) {
                byContig.computeIfAbsent(s.contig(), c -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<String, List<Site>> e : byContig.entrySet()) {
            List<Site> list = e.getValue();
            list.sort(Comparator.comparingInt(Site::pos));
            positions.put(e.getKey(), list.stream().mapToInt(Site::pos).toArray());
            siteIds.put(e.getKey(), list.stream().mapToInt(Site::index).toArray());
        }
    }

    /** Indices (into the input list) of the sites on {@code contig} within [start, end], in position order. */
    int[] covered(String contig, int start, int end) {
        int[] pos = positions.get(contig);
        if (pos == null) {
            return new int[0];
        }
        int lo = firstAtOrAfter(pos, start);
        int hi = lo;
        while (hi < pos.length && pos[hi] <= end) {
            hi++;
        }
        return java.util.Arrays.copyOfRange(siteIds.get(contig), lo, hi);
    }

    /** Merged query intervals over the sites' positions (contigs absent from the dictionary are left out). */
    QueryInterval[] intervals(SAMSequenceDictionary dict) {
        List<QueryInterval> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : positions.entrySet()) {
            int ref = dict.getSequenceIndex(e.getKey());
            if (ref < 0) {
                continue;
            }
            for (int p : e.getValue()) {
                out.add(new QueryInterval(ref, p, p));
            }
        }
        return QueryInterval.optimizeIntervals(out.toArray(new QueryInterval[0]));
    }

    private static int firstAtOrAfter(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
