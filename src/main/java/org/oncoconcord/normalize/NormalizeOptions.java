package org.oncoconcord.normalize;

import java.nio.file.Path;
import java.util.Set;

/**
 * Settings of one normalization run, mirroring bcftools norm's options plus the somatic ones.
 *
 * @param checkRef   the letters of {@code -c}: exit, warn, exclude, set
 * @param multi      {@code -m}: none, split ({@code -}) or join ({@code +})
 * @param multiType  the TYPE of {@code -m}
 * @param rmDup      {@code -d TYPE}, or null
 * @param atomStar   with atomize, overlapping alleles as {@code *} (true) or missing (false)
 * @param lenient    malformed records go to the rejects with their reason (true) or stop the run (false)
 */
record NormalizeOptions(Path fasta, Set<RefCheck> checkRef, Multiallelics multi, MultiallelicTypes multiType, boolean force,
        String keepSum, DuplicateRule rmDup, String oldRecTag, boolean doNotNormalize, boolean strictFilter,
        int siteWin, String tumorSample, boolean passOnly, Integer minDepth, Double minVaf, boolean noStandardize,
        boolean atomize, boolean atomStar, boolean lenient) {

    NormalizeOptions {
        checkRef = Set.copyOf(checkRef);
    }

    boolean checkExit() {
        return checkRef.contains(RefCheck.EXIT);
    }

    boolean checkWarn() {
        return checkRef.contains(RefCheck.WARN);
    }

    boolean checkExclude() {
        return checkRef.contains(RefCheck.EXCLUDE);
    }

    boolean checkSet() {
        return checkRef.contains(RefCheck.SET);
    }
}
