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
        // per source record, not per ALT: definitions looked up and per-allele values split once
        int ni = src.info.size();
        FieldDef[] infoDefs = new FieldDef[ni];
        for (int i = 0; i < ni; i++) {
            String key = src.info.get(i)[0];
            infoDefs[i] = header.infoAt(i, key, 0, key.length());
        }
        String[][] infoVals = new String[ni][];
        int nf = src.format == null ? 0 : src.format.length;
        String[][][] formatVals = new String[nf][][];
        Genotype[][] gts = new Genotype[nf][];
        for (int ialt = 0; ialt < nAlt; ialt++) {
            VcfRecord d = new VcfRecord();
            d.chrom = src.chrom;
            d.pos = src.pos;
            d.id = src.id;
            d.qual = src.qual;
            d.filter = src.filter;
            d.line = src.line;
            d.alleles = new String[] {src.alleles[0], src.alleles[ialt + 1]};
            d.info = new ArrayList<>(ni + 1);
            for (int i = 0; i < ni; i++) {
                String[] kv = src.info.get(i);
                FieldDef def = infoDefs[i];
                String v = splitInfo(src, def, kv, ialt, infoVals, i);
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
                d.samples[s] = new String[nf];
            }
            if (src.format != null) {
                int dropped = 0;
                int[] drop = null;
                for (int f = 0; f < nf; f++) {
                    if (!splitFormat(src, d, f, ialt, formatVals, gts)) {
                        if (drop == null) {
                            drop = new int[nf];
                        }
                        drop[dropped++] = f;
                    }
                }
                for (int k = dropped - 1; k >= 0; k--) {
                    d.removeFormat(drop[k]);
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

    /** The value of INFO {@code kv} for ALT {@code ialt}; {@code cache[i]} keeps its values split for the next ALTs. */
    private String splitInfo(VcfRecord src, FieldDef def, String[] kv, int ialt, String[][] cache, int i) {
        if (def.type() == 'L' || kv[1] == null) {
            return kv[1];
        }
        if (!def.perAllele()) {
            return kv[1];
        }
        String[] v = cache[i];
        if (v == null) {
            v = cache[i] = VcfValues.split(kv[1], ',');
        }
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

    /**
     * Fills FORMAT field {@code f} of {@code d}; false when the field must be dropped. {@code vals[f]}
     * and {@code gts[f]} keep the source's values split (genotypes parsed) for the next ALTs.
     */
    private boolean splitFormat(VcfRecord src, VcfRecord d, int f, int ialt, String[][][] vals, Genotype[][] gts) {
        String tag = src.format[f];
        int ns = src.samples.length;
        if (tag.equals("GT")) {
            Genotype[] parsed = gts[f];
            if (parsed == null) {
                parsed = gts[f] = new Genotype[ns];
                for (int s = 0; s < ns; s++) {
                    parsed[s] = Genotype.parse(src.samples[s][f]);
                }
            }
            for (int s = 0; s < ns; s++) {
                d.samples[s][f] = recoded(parsed[s], ialt + 1);
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
        String[][] sv = vals[f];
        if (sv == null) {
            sv = vals[f] = new String[ns][];
            for (int s = 0; s < ns; s++) {
                sv[s] = VcfValues.split(src.samples[s][f], ',');
            }
        }
        int max = 0;
        for (int s = 0; s < ns; s++) {
            max = Math.max(max, sv[s].length);
        }
        if (def.numeric()) {
            if (max == 1) {
                for (int s = 0; s < ns; s++) {
                    d.samples[s][f] = src.samples[s][f];
                }
                return true;
            }
            boolean keepSum = keepSumTag != null && keepSumTag.equals(tag) && def.number() == 'R';
            StringBuilder o = joined;
            for (int s = 0; s < ns; s++) {
                String[] v = sv[s];
                o.setLength(0);
                int k = 0;
                switch (def.number()) {
                    case 'A':
                        if (max != n - 1) {
                            formatMismatch(src, tag, n - 1, max);
                            return false;
                        }
                        k = add(o, k, v, ialt);
                        break;
                    case 'R':
                        if (max != n) {
                            formatMismatch(src, tag, n, max);
                            return false;
                        }
                        if (keepSum) {
                            o.append(sumExcept(v, ialt + 1));
                            k++;
                        } else {
                            k = add(o, k, v, 0);
                        }
                        k = add(o, k, v, ialt + 1);
                        break;
                    default:
                        int ng = VcfValues.nGenotypes(n);
                        if (max != ng && max != n) {
                            formatMismatch(src, tag, ng, max);
                            return false;
                        }
                        boolean allHaploid = max == n;
                        boolean haploid = allHaploid || v.length < max;
                        k = add(o, k, v, 0);
                        if (haploid) {
                            k = add(o, k, v, ialt + 1);
                        } else {
                            k = add(o, k, v, VcfValues.gtIndex(0, ialt + 1));
                            k = add(o, k, v, VcfValues.gtIndex(ialt + 1, ialt + 1));
                        }
                        break;
                }
                d.samples[s][f] = k == 0 ? "." : o.toString();
            }
            return true;
        }
        for (int s = 0; s < ns; s++) {
            String[] v = sv[s];
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

    private final StringBuilder joined = new StringBuilder(32);

    /** {@code g} as written for the ALT {@code kept}: that ALT becomes 1, the other ALTs 0 (as {@link Genotype#toString}). */
    private String recoded(Genotype g, int kept) {
        StringBuilder sb = joined;
        sb.setLength(0);
        for (int i = 0; i < g.alleles.length; i++) {
            if (i > 0) {
                sb.append(g.seps[i - 1]);
            }
            int a = g.alleles[i];
            if (a < 0) {
                sb.append('.');
            } else {
                sb.append(a == 0 ? 0 : a == kept ? 1 : 0);
            }
        }
        return sb.toString();
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

    /** Appends value {@code i} to the {@code count} values of {@code o} unless it lies past the sample's values (htslib's vector end); the new count. */
    private static int add(StringBuilder o, int count, String[] v, int i) {
        if (i >= v.length) {
            return count;
        }
        if (count > 0) {
            o.append(',');
        }
        o.append(v[i]);
        return count + 1;
    }
}
