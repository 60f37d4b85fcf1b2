package org.oncoconcord.concordance;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.oncoconcord.core.SampleType;

/**
 * One sample of a patient as given on the command line ({@code LABEL=TYPE:FILE}) with its
 * optional covered regions and thresholds.
 *
 * @param regions  BED of what the assay covers, or null for "everything"
 * @param minVaf   calls with a known VAF below this do not count (0 = no threshold)
 * @param minDepth calls with a known depth below this do not count, and a site where the sample's
 *                 depth is known and below it is not evaluable in this sample (0 = no threshold)
 */
public record SampleSpec(String label, SampleType type, Path vcf, Path regions, double minVaf, int minDepth) {

    /** Parses {@code LABEL=TYPE:FILE}; throws IllegalArgumentException with the reason. */
    public static SampleSpec parse(String spec) {
        int eq = spec.indexOf('=');
        int colon = eq < 0 ? -1 : spec.indexOf(':', eq);
        if (eq <= 0 || colon < 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("--sample '" + spec + "' is not LABEL=TYPE:FILE");
        }
        String label = spec.substring(0, eq);
        if (!label.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("--sample '" + spec + "': label '" + label
                    + "' must match [A-Za-z0-9][A-Za-z0-9._-]*");
        }
        SampleType type = SampleType.parse(spec.substring(eq + 1, colon));
        return new SampleSpec(label, type, Paths.get(spec.substring(colon + 1)), null, 0, 0);
    }

    public SampleSpec withRegions(Path bed) {
        return new SampleSpec(label, type, vcf, bed, minVaf, minDepth);
    }

    public SampleSpec withMinVaf(double v) {
        return new SampleSpec(label, type, vcf, regions, v, minDepth);
    }

    public SampleSpec withMinDepth(int d) {
        return new SampleSpec(label, type, vcf, regions, minVaf, d);
    }
}
