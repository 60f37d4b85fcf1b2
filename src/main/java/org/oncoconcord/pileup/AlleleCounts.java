package org.oncoconcord.pileup;

/**
 * Read counts of one site in one sample (mutable while a BAM is streamed, then read only).
 * {@code other} counts reads with a base at the site that support neither REF nor ALT.
 */
public final class AlleleCounts {
    int refForward;
    int refReverse;
    int altForward;
    int altReverse;
    int other;

    void add(ReadAllele allele, boolean reverse) {
        switch (allele) {
            case REF -> {
                if (reverse) {
                    refReverse++;
                } else {
                    refForward++;
                }
            }
            case ALT -> {
                if (reverse) {
                    altReverse++;
                } else {
                    altForward++;
                }
            }
            case OTHER -> other++;
        }
    }

    public int ref() {
        return refForward + refReverse;
    }

    public int alt() {
        return altForward + altReverse;
    }

    public int other() {
        return other;
    }

    /** Reads with a base at the site that passed every filter. */
    public int depth() {
        return ref() + alt() + other;
    }

    public int refForward() {
        return refForward;
    }

    public int refReverse() {
        return refReverse;
    }

    public int altForward() {
        return altForward;
    }

    public int altReverse() {
        return altReverse;
    }
}
