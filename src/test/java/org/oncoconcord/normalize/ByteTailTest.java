package org.oncoconcord.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oncoconcord.vcf.VcfLine;

/**
 * The byte-level INFO/FORMAT walk ({@link ByteTail}, {@link ByteValues}) against the String walk it
 * replaces on the write path ({@link StringTail#appendTail}, {@link VcfValues}; those are checked
 * against bcftools by BcftoolsSuiteTest and DifferentialTest): on random columns built from
 * number-like tokens, both give the same state, the same text and the same error.
 */
class ByteTailTest {
    private static final String[] TOKENS = {"0", "1", "12", "007", "-0", "-3", "+4", "1.0", "0.500", "101.20", "11.00",
        "0.0001", "0.00001234", "1e3", "1.5E-2", "nan", "NaN", "inf", "-Infinity", "1234567", "123456.7", "0.1234567",
        ".", "", "abc", "1.2.3", "-", ".5", "5.", "2147483648", "99999999999", "3.14159265", "-0.000"};

    private static String token(Random rnd) {
        if (rnd.nextInt(4) == 0) {
            StringBuilder d = new StringBuilder(rnd.nextInt(5) == 0 ? "-" : "");
            int digits = 1 + rnd.nextInt(9);
            int dot = rnd.nextInt(digits + 2);
            for (int i = 0; i < digits; i++) {
                if (i == dot) {
                    d.append('.');
                }
                d.append((char) ('0' + rnd.nextInt(10)));
            }
            return d.toString();
        }
        return TOKENS[rnd.nextInt(TOKENS.length)];
    }

    private static String list(Random rnd) {
        StringBuilder sb = new StringBuilder(token(rnd));
        int more = rnd.nextInt(3) == 0 ? rnd.nextInt(4) : 0;
        for (int i = 0; i < more; i++) {
            sb.append(',').append(token(rnd));
        }
        return sb.toString();
    }

    private static VcfHeader header() {
        VcfHeader h = new VcfHeader();
        h.addMeta("##fileformat=VCFv4.2");
        h.addMeta("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"d\">");
        h.addMeta("##INFO=<ID=TLOD,Number=A,Type=Float,Description=\"t\">");
        h.addMeta("##INFO=<ID=STR,Number=1,Type=String,Description=\"s\">");
        h.addMeta("##INFO=<ID=DB,Number=0,Type=Flag,Description=\"f\">");
        h.addMeta("##INFO=<ID=RU,Number=1,Type=Character,Description=\"c\">");
        h.addMeta("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">");
        h.addMeta("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"a\">");
        h.addMeta("##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"f\">");
        h.addMeta("##FORMAT=<ID=FT,Number=1,Type=String,Description=\"t\">");
        h.setChromLine("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tN\tT");
        return h;
    }

    private static final String[] INFO_KEYS = {"DP", "TLOD", "STR", "DB", "RU", "XX"};
    private static final String[] FORMAT_KEYS = {"GT", "AD", "AF", "FT", "YY"};

    private static String info(Random rnd) {
        int r = rnd.nextInt(20);
        if (r == 0) {
            return ".";
        }
        if (r == 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(';');
            }
            String k = INFO_KEYS[rnd.nextInt(INFO_KEYS.length)];
            sb.append(k);
            if (!k.equals("DB") || rnd.nextInt(10) == 0) {
                if (rnd.nextInt(15) != 0) {
                    sb.append('=').append(list(rnd));
                }
            }
        }
        if (rnd.nextInt(30) == 0) {
            sb.append(';');
        }
        return sb.toString();
    }

    /** The String walk's state and text (or error), as "state|text" or "error|message". */
    private static String viaStrings(String infoRaw, String formatRaw, String[] samples, VcfHeader h) {
        StringBuilder sb = new StringBuilder();
        try {
            int state = StringTail.appendTail(sb, infoRaw, formatRaw, samples, h);
            return state + "|" + (state == RawCanonical.NEEDS_PARSE ? "" : sb);
        } catch (BadRecordException e) {
            return "error|" + e.getMessage();
        }
    }

    private static String viaBytes(String line, String formatRaw, VcfHeader h) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        VcfLine v = new VcfLine().set(b, 0, b.length);
        int[] bounds = new int[2 * (v.columns() - 7)];
        for (int c = 7; c < v.columns(); c++) {
            bounds[2 * (c - 7)] = v.from(c);
            bounds[2 * (c - 7) + 1] = v.to(c);
        }
        ByteText out = new ByteText();
        out.append("junk"); // the walk appends after what is there
        try {
            int state = ByteTail.appendTail(out, b, bounds, formatRaw, h);
            String text = new String(out.buffer(), 4, out.length() - 4, StandardCharsets.ISO_8859_1);
            return state + "|" + (state == RawCanonical.NEEDS_PARSE ? "" : text);
        } catch (BadRecordException e) {
            return "error|" + e.getMessage();
        }
    }

    @Test
    void sameStateTextAndErrorsAsTheStringWalk() {
        VcfHeader h = header();
        Random rnd = new Random(2026);
        int[] states = new int[4];
        for (int k = 0; k < 30_000; k++) {
            String info = info(rnd);
            String prefix = "1\t5\t.\tA\tC\t.\tPASS\t" + info;
            String want;
            String got;
            if (rnd.nextInt(5) == 0) {
                want = viaStrings(info, null, new String[0], h);
                got = viaBytes(prefix, null, h);
            } else {
                int nk = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(FORMAT_KEYS.length);
                StringBuilder f = new StringBuilder();
                for (int i = 0; i < nk; i++) {
                    f.append(i > 0 ? ":" : "").append(FORMAT_KEYS[(i + k) % FORMAT_KEYS.length]);
                }
                String format = nk == 0 && rnd.nextBoolean() ? "." : f.toString();
                String[] samples = new String[1 + rnd.nextInt(3)];
                StringBuilder line = new StringBuilder(prefix).append('\t').append(format);
                for (int s = 0; s < samples.length; s++) {
                    StringBuilder smp = new StringBuilder();
                    int nv = Math.max(1, nk - (rnd.nextInt(10) == 0 ? 1 : 0) + (rnd.nextInt(20) == 0 ? 1 : 0));
                    for (int i = 0; i < nv; i++) {
                        smp.append(i > 0 ? ":" : "").append(i == 0 && nk > 0 && format.startsWith("GT") ? "0/1" : list(rnd));
                    }
                    samples[s] = smp.toString();
                    line.append('\t').append(samples[s]);
                }
                want = viaStrings(info, format, samples, h);
                got = viaBytes(line.toString(), format, h);
            }
            assertEquals(want, got, info);
            states[want.startsWith("error") ? 3 : Integer.parseInt(want.substring(0, want.indexOf('|'))) + 1]++;
        }
        // every outcome is exercised: needs parse, unchanged, rewritten, error
        for (int s : states) {
            assertTrue(s > 300, java.util.Arrays.toString(states));
        }
    }

    @Test
    void byteValueRulesMatchTheStringRules() {
        Random rnd = new Random(7);
        for (int k = 0; k < 50_000; k++) {
            String v = k < TOKENS.length ? TOKENS[k] : token(rnd);
            byte[] b = ("x" + v + "y").getBytes(StandardCharsets.ISO_8859_1);
            int to = b.length - 1;
            assertEquals(VcfValues.isCanonicalInt(v, 0, v.length()), ByteValues.isCanonicalInt(b, 1, to), v);
            assertEquals(VcfValues.isCanonicalFloat(v, 0, v.length()), ByteValues.isCanonicalFloat(b, 1, to), v);
            assertEquals(VcfRecord.numbersOk(v, 0, v.length()), ByteValues.numbersOk(b, 1, to), v);
            for (char type : new char[] {'I', 'F'}) {
                StringBuilder sb = new StringBuilder();
                VcfValues.appendCanonicalList(sb, type, v, 0, v.length());
                ByteText out = new ByteText();
                ByteValues.appendCanonicalList(out, type, b, 1, to);
                assertEquals(sb.toString(), new String(out.buffer(), 0, out.length(), StandardCharsets.ISO_8859_1), type + " " + v);
            }
        }
    }
}
