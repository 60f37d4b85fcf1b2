package org.oncoconcord.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.clonality.Segments;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.core.UserException;

/**
 * Checks the optional {@code segments} column of a samplesheet (copy-number segments of one tissue
 * sample, the format of {@link Segments}; docs/PILEUP.md): the file parses, its {@code sample} column
 * (optional) names only the row's sample, its tumour column name or {@code *}, and with {@code --fasta}
 * every contig is one of the reference's and no segment ends beyond its contig. One problem per file,
 * naming the samplesheet line and the segment file's line.
 */
public final class SegmentsCheck {

    /** One {@code segments} cell of a tissue row that passed the schema and whose file exists. */
    public record File(int line, int column, String sample, String tumorSample, Path path) {
    }

    private SegmentsCheck() {
    }

    /**
     * @param sheet the samplesheet's name (for the messages)
     * @param fasta {@code --fasta} or null (then only parsing and sample names are checked)
     */
    public static List<Problem> check(String sheet, Path fasta, List<File> files) {
        List<Problem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            return problems;
        }
        Map<String, Long> reference = fasta == null ? null : ReferenceCheck.readFastaContigs(fasta, new ArrayList<>());
        Map<String, Map.Entry<String, Long>> byCanonical = new LinkedHashMap<>();
        if (reference != null) {
            reference.forEach((name, len) -> byCanonical.putIfAbsent(ContigNames.canonical(name), Map.entry(name, len == null ? 0L : len)));
        }
        for (File f : files) {
            String wrong = problemOf(f, reference == null ? null : byCanonical, fasta);
            if (wrong != null) {
                problems.add(Problem.error(sheet, f.line(), f.column(), "segments", wrong));
            }
        }
        return problems;
    }

    private static String problemOf(File f, Map<String, Map.Entry<String, Long>> reference, Path fasta) {
        List<Segments.Segment> segments;
        try {
            segments = Segments.parse(f.path(), f.path().toString(), false);
        } catch (UserException e) {
            return e.getMessage();
        }
        if (segments.isEmpty()) {
            return f.path() + ": no segments (a header only)";
        }
        for (Segments.Segment s : segments) {
            String at = f.path() + ": line " + s.line() + ": ";
            if (!s.sample().equals("*") && !s.sample().equals(f.sample()) && !s.sample().equals(f.tumorSample())) {
                return at + "sample '" + s.sample() + "' is not this row's sample '" + f.sample() + "'"
                        + (f.tumorSample().isEmpty() ? "" : " (tumor_sample '" + f.tumorSample() + "')") + " or *: another sample's segments?";
            }
            if (reference != null) {
                var ref = reference.get(ContigNames.canonical(s.contig()));
                if (ref == null) {
                    return at + "contig '" + s.contig() + "' is not in " + fasta.getFileName() + " (segments of another reference?)";
                }
                if (ref.getValue() > 0 && s.end() > ref.getValue()) {
                    return at + "segment " + s.contig() + ":" + s.start() + "-" + s.end() + " ends beyond " + ref.getKey() + " (length "
                            + ref.getValue() + " in " + fasta.getFileName() + "): another build?";
                }
            }
        }
        return null;
    }
}
