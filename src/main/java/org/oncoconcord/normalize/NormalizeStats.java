package org.oncoconcord.normalize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of one run. Invariant: {@code in + split_added = out + rejected_total + joined_away}
 * (joined_away is non-zero only with {@code -m+}).
 */
final class NormalizeStats {
    long in;
    long out;
    long splitRecords;
    long splitAdded;
    /** Records decomposed by --atomize (their extra records are counted in splitAdded). */
    long atomized;
    long realigned;
    long joinedAway;
    long joinedRecords;
    long refSkipped;
    final Map<String, Long> rejected = new LinkedHashMap<>();

    void reject(String reason) {
        rejected.merge(reason, 1L, Long::sum);
    }

    long rejectedTotal() {
        long t = 0;
        for (long v : rejected.values()) {
            t += v;
        }
        return t;
    }

    Map<String, Object> toMap(String tumorSample) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("in", in);
        m.put("out", out);
        m.put("split", splitRecords);
        m.put("split_added", splitAdded);
        m.put("atomized", atomized);
        m.put("realigned", realigned);
        m.put("joined", joinedRecords);
        m.put("joined_away", joinedAway);
        m.put("rejected", rejected);
        m.put("rejected_total", rejectedTotal());
        m.put("tumor_sample", tumorSample);
        return m;
    }
}
