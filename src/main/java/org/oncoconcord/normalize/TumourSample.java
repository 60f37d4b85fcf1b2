package org.oncoconcord.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.oncoconcord.vcf.TumourSampleRule;

/**
 * The tumour-sample heuristics of normalize, apart from the realign/split/merge pipeline: which
 * sample column is the tumour, and the header lines standardisation writes for it.
 * The tumour is the confident choice of the one rule shared with concordance, {@link TumourSampleRule}
 * ({@code --tumor-sample}, {@code ##tumor_sample=}, a TUMOR-like name, a recognised somatic caller's
 * convention); none otherwise (the positional fallbacks are concordance's alone).
 */
final class TumourSample {
    private static final String[] CALLER_SOURCES = {"strelka", "varscan", "sniper", "mutect", "muse", "vardict", "pindel",
        "radia"};
    private static final String[] CALLER_FORMAT_KEYS = {"AU", "TAR", "FREQ", "BCOUNT", "ADT", "DPT", "FA"};

    private TumourSample() {
    }

    /**
     * The tumour sample's name, or null when none is recognised.
     *
     * @throws org.oncoconcord.core.UserException when {@code requested} (--tumor-sample) is not a sample of the VCF
     */
    static String resolve(String[] samples, String requested, VcfHeader header, String inputName) {
        TumourSampleRule.Choice c = TumourSampleRule.choose(Arrays.asList(samples), requested, header.metaValue("tumor_sample"),
                somaticCaller(header), inputName);
        return c != null && c.confident() ? c.name() : null;
    }

    /** True when the header shows a somatic caller's dialect (its ##source, command line or FORMAT keys). */
    static boolean somaticCaller(VcfHeader header) {
        for (String m : header.meta()) {
            String l = m.toLowerCase(Locale.ROOT);
            if (l.startsWith("##source")) {
                for (String caller : CALLER_SOURCES) {
                    if (l.contains(caller)) {
                        return true;
                    }
                }
            }
            if (l.startsWith("##mutect") || l.startsWith("##gatkcommandline=<id=mutect")) {
                return true;
            }
        }
        for (String f : CALLER_FORMAT_KEYS) {
            if (header.hasFormat(f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The header's meta lines for standardised output: the caller's own AD/DP/AF FORMAT lines and
     * {@code ##tumor_sample} replaced by the standard ones naming {@code tumour}.
     */
    static List<String> standardMeta(List<String> meta, String tumour) {
        List<String> out = new ArrayList<>();
        for (String m : meta) {
            if (m.startsWith("##tumor_sample=")) {
                continue;
            }
            if (m.startsWith("##FORMAT=<ID=AD,") || m.startsWith("##FORMAT=<ID=DP,") || m.startsWith("##FORMAT=<ID=AF,")) {
                continue;
            }
            out.add(m);
        }
        out.add(Dialects.AD_LINE);
        out.add(Dialects.DP_LINE);
        out.add(Dialects.AF_LINE);
        out.add("##tumor_sample=" + tumour);
        return out;
    }
}
