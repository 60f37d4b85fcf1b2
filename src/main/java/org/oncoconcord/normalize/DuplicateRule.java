package org.oncoconcord.normalize;

import java.util.Locale;

/** bcftools' {@code -d TYPE}: which records at one position count as duplicates. */
enum DuplicateRule {
    SNPS, INDELS, BOTH, ALL, ANY, EXACT, NONE;

    /** The rule of a bcftools TYPE word, or null when it is none of them. */
    static DuplicateRule parse(String word) {
        for (DuplicateRule r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(word)) {
                return r;
            }
        }
        return null;
    }
}
