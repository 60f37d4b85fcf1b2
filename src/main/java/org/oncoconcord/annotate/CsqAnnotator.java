package org.oncoconcord.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * The per-record step of {@code annotate}, shared with {@code normalize --annotate}: the INFO/CSQ
 * entries of one VCF record's ALT alleles, with the counts of the summary line and the build check
 * (REF against the CDS), and the transcript models a run uses.
 */
public final class CsqAnnotator {
    private CsqAnnotator() {
    }

    /** Counts over the records annotated (summary line and build check). */
    public static class Counts {
        public long records;
        public long alleles;
        public long proteinAltering;
        public long intergenic;
        public long skipped;
        public long codingChecked;
        public long mismatches;
        public String firstMismatch;

        /** True when REF disagreed with the CDS at more than 20% of at least 5 coding alleles: the wrong build. */
        public boolean buildMismatch() {
            return codingChecked >= AnnotateCommand.MIN_CHECKED && mismatches > AnnotateCommand.MAX_MISMATCH * codingChecked;
        }

        /** What {@link #buildMismatch} found, for the error message. */
        public String mismatchText(GenomeBuild genome) {
            return "REF differs from the " + genome + " CDS at " + mismatches + " of " + codingChecked
                    + " coding alleles (first: " + firstMismatch + "): the VCF is not " + genome + "? (check --genome)";
        }
    }

    /**
     * The transcript models of a run: the GTF or GFF3 when given, else the shipped models of
     * {@code genome}; with a FASTA, codons come from it (a FASTA disagreeing with the shipped CDS is
     * a build error, see {@link TranscriptSet#withReference}).
     */
    public static TranscriptSet models(GenomeBuild genome, Path fasta, Path gtf, Path gff3) {
        TranscriptSet models = gtf != null ? GtfReader.read(gtf) : gff3 != null ? Gff3Reader.read(gff3) : TranscriptSet.shipped(genome);
        if (fasta != null) {
            try (ReferenceBases ref = new ReferenceBases(fasta)) {
                models = models.withReference(ref, genome.name());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return models;
    }

    /** The {@code ##INFO=<ID=CSQ,...>} header line (as htsjdk writes it for {@code annotate}). */
    public static String headerLine(TranscriptSet models) {
        return "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"" + Csq.headerDescription(models.source()) + "\">";
    }

    /**
     * The CSQ entries of the ALT alleles of one record (each allele's annotations in the engine's
     * order); alleles that are not bases (symbolic, {@code *}, {@code .}) get none and are counted as skipped.
     */
    public static List<String> entries(Annotator annotator, Counts counts, String chrom, int pos, String ref, List<String> alts) {
        return entries(annotator, null, counts, chrom, pos, ref, alts);
    }

    /**
     * As {@link #entries(Annotator, Counts, String, int, String, List)}; with a {@link Near} index of the
     * same models, an allele with no transcript within {@link Annotator#FLANK} gets its intergenic
     * annotation without the engine's walk over every transcript of the contig (a stream of records
     * asks this for every allele).
     */
    public static List<String> entries(Annotator annotator, Near near, Counts counts, String chrom, int pos, String ref,
            List<String> alts) {
        List<String> entries = new ArrayList<>(alts.size());
        for (String alt : alts) {
            if (!isBases(alt)) {
                counts.skipped++;
                continue;
            }
            counts.alleles++;
            Allele allele = Allele.fromVcf(chrom, pos, ref, alt);
            boolean altering = false;
            int lo = allele.isInsertion() ? allele.start() - 1 : allele.start();
            int hi = allele.isInsertion() ? allele.start() : allele.end();
            List<Annotation> annotations = near != null && !near.any(chrom, lo, hi)
                    ? List.of(Annotator.intergenic(allele)) : annotator.annotate(allele);
            for (Annotation a : annotations) {
                entries.add(Csq.entry(a));
                altering |= a.mostSevere().proteinAltering();
                if (a.transcript() == null) {
                    counts.intergenic++;
                }
                if (!a.cdsPosition().isEmpty() && !a.proteinPosition().isEmpty()) {
                    counts.codingChecked++;
                    if (a.refMismatch()) {
                        counts.mismatches++;
                        if (counts.firstMismatch == null) {
                            counts.firstMismatch = chrom + ":" + pos + " " + ref + " (" + a.gene() + " " + a.hgvsc() + ")";
                        }
                    }
                }
            }
            if (altering) {
                counts.proteinAltering++;
            }
        }
        return entries;
    }

    /**
     * Which positions have a transcript within {@link Annotator#FLANK} (the engine's own test:
     * {@code lo <= txEnd + FLANK && hi >= txStart - FLANK}), per contig: windows sorted by start with
     * the running maximum of their ends, one binary search per question.
     */
    public static final class Near {
        private final TranscriptSet models;
        private final java.util.Map<List<Transcript>, int[][]> byContig = new java.util.IdentityHashMap<>();
        private String lastChrom;
        private int[][] last;

        public Near(TranscriptSet models) {
            this.models = models;
        }

        /** True when a transcript of {@code chrom} lies within the flank of {@code lo..hi}. */
        boolean any(String chrom, int lo, int hi) {
            int[][] w;
            if (chrom.equals(lastChrom)) {
                w = last;
            } else {
                w = byContig.computeIfAbsent(models.onContig(chrom), Near::windows);
                lastChrom = chrom;
                last = w;
            }
            int[] starts = w[0];
            int[] maxEnds = w[1];
            // last window starting at or before hi
            int a = 0;
            int b = starts.length - 1;
            int k = -1;
            while (a <= b) {
                int m = (a + b) >>> 1;
                if (starts[m] <= hi) {
                    k = m;
                    a = m + 1;
                } else {
                    b = m - 1;
                }
            }
            return k >= 0 && maxEnds[k] >= lo;
        }

        private static int[][] windows(List<Transcript> ts) {
            int n = ts.size();
            int[][] pairs = new int[n][];
            for (int i = 0; i < n; i++) {
                Transcript t = ts.get(i);
                pairs[i] = new int[] {t.txStart() - Annotator.FLANK, t.txEnd() + Annotator.FLANK};
            }
            java.util.Arrays.sort(pairs, java.util.Comparator.comparingInt(p -> p[0]));
            int[] starts = new int[n];
            int[] maxEnds = new int[n];
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                starts[i] = pairs[i][0];
                max = Math.max(max, pairs[i][1]);
                maxEnds[i] = max;
            }
            return new int[][] {starts, maxEnds};
        }
    }

    /** True for a non-empty run of A, C, G, T, N (either case). */
    static boolean isBases(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case 'A', 'C', 'G', 'T', 'N', 'a', 'c', 'g', 't', 'n' -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }
}
