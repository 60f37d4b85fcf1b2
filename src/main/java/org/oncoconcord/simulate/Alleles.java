package org.oncoconcord.simulate;

/**
 * Representations of one variant against the synthetic reference: the normalized form (trimmed,
 * left-aligned, as {@code bcftools norm} / {@code vt normalize} define it, Tan et al. 2015), and
 * the equivalent forms a caller might write instead (right-shifted within a repeat, padded).
 */
final class Alleles {
    private Alleles() {
    }

    /** Trimmed and left-aligned form (the truth's form). */
    static Variant normalize(SyntheticGenome g, Variant v) {
        String chrom = v.chrom();
        int pos = v.pos();
        String ref = v.ref();
        String alt = v.alt();
        if (ref.equals(alt)) {
            throw new IllegalArgumentException("REF equals ALT: " + v);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            if (!ref.isEmpty() && !alt.isEmpty() && ref.charAt(ref.length() - 1) == alt.charAt(alt.length() - 1)) {
                ref = ref.substring(0, ref.length() - 1);
                alt = alt.substring(0, alt.length() - 1);
                changed = true;
            }
            if ((ref.isEmpty() || alt.isEmpty()) && pos > 1) {
                pos--;
                char b = g.base(chrom, pos);
                ref = b + ref;
                alt = b + alt;
                changed = true;
            }
        }
        while (ref.length() >= 2 && alt.length() >= 2 && ref.charAt(0) == alt.charAt(0)) {
            ref = ref.substring(1);
            alt = alt.substring(1);
            pos++;
        }
        return new Variant(chrom, pos, ref, alt);
    }

    /**
     * The same indel moved as far right as the reference allows, keeping a left anchor base
     * (what some callers write). Non-indels are returned normalized.
     */
    static Variant rightShift(SyntheticGenome g, Variant v) {
        Variant n = normalize(g, v);
        if (!n.isIndel() || (n.ref().length() > 1 && n.alt().length() > 1)) {
            return n;
        }
        boolean deletion = n.ref().length() > n.alt().length();
        String seq = deletion ? n.ref().substring(1) : n.alt().substring(1);
        int anchor = n.pos();
        int limit = g.length(n.chrom());
        while (true) {
            if (deletion) {
                int next = anchor + seq.length() + 1; // first base after the deleted stretch
                if (next > limit || g.base(n.chrom(), next) != seq.charAt(0)) {
                    break;
                }
                anchor++;
                seq = seq.substring(1) + seq.charAt(0);
            } else {
                int next = anchor + 1;
                if (next > limit || g.base(n.chrom(), next) != seq.charAt(0)) {
                    break;
                }
                anchor++;
                seq = seq.substring(1) + seq.charAt(0);
            }
        }
        char a = g.base(n.chrom(), anchor);
        return deletion ? new Variant(n.chrom(), anchor, a + seq, String.valueOf(a))
                : new Variant(n.chrom(), anchor, String.valueOf(a), a + seq);
    }

    /** Adds {@code left} reference bases before and {@code right} after both alleles. */
    static Variant pad(SyntheticGenome g, Variant v, int left, int right) {
        String before = g.bases(v.chrom(), v.pos() - left, v.pos() - 1);
        String after = right == 0 ? "" : g.bases(v.chrom(), v.end() + 1, v.end() + right);
        return new Variant(v.chrom(), v.pos() - left, before + v.ref() + after, before + v.alt() + after);
    }

    /**
     * One record for several non-overlapping variants: the common reference window and, per
     * variant, that window with the variant applied. Returns {pos, ref, alt1, alt2, ...}.
     */
    static String[] merge(SyntheticGenome g, java.util.List<Variant> vs) {
        String chrom = vs.get(0).chrom();
        int start = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        for (Variant v : vs) {
            start = Math.min(start, v.pos());
            end = Math.max(end, v.end());
        }
        String window = g.bases(chrom, start, end);
        String[] out = new String[vs.size() + 2];
        out[0] = Integer.toString(start);
        out[1] = window;
        for (int i = 0; i < vs.size(); i++) {
            Variant v = vs.get(i);
            int off = v.pos() - start;
            out[i + 2] = window.substring(0, off) + v.alt() + window.substring(off + v.ref().length());
        }
        return out;
    }
}
