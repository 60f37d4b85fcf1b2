package org.oncoconcord.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins biallelic records at one position into a multiallelic one as bcftools norm -m+ does:
 * alleles merged (shorter REFs extended), Number=A/R/G values placed by the allele map, missing
 * elsewhere; genotypes filled into the first REF or missing slot; QUAL the maximum.
 */
final class Merger {
    private final VcfHeader header;
    private final boolean strictFilter;

    Merger(VcfHeader header, boolean strictFilter) {
        this.header = header;
        this.strictFilter = strictFilter;
    }

    VcfRecord merge(List<VcfRecord> lines) {
        for (VcfRecord r : lines) {
            r.ensureParsed();
        }
        VcfRecord l0 = lines.get(0);
        VcfRecord d = new VcfRecord();
        d.chrom = l0.chrom;
        d.pos = l0.pos;
        d.line = l0.line;
        // QUAL: maximum
        String qual = ".";
        double best = Double.NaN;
        for (VcfRecord r : lines) {
            if (VcfValues.isMissing(r.qual)) {
                continue;
            }
            double q = Double.parseDouble(r.qual);
            if (Double.isNaN(best) || best < q) {
                best = q;
                qual = r.qual;
            }
        }
        d.qual = qual;
        // ID
        Set<String> ids = new LinkedHashSet<>();
        if (!l0.id.equals(".")) {
            ids.addAll(Arrays.asList(l0.id.split(";")));
        }
        // alleles
        List<String> als = new ArrayList<>(Arrays.asList(l0.alleles));
        int[][] maps = new int[lines.size()][];
        maps[0] = new int[l0.nAlleles()];
        for (int i = 0; i < maps[0].length; i++) {
            maps[0][i] = i;
        }
        for (int i = 1; i < lines.size(); i++) {
            VcfRecord r = lines.get(i);
            if (!r.id.equals(".")) {
                ids.addAll(Arrays.asList(r.id.split(";")));
            }
            maps[i] = mergeAlleles(r.alleles, als);
        }
        d.id = ids.isEmpty() ? "." : String.join(";", ids);
        d.alleles = als.toArray(new String[0]);
        // FILTER
        List<String> flt = new ArrayList<>();
        if (!l0.filter.equals(".")) {
            flt.addAll(Arrays.asList(l0.filter.split(";")));
        }
        for (int i = 1; i < lines.size(); i++) {
            VcfRecord r = lines.get(i);
            if (r.filter.equals(".")) {
                continue;
            }
            String[] fs = r.filter.split(";");
            for (String f : fs) {
                if (f.equals("PASS")) {
                    if (strictFilter) {
                        flt.clear();
                        flt.addAll(Arrays.asList(fs));
                        break;
                    }
                    continue;
                }
                addFilter(flt, f);
            }
        }
        d.filter = flt.isEmpty() ? "." : String.join(";", flt);
        // INFO
        d.info = new ArrayList<>();
        int n = d.nAlleles();
        for (String[] kv : l0.info) {
            FieldDef def = header.info(kv[0]);
            if (def.type() == 'L' || kv[1] == null || !def.perAllele()) {
                d.info.add(kv.clone());
                continue;
            }
            int size = size(def.number(), n, false);
            String[] out = new String[size];
            Arrays.fill(out, ".");
            for (int i = 0; i < lines.size(); i++) {
                String v = lines.get(i).infoValue(kv[0]);
                if (v == null) {
                    continue;
                }
                if (def.numeric()) {
                    place(out, VcfValues.split(v, ','), def.number(), maps[i], lines.get(i).nAlleles(), false);
                } else {
                    placeString(out, VcfValues.split(v, ','), def.number(), maps[i], lines.get(i).nAlleles(), false);
                }
            }
            d.info.add(new String[] {kv[0], String.join(",", out)});
        }
        // FORMAT
        d.format = l0.format == null ? null : l0.format.clone();
        int ns = l0.samples.length;
        d.samples = new String[ns][];
        for (int s = 0; s < ns; s++) {
            d.samples[s] = new String[d.format == null ? 0 : d.format.length];
        }
        if (d.format != null) {
            for (int f = 0; f < d.format.length; f++) {
                String tag = d.format[f];
                if (tag.equals("GT")) {
                    mergeGenotypes(lines, maps, f, d);
                    continue;
                }
                FieldDef def = header.format(tag);
                if (!def.perAllele()) {
                    for (int s = 0; s < ns; s++) {
                        d.samples[s][f] = l0.samples[s][f];
                    }
                    continue;
                }
                if (def.number() == 'A' || def.number() == 'R') {
                    for (int i = 1; i < lines.size(); i++) {
                        VcfRecord r = lines.get(i);
                        int fi = r.formatIndex(tag);
                        int expected = def.number() == 'A' ? r.nAlleles() - 1 : r.nAlleles();
                        int count = fi < 0 ? expected : maxCount(r, fi);
                        if (count != expected) {
                            throw new MergeException(r, "cannot join FORMAT/" + tag + " (Number=" + def.number() + ") at "
                                    + r.chrom + ":" + r.pos + ": " + count + " values where " + expected
                                    + " are expected (as bcftools norm -m +, which refuses too)");
                        }
                    }
                }
                boolean[] haploid = new boolean[ns];
                if (def.number() == 'G') {
                    int n0 = l0.nAlleles();
                    int max0 = maxCount(l0, f);
                    for (int s = 0; s < ns; s++) {
                        int cnt = VcfValues.split(l0.samples[s][f], ',').length;
                        haploid[s] = !(max0 > n0 && cnt == VcfValues.nGenotypes(n0));
                    }
                    for (int i = 1; i < lines.size(); i++) {
                        VcfRecord r = lines.get(i);
                        int fi = r.formatIndex(tag);
                        if (fi < 0) {
                            continue;
                        }
                        for (int s = 0; s < ns; s++) {
                            if (VcfValues.split(r.samples[s][fi], ',').length == VcfValues.nGenotypes(r.nAlleles())) {
                                haploid[s] = false;
                            }
                        }
                    }
                }
                for (int s = 0; s < ns; s++) {
                    boolean hap = def.number() == 'G' && haploid[s];
                    String[] out = new String[size(def.number(), n, hap)];
                    Arrays.fill(out, ".");
                    for (int i = 0; i < lines.size(); i++) {
                        VcfRecord r = lines.get(i);
                        int fi = r.formatIndex(tag);
                        if (fi < 0) {
                            continue;
                        }
                        String[] v = VcfValues.split(r.samples[s][fi], ',');
                        if (def.numeric()) {
                            placeNumeric(out, v, def.number(), maps[i], r.nAlleles(), i == 0 ? maxCount(r, fi) : -1,
                                    hap, v.length == VcfValues.nGenotypes(r.nAlleles()));
                        } else {
                            boolean srcHap = def.number() == 'G' && v.length != VcfValues.nGenotypes(r.nAlleles());
                            placeString(out, v, def.number(), maps[i], r.nAlleles(), srcHap && hap);
                        }
                    }
                    d.samples[s][f] = joinUntilEnd(out);
                }
            }
        }
        return d;
    }

    private static int maxCount(VcfRecord r, int f) {
        int m = 0;
        for (String[] smp : r.samples) {
            m = Math.max(m, VcfValues.split(smp[f], ',').length);
        }
        return m;
    }

    /** Joins values up to the first null (htslib's vector end); "." when none. */
    private static String joinUntilEnd(String[] out) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.length && out[i] != null; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(out[i]);
        }
        return sb.length() == 0 ? "." : sb.toString();
    }

    /**
     * Numeric FORMAT placement with htslib's vector-end semantics: {@code max0} >= 0 for the first
     * record (identity map, positions past the sample's values but within the record's width end
     * the vector); a non-diploid G sample copies its first n values, ends included.
     */
    private static void placeNumeric(String[] out, String[] v, char number, int[] map, int nSrc, int max0,
            boolean hapDst, boolean srcDiploid) {
        if (max0 >= 0) {
            for (int k = 0; k < max0 && k < out.length; k++) {
                out[k] = k < v.length ? v[k] : null;
            }
            return;
        }
        if (number == 'G' && !srcDiploid) {
            for (int k = 0; k < nSrc && k < map.length; k++) {
                if (map[k] < out.length) {
                    out[map[k]] = k < v.length ? v[k] : null;
                }
            }
            return;
        }
        place(out, v, number, map, nSrc, false);
    }

    private static void addFilter(List<String> flt, String f) {
        if (flt.contains(f)) {
            return;
        }
        if (flt.size() == 1 && flt.get(0).equals("PASS")) {
            flt.clear();
        }
        flt.add(f);
    }

    private static int size(char number, int n, boolean haploid) {
        return switch (number) {
            case 'A' -> n - 1;
            case 'R' -> n;
            default -> haploid ? n : VcfValues.nGenotypes(n);
        };
    }

    /** Copies {@code v} (of a record with {@code nSrc} alleles) into {@code out} through {@code map}. */
    private static void place(String[] out, String[] v, char number, int[] map, int nSrc, boolean haploid) {
        switch (number) {
            case 'A':
                for (int k = 0; k < v.length && k + 1 < map.length; k++) {
                    out[map[k + 1] - 1] = v[k];
                }
                break;
            case 'R':
                for (int k = 0; k < v.length && k < map.length; k++) {
                    out[map[k]] = v[k];
                }
                break;
            default:
                if (haploid) {
                    for (int k = 0; k < v.length && k < map.length; k++) {
                        out[map[k]] = v[k];
                    }
                    break;
                }
                int k = 0;
                for (int ia = 0; ia < nSrc; ia++) {
                    for (int ib = 0; ib <= ia; ib++) {
                        if (k < v.length) {
                            int l = VcfValues.gtIndex(map[ia], map[ib]);
                            if (l < out.length) {
                                out[l] = v[k];
                            }
                        }
                        k++;
                    }
                }
                break;
        }
    }

    /** As {@link #place}, but a string value only fills a still-missing slot (the first record wins). */
    private static void placeString(String[] out, String[] v, char number, int[] map, int nSrc, boolean haploid) {
        String[] tmp = new String[out.length];
        place(tmp, v, number, map, nSrc, haploid);
        for (int i = 0; i < out.length; i++) {
            if (tmp[i] != null && ".".equals(out[i])) {
                out[i] = tmp[i];
            }
        }
    }

    /** Thrown when records cannot be joined into one (bcftools refuses the same inputs). */
    static final class MergeException extends RuntimeException {
        final VcfRecord record;

        MergeException(VcfRecord record, String message) {
            super(message);
            this.record = record;
        }
    }

    private static int maxPloidy(VcfRecord r, int f) {
        int m = 1;
        for (String[] smp : r.samples) {
            m = Math.max(m, Genotype.parse(smp[f]).alleles.length);
        }
        return m;
    }

    private static void mergeGenotypes(List<VcfRecord> lines, int[][] maps, int f, VcfRecord d) {
        VcfRecord l0 = lines.get(0);
        // htslib pads each sample to the record's largest ploidy; bcftools fills those padding slots too
        int maxPloidy = maxPloidy(l0, f);
        for (int i = 1; i < lines.size(); i++) {
            VcfRecord r = lines.get(i);
            int fi = r.formatIndex("GT");
            int ploidy = fi < 0 ? maxPloidy : maxPloidy(r, fi);
            if (ploidy != maxPloidy) {
                throw new MergeException(r, "cannot join records of different ploidy (GT with " + maxPloidy + " and "
                        + ploidy + " alleles) at " + r.chrom + ":" + r.pos + " into one multiallelic record,"
                        + " as bcftools norm -m + refuses too; use -m + only on same-ploidy records or do not join");
            }
        }
        for (int s = 0; s < l0.samples.length; s++) {
            Genotype g = Genotype.parse(l0.samples[s][f]);
            for (int i = 1; i < lines.size(); i++) {
                VcfRecord r = lines.get(i);
                int fi = r.formatIndex("GT");
                if (fi < 0) {
                    continue;
                }
                Genotype g2 = Genotype.parse(r.samples[s][fi]);
                for (int k = 0; k < g2.alleles.length; k++) {
                    int a = g2.alleles[k];
                    if (a <= 0 || a >= maps[i].length) {
                        continue;
                    }
                    // as bcftools: the slot that receives an allele becomes unphased
                    for (int j = 0; j < maxPloidy; j++) {
                        if (j == g.alleles.length) {
                            g = g.extended();
                        }
                        if (g.alleles[j] <= 0) {
                            g.alleles[j] = maps[i][a];
                            if (j > 0) {
                                g.seps[j - 1] = '/';
                            }
                            break;
                        }
                    }
                }
            }
            d.samples[s][f] = g.toString();
        }
    }

    /**
     * Adds the alleles {@code b} of a record to {@code als} (REF first), extending the shorter REF
     * so both describe the same bases; returns the index in {@code als} of each allele of b.
     */
    static int[] mergeAlleles(String[] b, List<String> als) {
        String aRef = als.get(0);
        String bRef = b[0];
        String[] bb = b.clone();
        if (bRef.length() > aRef.length()) {
            String suffix = bRef.substring(aRef.length());
            for (int i = 0; i < als.size(); i++) {
                String a = als.get(i);
                if (!symbolic(a)) {
                    als.set(i, a + suffix);
                }
            }
        } else if (aRef.length() > bRef.length()) {
            String suffix = aRef.substring(bRef.length());
            for (int i = 0; i < bb.length; i++) {
                if (!symbolic(bb[i])) {
                    bb[i] = bb[i] + suffix;
                }
            }
        }
        int[] map = new int[bb.length];
        map[0] = 0;
        for (int i = 1; i < bb.length; i++) {
            int j = -1;
            for (int k = 1; k < als.size(); k++) {
                if (als.get(k).equalsIgnoreCase(bb[i])) {
                    j = k;
                    break;
                }
            }
            if (j < 0) {
                als.add(bb[i]);
                j = als.size() - 1;
            }
            map[i] = j;
        }
        return map;
    }

    private static boolean symbolic(String a) {
        return a.startsWith("<") || a.equals("*") || a.equals(".");
    }
}
