package org.oncoconcord.normalize;

import java.io.IOException;
import java.nio.file.Path;
import org.oncoconcord.contract.ContractJson;
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
     * As {@code oncoconcord normalize -f FASTA -m - [--pass-only] [--tumor-sample S] -o OUTPUT INPUT}:
     * multiallelics split, indels left-aligned and trimmed, REF checked against the reference (a mismatch
     * is an error), AD/DP/AF standardised for the tumour sample; the output and its index written or neither.
     *
     * @throws UserException naming the file and record when the input cannot be normalized
     */
    public static NormalizeResult run(NormalizeRequest request) {
        NormalizeOptions o = new NormalizeOptions(request.fasta(), java.util.Set.of(RefCheck.EXIT), Multiallelics.SPLIT,
                MultiallelicTypes.BOTH, false, null, null, null, false, false,
                1000, request.tumorSample(), request.passOnly(), null, null, false, false, true, false);
        try {
            Ran r = runAndName(o, null, request.input().toString(), request.output(), null, null, true);
            NormalizeStats s = r.stats();
            return new NormalizeResult(s.in, s.out, s.splitAdded, s.realigned, s.joinedAway, java.util.Map.copyOf(s.rejected),
                    s.rejectedTotal(), r.tumorSample());
        } catch (IOException e) {
            throw new UserException(request.input() + ": " + OutputSet.reason(e), e);
        }
    }

    private record Ran(NormalizeStats stats, String tumorSample) {
    }

    /**
     * Runs {@code options} on {@code input} ({@code -} for stdin) into the given outputs (each may be null),
     * adding INFO/CSQ when {@code csq} is given.
     */
    static NormalizeStats run(NormalizeOptions options, CsqOptions csq, String input, Path out, Path rejects, Path stats,
            boolean quiet) throws IOException {
        return runAndName(options, csq, input, out, rejects, stats, quiet).stats();
    }

    private static Ran runAndName(NormalizeOptions options, CsqOptions csq, String input, Path out, Path rejects, Path stats,
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
                try {
                    ContractJson.write(outputs.temp(stats), s.toJson(n.tumorName()));
                } catch (IOException e) {
                    throw new UserException(stats + ": cannot write: " + OutputSet.reason(e), e);
                }
            }
            try {
                outputs.commit();
            } catch (IOException e) {
                throw new UserException(e.getMessage(), e);
            }
            return new Ran(s, n.tumorName());
        }
    }

    /** The tabix index written beside a {@code .gz} output, else null. */
    static Path indexOf(Path out) {
        return out != null && out.getFileName().toString().endsWith(".gz") ? out.resolveSibling(out.getFileName() + ".tbi") : null;
    }
}
