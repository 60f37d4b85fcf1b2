package org.oncoconcord.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multiallelic record into biallelic ones as bcftools norm -m- does: Number=A/R/G INFO and
 * FORMAT values are subset per ALT (haploid and diploid G), genotypes re-coded (the kept ALT
 * becomes 1, other ALTs 0), optionally keeping the sum of FORMAT/AD in the REF count.
 */
final class Splitter {
    private final VcfHeader header;
    private final boolean force;
    private final String keepSumTag;
    private final java.util.Set<String> recomputed;

    /**
     * @param recomputed FORMAT tags rewritten later (standard AD/DP/AF): dropped, not an error, when
     *                   their count does not fit the Number
     */
    Splitter(VcfHeader header, boolean force, String keepSumTag, java.util.Set<String> recomputed) {
        this.header = header;
        this.force = force;
        this.keepSumTag = keepSumTag;
        this.recomputed = recomputed;
    }

    /** Thrown for a field whose value count does not fit its Number (without --force). */
    static final class FieldCountException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FieldCountException(String m) {
            super(m);
        }
    }

    List<VcfRecord> split(VcfRecord src, String oldRecTag) {
        src.ensureParsed();
        int nAlt = src.nAlleles() - 1;
        List<VcfRecord> out = new ArrayList<>(nAlt);
        for (int ialt = 0; ialt < nAlt; ialt++) {
            VcfRecord d = new VcfRecord();
            d.chrom = src.chrom;
            d.pos = src.pos;
            d.id = src.id;
            d.qual = src.qual;
            d.filter = src.filter;
            d.line = src.line;
            d.alleles = new String[] {src.alleles[0], src.alleles[ialt + 1]};
            d.info = new ArrayList<>();
            for (String[] kv : src.info) {
                FieldDef def = header.info(kv[0]);
                String v = splitInfo(src, def, kv, ialt);
                if (v != null || def.type() == 'L') {
                    d.info.add(new String[] {kv[0], def.type() == 'L' ? null : v});
                }
            }
            if (oldRecTag != null && !d.hasInfo(oldRecTag)) {
                d.setInfo(oldRecTag, oldRec(src) + "|" + (ialt + 1));
            }
            d.format = src.format == null ? null : src.format.clone();
            d.samples = new String[src.samples.length][];
            for (int s = 0; s < src.samples.length; s++) {
                d.samples[s] = new String[d.format == null ? 0 : d.format.length];
            }
            if (src.format != null) {
                List<Integer> drop = new ArrayList<>();
                for (int f = 0; f < src.format.length; f++) {
                    if (!splitFormat(src, d, f, ialt)) {
                        drop.add(f);
                    }
                }
                for (int k = drop.size() - 1; k >= 0; k--) {
                    d.removeFormat(drop.get(k));
                }
            }
            out.add(d);
        }
        return out;
    }

    static String oldRec(VcfRecord r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.chrom).append('|').append(r.pos).append('|').append(r.alleles[0]).append('|');
        for (int i = 1; i < r.alleles.length; i++) {
            if (i > 1) {
                sb.append(',');
            }
            sb.append(r.alleles[i]);
        }
        return sb.toString();
    }

    private String mismatch(VcfRecord src, String where, String tag, int expected, int found) {
        if (force) {
            return null;
        }
        throw new FieldCountException("wrong number of fields in " + where + "/" + tag + " at " + src.chrom + ":"
                + src.pos + ", expected " + expected + ", found " + found + " (use --force to drop such fields)");
    }

    private void formatMismatch(VcfRecord src, String tag, int expected, int found) {
        if (!recomputed.contains(tag)) {
            mismatch(src, "FORMAT", tag, expected, found);
        }
    }

    private String splitInfo(VcfRecord src, FieldDef def, String[] kv, int ialt) {
        if (def.type() == 'L' || kv[1] == null) {
            return kv[1];
        }
        if (!def.perAllele()) {
            return kv[1];
        }
        String[] v = VcfValues.split(kv[1], ',');
        int n = src.nAlleles();
        if (def.numeric()) {
            switch (def.number()) {
                case 'A':
                    if (v.length != n - 1) {
                        return mismatch(src, "INFO", kv[0], n - 1, v.length);
                    }
                    return v[ialt];
                case 'R':
                    if (v.length != n) {
                        return mismatch(src, "INFO", kv[0], n, v.length);
                    }
                    if (keepSumTag != null && keepSumTag.equals(kv[0])) {
                        return sumExcept(v, ialt + 1) + "," + v[ialt + 1];
                    }
                    return v[0] + "," + v[ialt + 1];
                default:
                    if (v.length != VcfValues.nGenotypes(n)) {
                        return mismatch(src, "INFO", kv[0], VcfValues.nGenotypes(n), v.length);
                    }
                    return v[0] + "," + v[VcfValues.gtIndex(0, ialt + 1)] + "," + v[VcfValues.gtIndex(ialt + 1, ialt + 1)];
            }
        }
        switch (def.number()) {
            case 'A':
                return ialt < v.length ? v[ialt] : null;
            case 'R':
                return ialt + 1 < v.length ? v[0] + "," + v[ialt + 1] : null;
            default:
                int i0a = VcfValues.gtIndex(0, ialt + 1);
                int iaa = VcfValues.gtIndex(ialt + 1, ialt + 1);
                return iaa < v.length ? v[0] + "," + v[i0a] + "," + v[iaa] : null;
        }
    }

    /** Fills FORMAT field {@code f} of {@code d}; false when the field must be dropped. */
    private boolean splitFormat(VcfRecord src, VcfRecord d, int f, int ialt) {
        String tag = src.format[f];
        int ns = src.samples.length;
        if (tag.equals("GT")) {
            for (int s = 0; s < ns; s++) {
                Genotype g = Genotype.parse(src.samples[s][f]);
                for (int k = 0; k < g.alleles.length; k++) {
                    int a = g.alleles[k];
                    if (a <= 0) {
                        continue;
                    }
                    g.alleles[k] = a == ialt + 1 ? 1 : 0;
                }
                d.samples[s][f] = g.toString();
            }
            return true;
        }
        FieldDef def = header.format(tag);
        int n = src.nAlleles();
        if (!def.perAllele()) {
            for (int s = 0; s < ns; s++) {
                d.samples[s][f] = src.samples[s][f];
            }
            return true;
        }
        String[][] vals = new String[ns][];
        int max = 0;
        for (int s = 0; s < ns; s++) {
            vals[s] = VcfValues.split(src.samples[s][f], ',');
            max = Math.max(max, vals[s].length);
        }
        if (def.numeric()) {
            if (max == 1) {
                for (int s = 0; s < ns; s++) {
                    d.samples[s][f] = src.samples[s][f];
                }
                return true;
            }
            boolean keepSum = keepSumTag != null && keepSumTag.equals(tag) && def.number() == 'R';
            for (int s = 0; s < ns; s++) {
                String[] v = vals[s];
                List<String> o = new ArrayList<>(3);
                switch (def.number()) {
                    case 'A':
                        if (max != n - 1) {
                            formatMismatch(src, tag, n - 1, max);
                            return false;
                        }
                        add(o, v, ialt);
                        break;
                    case 'R':
                        if (max != n) {
                            formatMismatch(src, tag, n, max);
                            return false;
                        }
                        if (keepSum) {
                            o.add(sumExcept(v, ialt + 1));
                        } else {
                            add(o, v, 0);
                        }
                        add(o, v, ialt + 1);
                        break;
                    default:
                        int ng = VcfValues.nGenotypes(n);
                        if (max != ng && max != n) {
                            formatMismatch(src, tag, ng, max);
                            return false;
                        }
                        boolean allHaploid = max == n;
                        boolean haploid = allHaploid || v.length < max;
                        add(o, v, 0);
                        if (haploid) {
                            add(o, v, ialt + 1);
                        } else {
                            add(o, v, VcfValues.gtIndex(0, ialt + 1));
                            add(o, v, VcfValues.gtIndex(ialt + 1, ialt + 1));
                        }
                        break;
                }
                d.samples[s][f] = o.isEmpty() ? "." : String.join(",", o);
            }
            return true;
        }
        for (int s = 0; s < ns; s++) {
            String[] v = vals[s];
            String out;
            switch (def.number()) {
                case 'A':
                    if (ialt >= v.length) {
                        return false;
                    }
                    out = v[ialt];
                    break;
                case 'R':
                    if (ialt + 1 >= v.length) {
                        return false;
                    }
                    out = v[0] + "," + v[ialt + 1];
                    break;
                default:
                    if (v.length == n) {
                        out = v[0] + "," + v[ialt + 1];
                    } else if (v.length == VcfValues.nGenotypes(n)) {
                        out = v[0] + "," + v[VcfValues.gtIndex(0, ialt + 1)] + "," + v[VcfValues.gtIndex(ialt + 1, ialt + 1)];
                    } else {
                        formatMismatch(src, tag, VcfValues.nGenotypes(n), v.length);
                        return false;
                    }
                    break;
            }
            d.samples[s][f] = out;
        }
        return true;
    }

    /** Sum of the non-missing values except index {@code skip} ("." when none). */
    private static String sumExcept(String[] v, int skip) {
        long sum = 0;
        boolean any = false;
        for (int j = 0; j < v.length; j++) {
            if (j != skip && !VcfValues.isMissing(v[j])) {
                sum += (long) Double.parseDouble(v[j].trim());
                any = true;
            }
        }
        return any ? Long.toString(sum) : ".";
    }

    /** Adds value {@code i} unless it lies past the sample's values (htslib's vector end). */
    private static void add(List<String> o, String[] v, int i) {
        if (i < v.length) {
            o.add(v[i]);
        }
    }
}
