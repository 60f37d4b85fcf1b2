package org.oncoconcord.vcf;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a decoded record (htsjdk {@link VariantContext}) as a VCF data line the way htslib does:
 * floats with {@code %g} of their 32-bit value, missing values as {@code .}, INFO and FORMAT keys in
 * the header's order (GT first). Used to read BCF through the VCF text parsers.
 */
final class VcfLineEncoder {
    private final List<String> infoOrder = new ArrayList<>();
    private final List<String> formatOrder = new ArrayList<>();
    private final List<String> samples;

    VcfLineEncoder(VCFHeader header) {
        for (VCFInfoHeaderLine l : header.getInfoHeaderLines()) {
            infoOrder.add(l.getID());
        }
        for (VCFFormatHeaderLine l : header.getFormatHeaderLines()) {
            formatOrder.add(l.getID());
        }
        samples = header.getGenotypeSamples();
    }

    void append(StringBuilder sb, VariantContext vc) {
        sb.append(vc.getContig()).append('\t').append(vc.getStart()).append('\t').append(vc.getID()).append('\t')
                .append(vc.getReference().getDisplayString()).append('\t');
        List<Allele> alts = vc.getAlternateAlleles();
        if (alts.isEmpty()) {
            sb.append('.');
        }
        for (int i = 0; i < alts.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(alts.get(i).getDisplayString());
        }
        sb.append('\t').append(vc.hasLog10PError() ? HtslibNumbers.formatFloat(vc.getPhredScaledQual()) : ".").append('\t');
        if (!vc.filtersWereApplied()) {
            sb.append('.');
        } else if (!vc.isFiltered()) {
            sb.append("PASS");
        } else {
            sb.append(String.join(";", vc.getFilters()));
        }
        sb.append('\t');
        appendInfo(sb, vc.getAttributes());
        if (!samples.isEmpty()) {
            appendGenotypes(sb, vc);
        }
    }

    private void appendInfo(StringBuilder sb, Map<String, Object> attrs) {
        if (attrs.isEmpty()) {
            sb.append('.');
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String k : infoOrder) {
            if (attrs.containsKey(k)) {
                keys.add(k);
            }
        }
        keys.addAll(attrs.keySet());
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                sb.append(';');
            }
            first = false;
            sb.append(k);
            Object v = attrs.get(k);
            if (!(v instanceof Boolean)) {
                sb.append('=');
                value(sb, v);
            }
        }
    }

    private void appendGenotypes(StringBuilder sb, VariantContext vc) {
        Set<String> keys = new LinkedHashSet<>();
        boolean gt = false;
        for (Genotype g : vc.getGenotypes()) {
            gt |= !g.getAlleles().isEmpty();
        }
        if (gt) {
            keys.add("GT");
        }
        Set<String> present = new LinkedHashSet<>();
        for (Genotype g : vc.getGenotypes()) {
            if (g.hasAD()) {
                present.add("AD");
            }
            if (g.hasDP()) {
                present.add("DP");
            }
            if (g.hasGQ()) {
                present.add("GQ");
            }
            if (g.hasPL()) {
                present.add("PL");
            }
            if (g.getFilters() != null) {
                present.add("FT");
            }
            present.addAll(g.getExtendedAttributes().keySet());
        }
        for (String k : formatOrder) {
            if (present.contains(k)) {
                keys.add(k);
            }
        }
        keys.addAll(present);
        sb.append('\t');
        if (keys.isEmpty()) {
            sb.append('.');
        }
        sb.append(String.join(":", keys));
        for (String s : samples) {
            Genotype g = vc.getGenotype(s);
            sb.append('\t');
            if (keys.isEmpty()) {
                sb.append('.');
            }
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    sb.append(':');
                }
                first = false;
                if (g == null) {
                    sb.append('.');
                    continue;
                }
                if (!k.equals("GT") && g.hasExtendedAttribute(k)) {
                    value(sb, g.getExtendedAttribute(k)); // decoded to text by Bcf22Codec
                    continue;
                }
                switch (k) {
                    case "GT" -> genotype(sb, vc, g);
                    case "AD" -> value(sb, g.hasAD() ? g.getAD() : null);
                    case "DP" -> value(sb, g.hasDP() ? g.getDP() : null);
                    case "GQ" -> value(sb, g.hasGQ() ? g.getGQ() : null);
                    case "PL" -> value(sb, g.hasPL() ? g.getPL() : null);
                    case "FT" -> value(sb, g.getFilters());
                    default -> value(sb, g.getExtendedAttribute(k));
                }
            }
        }
    }

    private static void genotype(StringBuilder sb, VariantContext vc, Genotype g) {
        List<Allele> as = g.getAlleles();
        if (as.isEmpty()) {
            sb.append('.');
            return;
        }
        for (int i = 0; i < as.size(); i++) {
            if (i > 0) {
                sb.append(g.isPhased() ? '|' : '/');
            }
            Allele a = as.get(i);
            if (a.isNoCall()) {
                sb.append('.');
            } else {
                sb.append(vc.getAlleleIndex(a));
            }
        }
    }

    /** BCF 2.2's end-of-vector sentinels as htsjdk (a 2.1 decoder) returns them: int8, int16, int32. */
    private static boolean endOfVector(Object v) {
        return (v instanceof Integer i && (i == -127 || i == -32767 || i == -2147483647)) || (v instanceof Double d && d.isNaN());
    }

    /** One INFO/FORMAT value: lists and arrays comma-joined (end-of-vector padding dropped), floats as htslib, missing as '.'. */
    private static void value(StringBuilder sb, Object v) {
        if (v instanceof List<?> l) {
            int n = l.size();
            while (n > 1 && endOfVector(l.get(n - 1))) {
                n--;
            }
            v = n == l.size() ? l : l.subList(0, n);
        } else if (v != null && v.getClass().isArray()) {
            int n = Array.getLength(v);
            while (n > 1 && endOfVector(Array.get(v, n - 1))) {
                n--;
            }
            if (n < Array.getLength(v)) {
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    l.add(Array.get(v, i));
                }
                v = l;
            }
        }
        if (v == null) {
            sb.append('.');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append('.');
            }
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(sb, l.get(i));
            }
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            if (n == 0) {
                sb.append('.');
            }
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(sb, Array.get(v, i));
            }
        } else if (v instanceof Double d && d.isNaN()) {
            sb.append('.'); // htsjdk's reading of BCF 2.2 float padding
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(HtslibNumbers.formatFloat(((Number) v).doubleValue()));
        } else {
            String s = v.toString();
            sb.append(s.isEmpty() ? "." : s);
        }
    }
}
