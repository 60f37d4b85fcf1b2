package org.oncoconcord.vcf;

import java.nio.charset.StandardCharsets;

/**
 * Number parsing on the bytes of a VCF line, shared by every reader: integers as
 * {@link Integer#parseInt} reads them, plain decimals exactly as {@link Double#parseDouble} (without
 * its cost), and the "is this a number" test that refuses non-numeric values in Integer/Float fields.
 */
public final class VcfNumbers {
    /** What {@link #parseInt} returns for text Integer.parseInt would refuse. */
    public static final long BAD_INT = Long.MIN_VALUE;

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    private VcfNumbers() {
    }

    /**
     * b[from, to) as Integer.parseInt reads it (optional sign, decimal digits, int range), widened
     * to long; {@link #BAD_INT} when Integer.parseInt would throw.
     */
    public static long parseInt(byte[] b, int from, int to) {
        if (from >= to) {
            return BAD_INT;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            if (++i == to) {
                return BAD_INT;
            }
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return BAD_INT;
            }
            v = v * 10 + d;
            if (v > 1L << 31) {
                return BAD_INT;
            }
        }
        v = negative ? -v : v;
        return v > Integer.MAX_VALUE ? BAD_INT : v;
    }

    /**
     * Parses a plain decimal like {@code 0.125} in b[from, to) exactly as Double.parseDouble would (an
     * integer of at most 15 digits divided by an exact power of ten rounds once); other forms go to
     * Double.parseDouble. NaN if not a number.
     */
    public static double parseFraction(byte[] b, int from, int to) {
        long mant = 0;
        int scale = 0;
        boolean dot = false;
        int digits = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9' && digits < 15) {
                mant = mant * 10 + (c - '0');
                digits++;
                if (dot) {
                    scale++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                try {
                    return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        return scale == 0 ? mant : mant / POW10[scale];
    }

    /** {@link #parseFraction(byte[], int, int)} of a string. */
    public static double parseFraction(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return parseFraction(b, 0, b.length);
    }

    /** True for [+-]digits[.digits] or [+-][digits].digits in s[from, to): a number, without parsing it. */
    public static boolean isPlainDecimal(CharSequence s, int from, int to) {
        int i = from;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        boolean dot = false;
        int digits = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /**
     * True when a value of a VCF Integer or Float field reads as a number: a plain decimal, a
     * number in exponent form, or nan/inf/infinity as htslib accepts them (any case).
     */
    public static boolean isNumber(String t) {
        if (!t.isEmpty() && isPlainDecimal(t, 0, t.length())) {
            return true;
        }
        String l = t.toLowerCase(java.util.Locale.ROOT);
        if (l.equals("nan") || l.equals("inf") || l.equals("-inf") || l.equals("infinity") || l.equals("-infinity")) {
            return true;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
