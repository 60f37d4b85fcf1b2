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

/** The (validated) samplesheet, {@code patient,sample,type,vcf[,regions][,tumor_sample]}: the samples that went in. */
record Samplesheet(Path file, List<Row> rows) {
    record Row(String patient, String sample, String type, boolean hasRegions) {
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
            for (CSVRecord rec : parser) {
                if (!rec.isConsistent()) {
                    throw new UserException(file + " line " + parser.getCurrentLineNumber() + ": " + rec.size() + " fields, the header has "
                            + parser.getHeaderNames().size());
                }
                rows.add(new Row(rec.get("patient"), rec.get("sample"), rec.get("type"), regions && !rec.get("regions").isEmpty()));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new Samplesheet(file, rows);
    }
}
