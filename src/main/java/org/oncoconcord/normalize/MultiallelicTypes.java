package org.oncoconcord.normalize;

import java.util.Locale;

/** The TYPE of {@code -m -TYPE / +TYPE}: which records are split or joined. */
enum MultiallelicTypes {
    SNPS, INDELS, BOTH, ANY;

    /** The enum of a bcftools TYPE word (snps, indels, both, any), or null when it is none of them. */
    static MultiallelicTypes parse(String word) {
        for (MultiallelicTypes t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(word)) {
                return t;
            }
        }
        return null;
    }

    /** True when a record with {@link VariantType} bits {@code types} is split/joined under this TYPE. */
    boolean selects(int types) {
        return switch (this) {
            case SNPS -> (types & (VariantType.SNP | VariantType.MNP)) != 0;
            case INDELS -> (types & VariantType.INDEL) != 0;
            case BOTH, ANY -> true;
        };
    }
}
