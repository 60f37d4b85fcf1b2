package org.oncoconcord.cohort;

import java.util.HashMap;
import java.util.Map;
import org.oncoconcord.contract.VariantsTsv;

/** Variant key ({@code chrom:pos:ref>alt}) -> short protein change, from a patient's variants.tsv. */
final class VariantProteins {
    private VariantProteins() {
    }

    /** The protein change of every annotated row with one (none without a table or annotation columns). */
    static Map<String, String> of(VariantsTsv table) {
        Map<String, String> out = new HashMap<>();
        if (table == null || !table.annotated()) {
            return out;
        }
        for (VariantsTsv.Row r : table.rows()) {
            String p = r.annotation().hgvspShort();
            if (!p.isEmpty() && !p.equals(VariantsTsv.MISSING)) {
                out.put(bare(r.key()), p);
            }
        }
        return out;
    }

    /** As {@link #of(VariantsTsv)}, keeping only the variants {@code keys} name (whatever their contig style). */
    static Map<String, String> of(VariantsTsv table, java.util.Collection<String> keys) {
        Map<String, String> all = of(table);
        Map<String, String> out = new HashMap<>();
        for (String k : keys) {
            String bare = k == null ? null : bare(k);
            if (bare != null && all.containsKey(bare)) {
                out.put(bare, all.get(bare));
            }
        }
        return out;
    }

    /** The protein change of {@code key}, whatever its contig style ({@code chr12} = {@code 12}); null when none. */
    static String lookup(Map<String, String> proteins, String key) {
        return key == null ? null : proteins.get(bare(key));
    }

    private static String bare(String key) {
        return key.startsWith("chr") ? key.substring(3) : key;
    }
}
