package org.oncoconcord.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oncoconcord.core.UserException;
import org.oncoconcord.io.OutputSet;

/**
 * The typed entry point of the normalize step, for the other steps (concordance {@code --fasta},
 * the simulator's recovery run) and for {@link NormalizeCommand}: runs the normalizer on one input and
 * writes all of its outputs or none ({@link OutputSet}).
 */
public final class Normalize {
    private Normalize() {
    }

    /**
     * As {@code oncoconcord normalize -f FASTA -m - [--pass-only] -o OUTPUT INPUT}: multiallelics split,
     * indels left-aligned and trimmed, REF checked against the reference (a mismatch is an error).
     *
     * @throws UserException naming the file and record when the input cannot be normalized
     */
    public static void splitAndLeftAlign(Path fasta, Path input, Path output, boolean passOnly) {
        NormalizeOptions o = new NormalizeOptions(fasta, java.util.Set.of(RefCheck.EXIT), Multiallelics.SPLIT,
                MultiallelicTypes.BOTH, false, null, null, null, false, false,
                1000, null, passOnly, null, null, false, false, true, false);
        try {
            run(o, input.toString(), output, null, null, true);
        } catch (IOException e) {
            throw new UserException(input + ": " + OutputSet.reason(e), e);
        }
    }

    /** Runs {@code options} on {@code input} ({@code -} for stdin) into the given outputs (each may be null). */
    static NormalizeStats run(NormalizeOptions options, String input, Path out, Path rejects, Path stats, boolean quiet)
            throws IOException {
        return run(options, null, input, out, rejects, stats, quiet);
    }

    /** As {@link #run(NormalizeOptions, String, Path, Path, Path, boolean)}, adding INFO/CSQ when {@code csq} is given. */
    static NormalizeStats run(NormalizeOptions options, CsqOptions csq, String input, Path out, Path rejects, Path stats,
            boolean quiet) throws IOException {
        Path index = indexOf(out);
        Normalizer n = new Normalizer(options, quiet, csq);
        try (OutputSet outputs = new OutputSet()) {
            for (Path p : new Path[] {out, index, rejects, stats}) {
                if (p != null) {
                    try {
                        outputs.add(p);
                    } catch (IOException e) {
                        throw new UserException(e.getMessage(), e);
                    }
                }
            }
            n.run(input, out, rejects, outputs);
            NormalizeStats s = n.stats();
            if (stats != null) {
                ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                try {
                    Files.writeString(outputs.temp(stats), om.writeValueAsString(s.toMap(n.tumorName())) + "\n");
                } catch (IOException e) {
                    throw new UserException(stats + ": cannot write: " + OutputSet.reason(e), e);
                }
            }
            try {
                outputs.commit();
            } catch (IOException e) {
                throw new UserException(e.getMessage(), e);
            }
            return s;
        }
    }

    /** The tabix index written beside a {@code .gz} output, else null. */
    static Path indexOf(Path out) {
        return out != null && out.getFileName().toString().endsWith(".gz") ? out.resolveSibling(out.getFileName() + ".tbi") : null;
    }
}
