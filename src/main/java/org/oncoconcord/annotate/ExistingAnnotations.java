package org.oncoconcord.annotate;

import htsjdk.variant.vcf.VCFHeader;
import java.util.List;

/** Consequence annotations a VCF may already carry: VEP {@code CSQ}, SnpEff {@code ANN}, Funcotator {@code FUNCOTATION}. */
public final class ExistingAnnotations {
    /** INFO keys of known annotators, in order of preference. */
    public static final List<String> KEYS = List.of("CSQ", "ANN", "FUNCOTATION");

    private ExistingAnnotations() {
    }

    /** The first known annotation key the header declares, or null. */
    public static String keyOf(VCFHeader header) {
        for (String k : KEYS) {
            if (header.hasInfoLine(k)) {
                return k;
            }
        }
        return null;
    }
}
