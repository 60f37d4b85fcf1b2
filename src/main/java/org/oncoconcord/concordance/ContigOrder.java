package org.oncoconcord.concordance;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.ContigNames;

/**
 * The order in which the merge-join expects contigs: one order consistent with every input's own
 * order (its {@code ##contig} header lines, or for a file without them, the order its records
 * visit contigs), found by a topological sort of those chains, ties broken by first mention (first
 * input first). When the inputs' orders conflict (e.g. chrM first in one, MT last in another) the
 * order of first mention is used, and the record that breaks it is reported. Contigs no input
 * mentions come last in karyotypic order ({@link ContigNames#naturalKey}). Names are canonical.
 */
public final class ContigOrder implements Comparator<String> {
    private final Map<String, Integer> rank = new HashMap<>();
    private final boolean consistent;

    /** @param chains per input, its contig names in its order (any style) */
    public ContigOrder(List<List<String>> chains) {
        Map<String, Integer> first = new java.util.LinkedHashMap<>();
        List<List<String>> canon = new java.util.ArrayList<>();
        for (List<String> chain : chains) {
            List<String> c = new java.util.ArrayList<>();
            for (String name : chain) {
                String k = ContigNames.canonical(name);
                first.putIfAbsent(k, first.size());
                if (!c.contains(k)) {
                    c.add(k);
                }
            }
            canon.add(c);
        }
        Map<String, java.util.Set<String>> next = new HashMap<>();
        Map<String, Integer> indegree = new HashMap<>();
        first.keySet().forEach(k -> indegree.put(k, 0));
        for (List<String> c : canon) {
            for (int i = 0; i + 1 < c.size(); i++) {
                if (next.computeIfAbsent(c.get(i), k -> new java.util.HashSet<>()).add(c.get(i + 1))) {
                    indegree.merge(c.get(i + 1), 1, Integer::sum);
                }
            }
        }
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>(Comparator.comparingInt(first::get));
        indegree.forEach((k, d) -> {
            if (d == 0) {
                ready.add(k);
            }
        });
        while (!ready.isEmpty()) {
            String k = ready.poll();
            rank.put(k, rank.size());
            for (String n : next.getOrDefault(k, java.util.Set.of())) {
                if (indegree.merge(n, -1, Integer::sum) == 0) {
                    ready.add(n);
                }
            }
        }
        consistent = rank.size() == first.size();
        if (!consistent) {
            rank.clear();
            first.forEach(rank::put);
        }
    }

    /** False when the inputs' contig orders conflict (then some input will be reported out of order). */
    public boolean consistent() {
        return consistent;
    }

    /** True when some input mentions this canonical contig. */
    public boolean declared(String canonical) {
        return rank.containsKey(canonical);
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        Integer ra = rank.get(a);
        Integer rb = rank.get(b);
        if (ra != null && rb != null) {
            return Integer.compare(ra, rb);
        }
        if (ra != null) {
            return -1;
        }
        if (rb != null) {
            return 1;
        }
        return ContigNames.naturalKey(a).compareTo(ContigNames.naturalKey(b));
    }
}
