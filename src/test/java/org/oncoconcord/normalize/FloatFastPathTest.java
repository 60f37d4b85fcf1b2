package org.oncoconcord.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free float rewriting ({@link VcfValues#appendShortDecimal}, used for GATK-style
 * values such as {@code 0.500} or {@code TLOD=11.00}) against the parsing path it short-cuts:
 * C's %g of the 32-bit float (HtslibNumbers.formatG, itself checked against bcftools by
 * DifferentialTest). Also whole lists through {@link VcfValues#appendCanonicalList}.
 */
class FloatFastPathTest {
    private static String slow(String v) {
        return VcfValues.formatG((float) Double.parseDouble(v));
    }

    @Test
    void shortDecimalsPrintAsThe32BitFloatsPercentG() {
        String[] fixed = {"0.500", "11.00", "0.000", "-0.000", "+1.50", "1.", ".5", "00.250", "100000.0", "0.0001000",
            "123456", "12345.6", "0.00012345", "-3.14159", "999999", "0.1", "7"};
        for (String v : fixed) {
            StringBuilder sb = new StringBuilder();
            if (VcfValues.appendShortDecimal(sb, v, 0, v.length())) {
                assertEquals(slow(v), sb.toString(), v);
            }
            assertEquals(slow(v), VcfValues.canonicalFloat(v), v);
        }
        Random rnd = new Random(20);
        int fast = 0;
        for (int k = 0; k < 200_000; k++) {
            int digits = 1 + rnd.nextInt(8);
            StringBuilder d = new StringBuilder(rnd.nextInt(4) == 0 ? "-" : "");
            int dot = rnd.nextInt(digits + 1);
            for (int i = 0; i < digits; i++) {
                if (i == dot) {
                    d.append('.');
                }
                d.append((char) ('0' + rnd.nextInt(10)));
            }
            String v = d.toString();
            if (v.equals("-") || v.endsWith(".") && v.length() == 1) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            if (VcfValues.appendShortDecimal(sb, v, 0, v.length())) {
                fast++;
                assertEquals(slow(v), sb.toString(), v);
            }
        }
        assertEquals(true, fast > 100_000, "fast path taken " + fast + " times");
    }

    @Test
    void listsRewriteEachValueAsBefore() {
        StringBuilder sb = new StringBuilder();
        VcfValues.appendCanonicalList(sb, 'F', "0.500,1.0e-3,,.,11.00,nan,1234567.8");
        assertEquals("0.5,0.001,.,.,11,nan," + slow("1234567.8"), sb.toString());
        sb.setLength(0);
        VcfValues.appendCanonicalList(sb, 'I', "007,-0,12,.,");
        assertEquals("7,0,12,.,.", sb.toString());
        assertEquals("0.5,0.001", VcfValues.canonicalList('F', "0.500,0.0010"));
    }

    @Test
    void checkWellFormedStillRefusesNonNumbers() {
        VcfHeader h = new VcfHeader();
        h.addMeta("##fileformat=VCFv4.2");
        h.addMeta("##INFO=<ID=X,Number=.,Type=Float,Description=\"x\">");
        h.setChromLine("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO");
        VcfRecord ok = VcfRecord.parse("1\t5\t.\tA\tC\t.\tPASS\tX=1.50,+.5,-2.,nan,1e3", 0, 1);
        ok.checkWellFormed(h);
        VcfRecord bad = VcfRecord.parse("1\t5\t.\tA\tC\t.\tPASS\tX=1.50,1.2.3", 0, 2);
        BadRecordException e = org.junit.jupiter.api.Assertions.assertThrows(BadRecordException.class, () -> bad.checkWellFormed(h));
        assertEquals("non_numeric_value", e.reason);
    }
}
