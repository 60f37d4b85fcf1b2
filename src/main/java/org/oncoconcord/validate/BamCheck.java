package org.oncoconcord.validate;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * Checks the optional {@code bam} column of a samplesheet: each BAM/CRAM has an index beside it
 * (.bai/.csi, .crai), a CRAM comes with {@code --fasta}, its read groups name exactly one sample
 * and that is the row's {@code tumor_sample} (else its {@code sample}), and its {@code @SQ}
 * contigs and lengths are those of the FASTA (without a FASTA: its build is the study's). Every
 * problem of every file is returned, each naming the samplesheet line.
 */
public final class BamCheck {

    /** One {@code bam} cell of a row that passed the schema and whose file exists. */
    public record Bam(int line, int column, String expectedSample, Path path) {
    }

    private static final int LIST_AT_MOST = 8;

    private BamCheck() {
    }

    /** The index files htsjdk/htslib look for beside {@code file}. */
    static List<Path> indexCandidates(Path file) {
        String name = file.getFileName().toString();
        boolean cram = name.toLowerCase(java.util.Locale.ROOT).endsWith(".cram");
        String stem = name.substring(0, name.lastIndexOf('.'));
        return cram ? List.of(file.resolveSibling(name + ".crai"), file.resolveSibling(stem + ".crai"))
                : List.of(file.resolveSibling(name + ".bai"), file.resolveSibling(stem + ".bai"), file.resolveSibling(name + ".csi"));
    }

    /**
     * @param sheet  the samplesheet's name (for the messages)
     * @param fasta  {@code --fasta} or null
     * @param genome the study's build (UNKNOWN when not known)
     */
    public static List<Problem> check(String sheet, Path fasta, GenomeBuild genome, List<Bam> bams) {
        List<Problem> problems = new ArrayList<>();
        if (bams.isEmpty()) {
            return problems;
        }
        Map<String, Long> reference = fasta == null ? null : ReferenceCheck.readFastaContigs(fasta, new ArrayList<>());
        for (Bam b : bams) {
            List<String> wrong = new ArrayList<>();
            String file = b.path().getFileName().toString();
            boolean cram = file.toLowerCase(java.util.Locale.ROOT).endsWith(".cram");
            if (indexCandidates(b.path()).stream().noneMatch(Files::isRegularFile)) {
                wrong.add("no index beside it (expected " + indexCandidates(b.path()).get(0).getFileName()
                        + "; make one with samtools index)");
            }
            if (cram && fasta == null) {
                wrong.add("a CRAM needs the reference: give --fasta");
            }
            SAMFileHeader header;
            try (SamReader r = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                    .referenceSequence(fasta).open(b.path())) {
                header = r.getFileHeader();
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
                problems.add(Problem.error(sheet, b.line(), b.column(), "bam", "not a readable BAM/CRAM: " + b.path() + ": "
                        + (why.length() > 200 ? why.substring(0, 200) + "..." : why)));
                continue;
            }
            Set<String> samples = new TreeSet<>();
            for (SAMReadGroupRecord rg : header.getReadGroups()) {
                if (rg.getSample() != null) {
                    samples.add(rg.getSample());
                }
            }
            if (samples.isEmpty()) {
                wrong.add("no @RG SM (sample name) in its header: cannot tell it is sample '" + b.expectedSample() + "'");
            } else if (!samples.equals(Set.of(b.expectedSample()))) {
                wrong.add("its read groups name sample" + (samples.size() == 1 ? " " : "s ") + samples + ", not '" + b.expectedSample()
                        + "' (the row's tumor_sample, else sample): another sample's file?");
            }
            Map<String, Long> contigs = new LinkedHashMap<>();
            for (SAMSequenceRecord s : header.getSequenceDictionary().getSequences()) {
                contigs.put(s.getSequenceName(), (long) s.getSequenceLength());
            }
            if (contigs.isEmpty()) {
                wrong.add("no @SQ lines: not aligned");
            } else if (reference != null) {
                contigMismatch(contigs, reference, fasta.getFileName().toString()).ifPresent(wrong::add);
            } else if (genome != GenomeBuild.UNKNOWN) {
                GenomeBuild.Detection found = GenomeBuild.fromContigLengths(contigs);
                if (found.known() && found.build() != genome) {
                    wrong.add("its @SQ lengths are " + found + " but the study is " + genome + ": wrong genome build");
                }
            }
            if (!wrong.isEmpty()) {
                problems.add(Problem.error(sheet, b.line(), b.column(), "bam", file + ": " + String.join("; ", wrong)));
            }
        }
        return problems;
    }

    /** Contigs of the BAM the FASTA lacks or has with another length, in one message. */
    private static java.util.Optional<String> contigMismatch(Map<String, Long> bam, Map<String, Long> reference, String fastaName) {
        Map<String, Map.Entry<String, Long>> byCanonical = new LinkedHashMap<>();
        reference.forEach((name, len) -> byCanonical.putIfAbsent(ContigNames.canonical(name), Map.entry(name, len == null ? 0L : len)));
        List<String> missing = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        for (var e : bam.entrySet()) {
            var ref = byCanonical.get(ContigNames.canonical(e.getKey()));
            if (ref == null) {
                missing.add(e.getKey());
            } else if (!ref.getValue().equals(e.getValue())) {
                lengths.add(e.getKey() + " " + e.getValue() + " vs " + ref.getKey() + " " + ref.getValue());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " @SQ contig" + (missing.size() == 1 ? "" : "s") + " not in " + fastaName + ": " + list(missing));
        }
        if (!lengths.isEmpty()) {
            parts.add(lengths.size() + " @SQ length" + (lengths.size() == 1 ? "" : "s") + " differ from " + fastaName + "'s: " + list(lengths));
        }
        return parts.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(String.join("; ", parts) + " (aligned to another reference or build?)");
    }

    private static String list(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(items.size(), LIST_AT_MOST)));
        return items.size() > LIST_AT_MOST ? shown + " and " + (items.size() - LIST_AT_MOST) + " more" : shown;
    }
}
