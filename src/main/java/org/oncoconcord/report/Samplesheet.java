package org.oncoconcord.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.UserException;

/**
 * The (validated) samplesheet, {@code patient,sample,type,vcf[,regions][,tumor_sample][,collection_day]}: the samples that
 * went in. {@code collection_day} (serial plasma: days from surgery) is NaN when the column is absent or the cell empty/NA.
 */
record Samplesheet(Path file, List<Row> rows) {
    /** The samplesheet column of a sample's collection day, counted from surgery (docs/CONTRACTS.md). */
    static final String COLLECTION_DAY = "collection_day";

    record Row(String patient, String sample, String type, boolean hasRegions, double collectionDay) {
    }

    static Samplesheet read(Path file) {
        if (file == null) {
            return null;
        }
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); var parser = fmt.parse(r)) {
            for (String c : List.of("patient", "sample", "type")) {
                if (!parser.getHeaderNames().contains(c)) {
                    throw new UserException(file + " line 1: column '" + c + "' missing");
                }
            }
            boolean regions = parser.getHeaderNames().contains("regions");
            boolean day = parser.getHeaderNames().contains(COLLECTION_DAY);
            for (CSVRecord rec : parser) {
                if (!rec.isConsistent()) {
                    throw new UserException(file + " line " + parser.getCurrentLineNumber() + ": " + rec.size() + " fields, the header has "
                            + parser.getHeaderNames().size());
                }
                rows.add(new Row(rec.get("patient"), rec.get("sample"), rec.get("type"), regions && !rec.get("regions").isEmpty(),
                        day ? day(file, parser.getCurrentLineNumber(), parser.getHeaderNames().indexOf(COLLECTION_DAY) + 1, rec.get(COLLECTION_DAY))
                                : Double.NaN));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new Samplesheet(file, rows);
    }

    private static double day(Path file, long line, int column, String v) {
        if (v.isEmpty() || v.equalsIgnoreCase("NA")) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserException(file + " line " + line + " column " + column + " (" + COLLECTION_DAY + "): '" + v + "' is not a number of days");
    }
}
