package org.oncoconcord.clonality;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.core.UserException;

/**
 * Total copy number by sample and region ({@code clonality --segments}): TSV with header {@code sample chrom
 * start end copy_number}, 1-based inclusive coordinates, sample {@code *} for every sample; 2 elsewhere.
 * A file of one sample ({@code clonality --sample-segments S=FILE}, the samplesheet's {@code segments}
 * column) may leave out the {@code sample} column: all its rows are that sample's.
 */
public final class Segments {
    /** No segments: copy number 2 everywhere. */
    public static final Segments NONE = new Segments(List.of());

    /** One segment as read: sample ({@code *}: all), contig as written, 1-based inclusive bounds, total copy number; its file line. */
    public record Segment(String sample, String contig, int start, int end, double copyNumber, long line) {
    }

    private final List<Segment> segments;
    private final String[] canonical;

    private Segments(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.canonical = segments.stream().map(s -> ContigNames.canonical(s.contig())).toArray(String[]::new);
    }

    /** Reads a multi-sample file ({@code sample} column required); errors name {@code --segments FILE} and the line. */
    public static Segments read(Path file) {
        return new Segments(parse(file, "--segments " + file, true));
    }

    /**
     * Reads the segments of one file; {@code where} prefixes every error (e.g. the option and file);
     * {@code needSample}: whether the {@code sample} column is required. Throws {@link UserException}
     * at the first malformed line.
     */
    public static List<Segment> parse(Path file, String where, boolean needSample) {
        List<Segment> out = new ArrayList<>();
        CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').build();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = format.parse(in)) {
            for (String c : needSample ? List.of("sample", "chrom", "start", "end", "copy_number") : List.of("chrom", "start", "end", "copy_number")) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    throw new UserException(where + ": line 1: column '" + c + "' missing (need " + (needSample ? "sample " : "[sample] ")
                            + "chrom start end copy_number, tab-separated)");
                }
            }
            boolean hasSample = parser.getHeaderMap().containsKey("sample");
            for (CSVRecord r : parser) {
                String at = where + ": line " + parser.getCurrentLineNumber() + ": ";
                if (!r.isConsistent()) {
                    throw new UserException(at + r.size() + " fields, the header has " + parser.getHeaderMap().size());
                }
                try {
                    int start = Integer.parseInt(r.get("start").trim());
                    int end = Integer.parseInt(r.get("end").trim());
                    double cn = Double.parseDouble(r.get("copy_number").trim());
                    if (start < 1 || end < start || !(cn > 0) || Double.isInfinite(cn)) {
                        throw new UserException(at + "need 1 <= start <= end and copy_number > 0 (got " + start + " " + end + " " + cn + ")");
                    }
                    String contig = r.get("chrom").trim();
                    if (contig.isEmpty()) {
                        throw new UserException(at + "empty chrom");
                    }
                    out.add(new Segment(hasSample ? r.get("sample").trim() : "*", contig, start, end, cn, parser.getCurrentLineNumber()));
                } catch (NumberFormatException e) {
                    throw new UserException(at + "start, end and copy_number must be numbers (got '" + r.get("start") + "', '"
                            + r.get("end") + "', '" + r.get("copy_number") + "')");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserException(where + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Multi-sample segments plus per-sample files ({@code --sample-segments S=FILE}: every row of FILE is S's). */
    public static Segments of(Path multiSample, Map<String, Path> perSample) {
        List<Segment> all = new ArrayList<>(multiSample == null ? List.of() : read(multiSample).segments);
        for (var e : perSample.entrySet()) {
            for (Segment s : parse(e.getValue(), "--sample-segments " + e.getKey() + "=" + e.getValue(), false)) {
                all.add(new Segment(e.getKey(), s.contig(), s.start(), s.end(), s.copyNumber(), s.line()));
            }
        }
        return new Segments(all);
    }

    /** Total copy number of {@code sample} at the position: the sample's own segment first, then a {@code *} one, else 2. */
    public double copyNumber(String sample, String contig, int pos) {
        String c = ContigNames.canonical(contig);
        double any = Double.NaN;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (canonical[i].equals(c) && pos >= s.start() && pos <= s.end()) {
                if (s.sample().equals(sample)) {
                    return s.copyNumber();
                }
                if (s.sample().equals("*") && Double.isNaN(any)) {
                    any = s.copyNumber();
                }
            }
        }
        return Double.isNaN(any) ? 2 : any;
    }
}
