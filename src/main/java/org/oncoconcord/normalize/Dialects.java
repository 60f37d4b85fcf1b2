package org.oncoconcord.normalize;

import java.util.Locale;

/**
 * Reads allele depths, depth and allele fraction from the FORMAT fields of the common somatic
 * callers and writes them as standard {@code FORMAT/AD} (Number=R), {@code DP} and {@code AF}
 * (Number=A): MuTect (AD, FA), Mutect2 (AD, AF), Strelka2 (AU/CU/GU/TU, TAR/TIR), VarScan2
 * (RD, AD, FREQ), SomaticSniper (DP4, BCOUNT), MuSE/VarDict/Pindel/RADIA (AD), GDC/PCGR merges
 * (ADT, DPT).
 */
final class Dialects {
    static final String AD_LINE = "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths for the ref and alt alleles (standardised by oncoconcord normalize)\">";
    static final String DP_LINE = "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read depth (standardised by oncoconcord normalize)\">";
    static final String AF_LINE = "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction of the alt alleles (standardised by oncoconcord normalize)\">";

    private Dialects() {
    }

    /** Depths of one sample: {@code ad} per allele (null entries unknown), {@code dp}, {@code af} per ALT. */
    record Depths(Long[] ad, Long dp, Double[] af) {
    }

    /** Reads the depths of sample {@code s} from whatever dialect the record uses. */
    static Depths read(VcfRecord r, int s, VcfHeader h) {
        r.ensureParsed();
        int n = r.nAlleles();
        Long[] ad = null;
        Double[] af = null;
        boolean singleBases = true;
        for (String a : r.alleles) {
            singleBases &= a.length() == 1 && "ACGTacgt".indexOf(a.charAt(0)) >= 0;
        }
        String[] smp = r.samples[s];
        if (singleBases && r.formatIndex("AU") >= 0 && r.formatIndex("TU") >= 0) {
            ad = new Long[n];
            for (int i = 0; i < n; i++) {
                String key = Character.toUpperCase(r.alleles[i].charAt(0)) + "U";
                ad[i] = firstLong(get(r, smp, key), key, s);
            }
        } else if (r.formatIndex("TAR") >= 0 && r.formatIndex("TIR") >= 0 && n == 2) {
            ad = new Long[] {firstLong(get(r, smp, "TAR"), "TAR", s), firstLong(get(r, smp, "TIR"), "TIR", s)};
        } else if (r.formatIndex("RD") >= 0 && r.formatIndex("AD") >= 0 && n == 2
                && VcfValues.split(get(r, smp, "AD"), ',').length == 1) {
            ad = new Long[] {firstLong(get(r, smp, "RD"), "RD", s), firstLong(get(r, smp, "AD"), "AD", s)};
            String freq = get(r, smp, "FREQ");
            if (freq != null && !VcfValues.isMissing(freq)) {
                try {
                    af = new Double[] {Double.parseDouble(freq.replace("%", "").replace(',', '.')) / 100.0};
                } catch (NumberFormatException e) {
                    throw notNumeric("FREQ", freq, s);
                }
            }
        } else if (r.formatIndex("ADT") >= 0) {
            ad = longs("ADT", s, get(r, smp, "ADT"), n);
        } else if (r.formatIndex("AD") >= 0 && VcfValues.split(get(r, smp, "AD"), ',').length == n) {
            ad = longs("AD", s, get(r, smp, "AD"), n);
        } else if (r.formatIndex("DP4") >= 0 && n == 2) {
            Long[] d4 = longs("DP4", s, get(r, smp, "DP4"), 4);
            if (d4 != null && d4[0] != null && d4[1] != null && d4[2] != null && d4[3] != null) {
                ad = new Long[] {d4[0] + d4[1], d4[2] + d4[3]};
            }
        } else if (r.formatIndex("AD") >= 0 && VcfValues.split(get(r, smp, "AD"), ',').length == 1 && n == 2) {
            // Number=1 AD counting the ALT only
            ad = new Long[] {null, firstLong(get(r, smp, "AD"), "AD", s)};
        }
        Long dp = null;
        for (String key : new String[] {"DP", "DPT"}) {
            if (dp == null && r.formatIndex(key) >= 0 && !(key.equals("DP") && r.formatIndex("DPT") >= 0)) {
                dp = firstLong(get(r, smp, key), key, s);
            }
        }
        if (dp == null && ad != null) {
            long sum = 0;
            boolean any = false;
            for (Long v : ad) {
                if (v != null) {
                    sum += v;
                    any = true;
                }
            }
            dp = any ? sum : null;
        }
        if (af == null) {
            for (String key : new String[] {"AF", "FA"}) {
                String v = get(r, smp, key);
                if (af == null && v != null && !VcfValues.isMissing(v)) {
                    String[] parts = VcfValues.split(v, ',');
                    if (parts.length == n - 1) {
                        af = new Double[n - 1];
                        for (int i = 0; i < n - 1; i++) {
                            af[i] = parseDouble(parts[i], key, v, s);
                        }
                    }
                }
            }
        }
        if (af == null && ad != null && n > 1) {
            long sum = 0;
            boolean complete = true;
            for (Long v : ad) {
                if (v == null) {
                    complete = false;
                } else {
                    sum += v;
                }
            }
            Long denom = complete ? Long.valueOf(sum) : dp;
            af = new Double[n - 1];
            for (int i = 1; i < n; i++) {
                af[i - 1] = (denom != null && denom > 0 && ad[i] != null) ? ad[i] / (double) denom : null;
            }
        }
        return new Depths(ad, dp, af);
    }

    /** Writes AD/DP/AF of every sample in standard form. */
    static void standardize(VcfRecord r, VcfHeader h) {
        r.ensureParsed();
        if (r.format == null || r.samples.length == 0) {
            return;
        }
        Depths[] all = new Depths[r.samples.length];
        for (int s = 0; s < r.samples.length; s++) {
            all[s] = read(r, s, h);
        }
        int iad = r.addFormat("AD");
        int idp = r.addFormat("DP");
        int iaf = r.addFormat("AF");
        for (int s = 0; s < r.samples.length; s++) {
            Depths d = all[s];
            r.samples[s][iad] = d.ad() == null ? "." : join(d.ad());
            r.samples[s][idp] = d.dp() == null ? "." : Long.toString(d.dp());
            r.samples[s][iaf] = d.af() == null ? "." : joinAf(d.af());
        }
    }

    private static String join(Long[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i] == null ? "." : Long.toString(v[i]));
        }
        return sb.toString();
    }

    private static String joinAf(Double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i] == null || v[i].isNaN() ? "." : String.format(Locale.ROOT, "%.4g", v[i]));
        }
        return sb.toString();
    }

    private static String get(VcfRecord r, String[] smp, String key) {
        int i = r.formatIndex(key);
        return i < 0 ? null : smp[i];
    }

    /** A value that should be a number and is not: a record error, never a silent missing value. */
    private static BadRecordException notNumeric(String key, String value, int sample) {
        return new BadRecordException("non_numeric_value", "FORMAT/" + key + " value '" + value + "' of sample "
                + (sample + 1) + " is not numeric");
    }

    private static Double parseDouble(String s, String key, String whole, int sample) {
        if (VcfValues.isMissing(s) || s.equalsIgnoreCase("nan")) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw notNumeric(key, whole, sample);
        }
    }

    private static Long firstLong(String v, String key, int sample) {
        if (v == null) {
            return null;
        }
        int c = v.indexOf(',');
        String t = c < 0 ? v : v.substring(0, c);
        if (VcfValues.isMissing(t)) {
            return null;
        }
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            try {
                return Math.round(Double.parseDouble(t));
            } catch (NumberFormatException e2) {
                throw notNumeric(key, v, sample);
            }
        }
    }

    private static Long[] longs(String key, int sample, String v, int n) {
        if (v == null) {
            return null;
        }
        String[] p = VcfValues.split(v, ',');
        if (p.length != n) {
            return null;
        }
        Long[] out = new Long[n];
        for (int i = 0; i < n; i++) {
            out[i] = firstLong(p[i], key, sample);
        }
        return out;
    }
}
