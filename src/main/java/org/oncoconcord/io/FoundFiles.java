package org.oncoconcord.io;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * The order of files found by walking input folders: by their last two path components (for the
 * pipeline's layouts {@code <patient>.concordance.json} and {@code <patient>/<sample>.normalize.json},
 * patient then sample), then by the whole path. The folders above them (one per pipeline batch, in
 * any order) do not change the order, so outputs do not depend on how patients were batched.
 */
public final class FoundFiles {
    private FoundFiles() {
    }

    /** Compares by parent folder name, then file name, then the whole path. */
    public static final Comparator<Path> BY_PATIENT_LAYOUT = Comparator
            .comparing((Path p) -> p.getParent() == null || p.getParent().getFileName() == null ? "" : p.getParent().getFileName().toString())
            .thenComparing(p -> p.getFileName().toString())
            .thenComparing(Path::toString);
}
