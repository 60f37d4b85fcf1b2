package org.oncoconcord.clonality;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.core.UserException;

/**
 * Total copy number by sample and region ({@code clonality --segments}): TSV with header {@code sample chrom
 * start end copy_number}, 1-based inclusive coordinates, sample {@code *} for every sample; 2 elsewhere.
 */
public final class Segments {
    /** No segments: copy number 2 everywhere. */
    public static final Segments NONE = new Segments(List.of());

    private record Segment(String sample, String contig, int start, int end, double copyNumber) {
    }

    private final List<Segment> segments;

    private Segments(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    public static Segments read(Path file) {
        List<Segment> out = new ArrayList<>();
        CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').build();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = format.parse(in)) {
            for (String c : List.of("sample", "chrom", "start", "end", "copy_number")) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    throw new UserException("--segments " + file + ": line 1: column '" + c + "' missing (need sample chrom start end copy_number)");
                }
            }
            for (CSVRecord r : parser) {
                String where = "--segments " + file + ": line " + parser.getCurrentLineNumber() + ": ";
                try {
                    int start = Integer.parseInt(r.get("start"));
                    int end = Integer.parseInt(r.get("end"));
                    double cn = Double.parseDouble(r.get("copy_number"));
                    if (start < 1 || end < start || !(cn > 0) || Double.isInfinite(cn)) {
                        throw new UserException(where + "need 1 <= start <= end and copy_number > 0 (got " + start + " " + end + " " + cn + ")");
                    }
                    out.add(new Segment(r.get("sample"), ContigNames.canonical(r.get("chrom")), start, end, cn));
                } catch (NumberFormatException e) {
                    throw new UserException(where + "start, end and copy_number must be numbers");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UserException("--segments " + file + ": cannot read: " + e.getMessage(), e);
        }
        return new Segments(out);
    }

    /** Total copy number of {@code sample} at the position: the sample's own segment first, then a {@code *} one, else 2. */
    public double copyNumber(String sample, String contig, int pos) {
        String c = ContigNames.canonical(contig);
        double any = Double.NaN;
        for (Segment s : segments) {
            if (s.contig().equals(c) && pos >= s.start() && pos <= s.end()) {
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
