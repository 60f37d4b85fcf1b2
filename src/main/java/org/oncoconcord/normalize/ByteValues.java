package org.oncoconcord.normalize;

import org.oncoconcord.vcf.VcfLine;
import org.oncoconcord.vcf.VcfNumbers;

/**
 * {@link VcfValues}' htslib rules on the bytes of a line (Latin-1, as our Strings of it): the same
 * canonical-form tests and rewrites, written into a {@link ByteText} with no String per value. Only
 * values outside the fast forms go through the String rules.
 */
final class ByteValues {
    private ByteValues() {
    }

    /** {@link VcfValues#isCanonicalInt} of b[from, to). */
    static boolean isCanonicalInt(byte[] s, int from, int to) {
        int len = to - from;
        if (len == 1 && s[from] == '.') {
            return true;
        }
        int i = from;
        if (len > 0 && s[i] == '-') {
            i++;
        }
        int digits = to - i;
        if (digits < 1 || digits > 9) {
            return false;
        }
        if (s[i] == '0' && (digits > 1 || i > from)) {
            return false;
        }
        for (int k = i; k < to; k++) {
            int c = s[k];
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@link VcfValues#isCanonicalFloat} of b[from, to). */
    static boolean isCanonicalFloat(byte[] s, int from, int to) {
        int len = to - from;
        if (len == 1 && s[from] == '.') {
            return true;
        }
        int i = from;
        if (len > 0 && s[i] == '-') {
            i++;
        }
        if (i >= to) {
            return false;
        }
        int dot = -1;
        for (int k = i; k < to; k++) {
            int c = s[k];
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
        if (s[i] == '0' && intDigits > 1) {
            return false;
        }
        if (dot >= 0 && (dot == to - 1 || s[to - 1] == '0')) {
            return false;
        }
        if (s[i] != '0') {
            int sig = intDigits + (dot < 0 ? 0 : to - dot - 1);
            return intDigits <= 6 && sig <= 6;
        }
        if (dot < 0) {
            return i == from;
        }
        int k = dot + 1;
        int zeros = 0;
        while (k < to && s[k] == '0') {
            zeros++;
            k++;
        }
        if (k == to) {
            return false;
        }
        return zeros <= 3 && (to - k) <= 6;
    }

    /** True when every comma-separated token of b[from, to) prints unchanged for its type ({@link RawCanonical#tokensCanonical}). */
    static boolean tokensCanonical(byte[] s, int from, int to, char type) {
        if (from >= to) {
            return false;
        }
        if (type != 'I' && type != 'F') {
            return true;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s[i] == ',') {
                boolean ok = type == 'I' ? isCanonicalInt(s, start, i) : isCanonicalFloat(s, start, i);
                if (!ok) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** {@link VcfRecord#numbersOk} of b[from, to). */
    static boolean numbersOk(byte[] s, int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s[i] == ',') {
                if (i > start && !(i == start + 1 && s[start] == '.') && !isPlainDecimal(s, start, i)
                        && !VcfNumbers.isNumber(VcfLine.latin1(s, start, i))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** {@link VcfNumbers#isPlainDecimal} of b[from, to). */
    static boolean isPlainDecimal(byte[] s, int from, int to) {
        int i = from;
        if (i < to && (s[i] == '-' || s[i] == '+')) {
            i++;
        }
        boolean dot = false;
        int digits = 0;
        for (; i < to; i++) {
            int c = s[i];
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

    /** {@link VcfValues#appendCanonicalList(StringBuilder, char, String, int, int)} of the numeric list b[from, n). */
    static void appendCanonicalList(ByteText out, char type, byte[] v, int from, int n) {
        int start = from;
        for (int i = from; i <= n; i++) {
            if (i == n || v[i] == ',') {
                if (start > from) {
                    out.append(',');
                }
                appendCanonical(out, type, v, start, i);
                start = i + 1;
            }
        }
    }

    /**
     * {@link #appendCanonicalList} of a value of a numeric type checked on the way: false (the text
     * appended so far to be discarded) when a token is not a number ({@link #numbersOk} false), the
     * check and the rewrite in one pass (plain decimals, the common rewrite, are numbers).
     */
    static boolean appendCanonicalNumbers(ByteText out, char type, byte[] v, int from, int n) {
        int start = from;
        for (int i = from; i <= n; i++) {
            if (i == n || v[i] == ',') {
                if (start > from) {
                    out.append(',');
                }
                if (type == 'I' ? isCanonicalInt(v, start, i) : isCanonicalFloat(v, start, i)) {
                    out.append(v, start, i);
                } else if (type != 'F' || !appendShortDecimal(out, v, start, i)) {
                    if (!numbersOk(v, start, i)) {
                        return false;
                    }
                    out.append(VcfValues.canonical(type, VcfLine.latin1(v, start, i)));
                }
                start = i + 1;
            }
        }
        return true;
    }

    private static void appendCanonical(ByteText out, char type, byte[] v, int from, int to) {
        if (type == 'I' ? isCanonicalInt(v, from, to) : isCanonicalFloat(v, from, to)) {
            out.append(v, from, to);
        } else if (type != 'F' || !appendShortDecimal(out, v, from, to)) {
            out.append(VcfValues.canonical(type, VcfLine.latin1(v, from, to)));
        }
    }

    /** {@link VcfValues#appendShortDecimal} of b[from, to) (false, nothing appended, for other text). */
    static boolean appendShortDecimal(ByteText out, byte[] s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        int dot = -1;
        int digits = 0;
        for (int k = i; k < to; k++) {
            int c = s[k];
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
        while (intStart < intEnd && s[intStart] == '0') {
            intStart++;
        }
        int fracStart = dot < 0 ? to : dot + 1;
        int fracEnd = to;
        while (fracEnd > fracStart && s[fracEnd - 1] == '0') {
            fracEnd--;
        }
        int intLen = intEnd - intStart;
        if (intLen == 0) {
            int firstSig = fracStart;
            while (firstSig < fracEnd && s[firstSig] == '0') {
                firstSig++;
            }
            if (firstSig == fracEnd) {
                out.append(negative ? "-0" : "0");
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
            out.append('-');
        }
        if (intLen == 0) {
            out.append('0');
        } else {
            out.append(s, intStart, intEnd);
        }
        if (fracEnd > fracStart) {
            out.append('.').append(s, fracStart, fracEnd);
        }
        return true;
    }
}
