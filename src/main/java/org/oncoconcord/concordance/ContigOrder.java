package org.oncoconcord.concordance;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.ContigNames;

/**
 * The order in which the merge-join expects contigs: the order of the {@code ##contig} header lines
 * of the inputs (first input first, contigs only known to later inputs appended), then any contig
 * no header declares in karyotypic order ({@link ContigNames#naturalKey}). Names are canonical.
 */
public final class ContigOrder implements Comparator<String> {
    private final Map<String, Integer> rank = new HashMap<>();

    /** @param headerContigs per input, its header contig names in file order (any style) */
    public ContigOrder(List<List<String>> headerContigs) {
        for (List<String> contigs : headerContigs) {
            for (String c : contigs) {
                rank.putIfAbsent(ContigNames.canonical(c), rank.size());
            }
        }
    }

    /** True when the headers declare this canonical contig. */
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
