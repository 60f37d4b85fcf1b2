package org.oncoconcord.normalize;

import java.nio.file.Path;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * {@code normalize --annotate}: the consequence of every allele added as INFO/CSQ to the records as
 * they are written (the engine of {@code oncoconcord annotate}), on the shipped models of
 * {@code genome} or on a GTF/GFF3 (at most one of them; null when not given); {@code checkOrfs} false:
 * {@code --no-cds-check}.
 */
record CsqOptions(GenomeBuild genome, Path gtf, Path gff3, boolean checkOrfs) {
}
