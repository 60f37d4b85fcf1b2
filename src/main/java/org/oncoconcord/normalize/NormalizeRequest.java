package org.oncoconcord.normalize;

import java.nio.file.Path;

/**
 * One input for {@link Normalize#run(NormalizeRequest)}: as {@code oncoconcord normalize -f fasta -m -
 * [--pass-only] [--tumor-sample tumorSample] -o output input}.
 *
 * @param tumorSample the tumour column, or null for the shared rule ({@code vcf.TumourSampleRule})
 */
public record NormalizeRequest(Path fasta, Path input, Path output, boolean passOnly, String tumorSample) {
}
