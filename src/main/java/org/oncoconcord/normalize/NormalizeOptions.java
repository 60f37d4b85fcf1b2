package org.oncoconcord.normalize;

import java.nio.file.Path;

/**
 * Settings of one normalization run, mirroring bcftools norm's options plus the somatic ones.
 *
 * @param checkRef   letters of {@code -c}: e (exit), w (warn), x (exclude), s (set)
 * @param multi      0 none, '-' split, '+' join
 * @param multiType  "snps", "indels", "both" or "any"
 * @param rmDup      null, or snps|indels|both|all|any|exact|none
 * @param atomStar   with atomize, overlapping alleles as {@code *} (true) or missing (false)
 * @param lenient    malformed records go to the rejects with their reason (true) or stop the run (false)
 */
record NormalizeOptions(Path fasta, String checkRef, char multi, String multiType, boolean force,
        String keepSum, String rmDup, String oldRecTag, boolean doNotNormalize, boolean strictFilter,
        int siteWin, String tumorSample, boolean passOnly, Integer minDepth, Double minVaf, boolean noStandardize,
        boolean atomize, boolean atomStar, boolean lenient) {

    boolean checkExit() {
        return checkRef.contains("e");
    }

    boolean checkWarn() {
        return checkRef.contains("w");
    }

    boolean checkExclude() {
        return checkRef.contains("x");
    }

    boolean checkSet() {
        return checkRef.contains("s");
    }
}
