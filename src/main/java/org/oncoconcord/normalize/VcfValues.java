package org.oncoconcord.normalize;

/**
 * Writes typed VCF values the way htslib does after parsing them (integers without leading zeros,
 * floats as 32-bit values printed with C's {@code %g}), so outputs compare equal to bcftools'.
 */
final class VcfValues {
    private VcfValues() {
    }

    static boolean isMissing(String v) {
        return v == null || v.isEmpty() || v.equals(".");
    }

    /** One value of the given type ('I','F' reformatted; others as is; empty becomes '.'). */
    static String canonical(char type, String v) {
        if (v.isEmpty() || v.equals(".")) {
            return ".";
        }
        if (type == 'I') {
            return canonicalInt(v);
        }
        if (type == 'F') {
            return canonicalFloat(v);
        }
        return v;
    }

    /** A comma-separated list of values of the given type. */
    static String canonicalList(char type, String v) {
        if (type != 'I' && type != 'F') {
            return v.isEmpty() ? "." : v;
        }
        if (v.indexOf(',') < 0) {
            return canonical(type, v);
        }
        StringBuilder sb = new StringBuilder(v.length());
        appendCanonicalList(sb, type, v);
        return sb.toString();
    }

    /**
     * Appends {@link #canonicalList} of {@code v} to {@code sb} without splitting: values already in
     * htslib's form are copied as they are, short decimals are rewritten in place (see
     * {@link #appendShortDecimal}), only the rest goes through parsing.
     */
    static void appendCanonicalList(StringBuilder sb, char type, String v) {
        if (type != 'I' && type != 'F') {
            sb.append(v.isEmpty() ? "." : v);
            return;
        }
        appendCanonicalList(sb, type, v, 0, v.length());
    }

    /** {@link #appendCanonicalList(StringBuilder, char, String)} of the numeric list v[from,to). */
    static void appendCanonicalList(StringBuilder sb, char type, String v, int from, int n) {
        int start = from;
        for (int i = from; i <= n; i++) {
            if (i == n || v.charAt(i) == ',') {
                if (start > from) {
                    sb.append(',');
                }
                appendCanonical(sb, type, v, start, i);
                start = i + 1;
            }
        }
    }

    private static void appendCanonical(StringBuilder sb, char type, String v, int from, int to) {
        if (type == 'I' ? isCanonicalInt(v, from, to) : isCanonicalFloat(v, from, to)) {
            sb.append(v, from, to);
        } else if (type != 'F' || !appendShortDecimal(sb, v, from, to)) {
            sb.append(canonical(type, v.substring(from, to)));
        }
    }

    /**
     * Appends what C's %g prints for the 32-bit float of the plain decimal s[from,to) ([+-]digits[.digits])
     * when it has at most 6 significant digits and 1e-4 <= |x| < 1e6: such a decimal survives the
     * round trip through a float (FLT_DIG = 6), so %g prints its digits without superfluous zeros.
     * Returns false (appending nothing) for any other text.
     */
    static boolean appendShortDecimal(StringBuilder sb, String s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int dot = -1;
        int digits = 0;
        for (int k = i; k < to; k++) {
            char c = s.charAt(k);
            if (c == '.') {
                if (dot >= 0) {
                    return false;
                }
                dot = k;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else {
                return false;
            }
        }
        if (digits == 0) {
            return false;
        }
        int intEnd = dot < 0 ? to : dot;
        int intStart = i;
        while (intStart < intEnd && s.charAt(intStart) == '0') {
            intStart++;
        }
        int fracStart = dot < 0 ? to : dot + 1;
        int fracEnd = to;
        while (fracEnd > fracStart && s.charAt(fracEnd - 1) == '0') {
            fracEnd--;
        }
        int intLen = intEnd - intStart;
        if (intLen == 0) {
            int firstSig = fracStart;
            while (firstSig < fracEnd && s.charAt(firstSig) == '0') {
                firstSig++;
            }
            if (firstSig == fracEnd) { // zero: %g prints 0 (or -0)
                sb.append(negative ? "-0" : "0");
                return true;
            }
            int exp = -(firstSig - fracStart + 1);
            if (exp < -4 || fracEnd - firstSig > 6) {
                return false;
            }
        } else if (intLen > 6 || intLen + (fracEnd - fracStart) > 6) {
            return false;
        }
        if (negative) {
            sb.append('-');
        }
        if (intLen == 0) {
            sb.append('0');
        } else {
            sb.append(s, intStart, intEnd);
        }
        if (fracEnd > fracStart) {
            sb.append('.').append(s, fracStart, fracEnd);
        }
        return true;
    }

    static String canonicalInt(String v) {
        int n = v.length();
        boolean simple = n > 0 && n < 10;
        for (int i = 0; simple && i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                simple = i == 0 && c == '-' && n > 1;
            }
        }
        if (simple && !(v.charAt(0) == '0' && n > 1) && !(v.startsWith("-0"))) {
            return v;
        }
        try {
            return Long.toString(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            try {
                return Long.toString((long) Double.parseDouble(v));
            } catch (NumberFormatException e2) {
                return v;
            }
        }
    }

    static String canonicalFloat(String v) {
        StringBuilder fast = new StringBuilder(v.length() + 1);
        if (appendShortDecimal(fast, v, 0, v.length())) {
            return fast.toString();
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            String l = v.toLowerCase();
            if (l.equals("nan")) {
                return "nan";
            }
            if (l.equals("inf") || l.equals("infinity")) {
                return "inf";
            }
            if (l.equals("-inf") || l.equals("-infinity")) {
                return "-inf";
            }
            return v;
        }
        return formatG((float) d);
    }

    /** C's {@code printf("%g", x)}. */
    static String formatG(double x) {
        return org.oncoconcord.vcf.HtslibNumbers.formatG(x);
    }

    /** True when s[from,to) is "." or an integer htslib prints the same way. */
    static boolean isCanonicalInt(String s, int from, int to) {
        int len = to - from;
        if (len == 1 && s.charAt(from) == '.') {
            return true;
        }
        int i = from;
        if (len > 0 && s.charAt(i) == '-') {
            i++;
        }
        int digits = to - i;
        if (digits < 1 || digits > 9) {
            return false;
        }
        if (s.charAt(i) == '0' && (digits > 1 || i > from)) {
            return false;
        }
        for (int k = i; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * True when s[from,to) is "." or a decimal that C's %g of its 32-bit float prints identically:
     * no exponent, no superfluous zeros, at most 6 significant digits, 1e-4 <= |x| < 1e6.
     */
    static boolean isCanonicalFloat(String s, int from, int to) {
        int len = to - from;
        if (len == 1 && s.charAt(from) == '.') {
            return true;
        }
        int i = from;
        if (len > 0 && s.charAt(i) == '-') {
            i++;
        }
        if (i >= to) {
            return false;
        }
        int dot = -1;
        for (int k = i; k < to; k++) {
            char c = s.charAt(k);
            if (c == '.') {
                if (dot >= 0) {
                    return false;
                }
                dot = k;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        int intEnd = dot < 0 ? to : dot;
        int intDigits = intEnd - i;
        if (intDigits < 1) {
            return false;
        }
        if (s.charAt(i) == '0' && intDigits > 1) {
            return false;
        }
        if (dot >= 0 && (dot == to - 1 || s.charAt(to - 1) == '0')) {
            return false;
        }
        if (s.charAt(i) != '0') {
            int sig = intDigits + (dot < 0 ? 0 : to - dot - 1);
            if (intDigits > 6 || sig > 6) {
                return false;
            }
            return !(i > from && dot < 0 && intDigits == 1 && s.charAt(i) == '0');
        }
        // 0 or 0.xxx
        if (dot < 0) {
            return i == from; // "0" yes, "-0" no
        }
        int k = dot + 1;
        int zeros = 0;
        while (k < to && s.charAt(k) == '0') {
            zeros++;
            k++;
        }
        if (k == to) {
            return false;
        }
        return zeros <= 3 && (to - k) <= 6;
    }

    /** True when every comma-separated token of s[from,to) is ".", or a plain decimal number (no parsing needed to accept it). */
    static boolean isCanonicalIntOrFloatList(String s, int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == ',') {
                if (i == start || !isCanonicalFloat(s, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** Splits on a single character without regular expressions, keeping empty fields. */
    static String[] split(String s, char sep) {
        int n = 1;
        int i = s.indexOf(sep);
        while (i >= 0) {
            n++;
            i = s.indexOf(sep, i + 1);
        }
        String[] out = new String[n];
        int start = 0;
        for (int k = 0; k < n - 1; k++) {
            int e = s.indexOf(sep, start);
            out[k] = s.substring(start, e);
            start = e + 1;
        }
        out[n - 1] = s.substring(start);
        return out;
    }

    /** Number of genotype likelihoods for {@code n} alleles (diploid). */
    static int nGenotypes(int n) {
        return n * (n + 1) / 2;
    }

    /** VCF genotype index of the unordered pair (a,b). */
    static int gtIndex(int a, int b) {
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        return b * (b + 1) / 2 + a;
    }
}
