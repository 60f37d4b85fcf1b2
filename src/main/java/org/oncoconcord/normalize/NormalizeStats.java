package org.oncoconcord.normalize;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oncoconcord.contract.NormalizeStatsJson;

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

    NormalizeStatsJson toJson(String tumorSample) {
        return new NormalizeStatsJson(in, out, splitRecords, splitAdded, atomized, realigned, joinedRecords, joinedAway,
                new LinkedHashMap<>(rejected), rejectedTotal(), tumorSample);
    }
}
