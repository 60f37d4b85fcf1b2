package org.oncoconcord.pileup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.UserException;

/**
 * Reads an {@code oncoconcord pileup} table (read by {@code concordance --evidence} and {@code clonality}):
 * the columns they need, checked, one {@link Row} per line; errors name the option, file and line.
 */
public final class EvidenceRows {
    /** One site in one sample; {@code line} is the 1-based line in the file (for messages). */
    public record Row(String contig, int pos, String ref, String alt, String sample, int depth, int altCount,
                      EvidenceState state, long line) {
        /** "contig:pos ref>alt", for messages. */
        public String site() {
            return contig + ":" + pos + " " + ref + ">" + alt;
        }
    }

    private EvidenceRows() {
    }

    /** Streams the rows of {@code file} to {@code sink}; {@code option} names the file's option in messages. */
    public static void read(Path file, String option, Consumer<Row> sink) {
        CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = format.parse(in)) {
            for (String c : List.of("contig", "pos", "ref", "alt", "sample", "depth", "alt_count", "state")) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    throw new UserException(option + " " + file + ": line 1: column '" + c + "' missing; expected the output of "
                            + "'oncoconcord pileup'");
                }
            }
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                String where = option + " " + file + ": line " + line + ": ";
                if (!r.isConsistent()) {
                    throw new UserException(where + "expected " + parser.getHeaderMap().size() + " tab-separated columns, found " + r.size());
                }
                EvidenceState state;
                try {
                    state = EvidenceState.valueOf(r.get("state"));
                } catch (IllegalArgumentException e) {
                    throw new UserException(where + "state '" + r.get("state") + "' is not CALLED, BELOW_CALL_THRESHOLD, ABSENT or NOT_ASSESSABLE");
                }
                int pos = integer(r, "pos", where);
                int depth = integer(r, "depth", where);
                int alt = integer(r, "alt_count", where);
                if (alt > depth) {
                    throw new UserException(where + "alt_count " + alt + " exceeds depth " + depth);
                }
                sink.accept(new Row(r.get("contig"), pos, r.get("ref"), r.get("alt"), r.get("sample"), depth, alt, state, line));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UserException(option + " " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static int integer(CSVRecord r, String column, String where) {
        try {
            int v = Integer.parseInt(r.get(column));
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserException(where + "column " + column + ": '" + r.get(column) + "' is not a whole number >= 0");
        }
    }
}
