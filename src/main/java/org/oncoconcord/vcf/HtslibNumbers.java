package org.oncoconcord.vcf;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers printed the way htslib prints them in VCF text: floats as 32-bit values with C's {@code %g}. */
public final class HtslibNumbers {
    private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

    private HtslibNumbers() {
    }

    /** C's {@code printf("%g", x)}. */
    public static String formatG(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0" : "0";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e6) {
            return Long.toString((long) x);
        }
        BigDecimal bd = new BigDecimal(x).round(SIX);
        int exp = bd.precision() - bd.scale() - 1;
        String sign = bd.signum() < 0 ? "-" : "";
        if (exp < -4 || exp >= 6) {
            String digits = bd.unscaledValue().abs().toString();
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
            if (end > 1) {
                sb.append('.').append(digits, 1, end);
            }
            int a = Math.abs(exp);
            sb.append('e').append(exp < 0 ? '-' : '+');
            if (a < 10) {
                sb.append('0');
            }
            return sb.append(a).toString();
        }
        return bd.stripTrailingZeros().toPlainString();
    }

    /** A VCF Float value as htslib writes it: the 32-bit float nearest {@code x}, with {@code %g}. */
    public static String formatFloat(double x) {
        return formatG((float) x);
    }
}
