package org.oncoconcord.core;

import java.util.Locale;

/**
 * The timepoint labels of serial plasma draws that the tools recognise (samplesheet {@code timepoint},
 * any case; docs/PLASMA.md "Serial plasma"): {@code baseline} (before treatment: the draw compared
 * with tissue first), {@code post-op} (after surgery: molecular residual disease), {@code relapse};
 * any other text is {@link #OTHER}.
 */
public enum PlasmaTimepoint {
    BASELINE, POST_OP, RELAPSE, OTHER;

    /** The kind of a samplesheet timepoint label; null for a missing one (null, empty or NA). */
    public static PlasmaTimepoint of(String label) {
        if (label == null || label.isBlank() || label.trim().equalsIgnoreCase("NA")) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (l) {
            case "baseline" -> BASELINE;
            case "post-op", "postop" -> POST_OP;
            case "relapse" -> RELAPSE;
            default -> OTHER;
        };
    }
}
