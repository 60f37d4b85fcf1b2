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
            if (genome == null || genome == GenomeBuild.UNKNOWN) {
                return "REF differs from the CDS (codons from the reference) at " + mismatches + " of " + codingChecked
                        + " coding alleles (first: " + firstMismatch + "): the VCF is not on the reference's build?";
            }
            return "REF differs from the " + genome + " CDS at " + mismatches + " of " + codingChecked
                    + " coding alleles (first: " + firstMismatch + "): the VCF is not " + genome + "? (check --genome)";
        }
    }

    /**
     * The transcript models of a run: the GTF or GFF3 when given, else the shipped models of
     * {@code genome} (which may then be unknown, see {@link BuildChoice}); with a FASTA, codons come from it (a FASTA disagreeing with the shipped CDS is
     * a build error, see {@link TranscriptSet#withReference}).
     */
    public static TranscriptSet models(GenomeBuild genome, Path fasta, Path gtf, Path gff3) {
        return models(genome, fasta, gtf, gff3, true);
    }

    /** As {@link #models(GenomeBuild, Path, Path, Path)}; {@code checkOrfs} false: {@code --no-cds-check}. */
    public static TranscriptSet models(GenomeBuild genome, Path fasta, Path gtf, Path gff3, boolean checkOrfs) {
        TranscriptSet models = gtf != null ? GtfReader.read(gtf) : gff3 != null ? Gff3Reader.read(gff3) : TranscriptSet.shipped(genome);
        if (fasta != null) {
            try (ReferenceBases ref = new ReferenceBases(fasta)) {
                models = models.withReference(ref, BuildChoice.label(genome), checkOrfs);
            } catch (java.io.IOException e) {
                throw new org.oncoconcord.core.UserException(fasta + ": cannot read: " + e.getMessage(), e);
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
        String[] alleles = new String[alts.size() + 1];
        alleles[0] = ref;
        for (int i = 0; i < alts.size(); i++) {
            alleles[i + 1] = alts.get(i);
        }
        List<String> entries = new ArrayList<>(alts.size());
        annotate(annotator, counts, chrom, pos, alleles, null, entries);
        return entries;
    }

    /**
     * Appends the CSQ value of one record ({@code alleles}: REF then the ALTs; its entries joined by
     * {@code ,}, as {@link #entries(Annotator, Counts, String, int, String, List)} gives them) to
     * {@code value}; returns the number of entries (0: nothing appended).
     */
    public static int append(Annotator annotator, Counts counts, String chrom, int pos, String[] alleles,
            StringBuilder value) {
        return annotate(annotator, counts, chrom, pos, alleles, value, null);
    }

    /**
     * As {@link #append(Annotator, Counts, String, int, String[], StringBuilder)}, into bytes by the
     * direct writer ({@link CsqWriter}: intergenic, up/downstream and deep intronic alleles without
     * intermediate objects); the same value.
     */
    public static int append(Annotator annotator, Counts counts, String chrom, int pos, String[] alleles, CsqBytes value) {
        return annotator.csqWriter().append(counts, chrom, pos, alleles, value);
    }

    /** The entries into {@code value} (joined by commas) or, when it is null, into {@code list}; returns their number. */
    private static int annotate(Annotator annotator, Counts counts, String chrom, int pos, String[] alleles,
            StringBuilder value, List<String> list) {
        String ref = alleles[0];
        int n = 0;
        for (int k = 1; k < alleles.length; k++) {
            String alt = alleles[k];
            if (!isBases(alt)) {
                counts.skipped++;
                continue;
            }
            counts.alleles++;
            Allele allele = Allele.fromVcf(chrom, pos, ref, alt);
            boolean altering = false;
            List<Annotation> annotations = annotator.annotate(allele);
            for (int i = 0; i < annotations.size(); i++) {
                Annotation a = annotations.get(i);
                if (value != null) {
                    if (n > 0) {
                        value.append(',');
                    }
                    Csq.append(value, a);
                } else {
                    list.add(Csq.entry(a));
                }
                n++;
                altering |= a.mostSevere().proteinAltering();
                if (a.transcript() == null) {
                    counts.intergenic++;
                }
                countCoding(counts, a, chrom, pos, ref);
            }
            if (altering) {
                counts.proteinAltering++;
            }
        }
        return n;
    }

    /** Counts a coding annotation for the build check (REF against the CDS). */
    static void countCoding(Counts counts, Annotation a, String chrom, int pos, String ref) {
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
