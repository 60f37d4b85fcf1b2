package org.oncoconcord.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cohort.ClinicalTable;
import org.oncoconcord.io.DelimitedTable;
import org.oncoconcord.survival.DataTable;
import org.oncoconcord.validate.CsvTable;
import org.oncoconcord.validate.Problem;

/**
 * The clinical table reads the same through every step that reads it (validate, cohort, survival:
 * all on io.DelimitedTable): one awkward file with a byte-order mark, CRLF line ends, quoted fields
 * holding commas, a quoted line break, NA cells, blank and blank-only lines and padded cells; expected
 * cells written out by hand.
 */
class ClinicalReadersAgreeTest {
    @TempDir
    Path dir;

    static final String AWKWARD = "\uFEFFpatient, os_days ,os_event,stage,notes\r\n"
            + "P1,812,1,III,\"liver, lung\"\r\n"
            + "\r\n"
            + "  \t \r\n"
            + " P2 , NA ,0, IV ,\"two\r\nlines\"\r\n"
            + "P3,,1,NA,\"said \"\"no\"\"\"\r\n";

    /** patient -> column -> cell, as a reader should give them. */
    static Map<String, Map<String, String>> expected() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("P1", row("812", "1", "III", "liver, lung"));
        m.put("P2", row("NA", "0", "IV", "two\r\nlines"));
        m.put("P3", row("", "1", "NA", "said \"no\""));
        return m;
    }

    private static Map<String, String> row(String os, String event, String stage, String notes) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("os_days", os);
        r.put("os_event", event);
        r.put("stage", stage);
        r.put("notes", notes);
        return r;
    }

    @Test
    void validateCohortAndSurvivalReadTheSameCells() throws Exception {
        Path csv = dir.resolve("clinical.csv");
        Files.writeString(csv, AWKWARD, StandardCharsets.UTF_8);
        List<String> columns = List.of("os_days", "os_event", "stage", "notes");

        ClinicalTable cohort = ClinicalTable.read(csv);
        assertThat(cohort.columns()).isEqualTo(columns);
        assertThat(cohort.rows()).isEqualTo(expected());

        List<Problem> problems = new ArrayList<>();
        CsvTable validate = CsvTable.read(csv, "clinical.csv", problems);
        assertThat(problems).isEmpty();
        assertThat(validate.header()).isEqualTo(List.of("patient", "os_days", "os_event", "stage", "notes"));
        Map<String, Map<String, String>> fromValidate = new LinkedHashMap<>();
        for (CsvTable.Row r : validate.rows()) {
            Map<String, String> cells = new LinkedHashMap<>(r.cells());
            fromValidate.put(cells.remove("patient"), cells);
        }
        assertThat(fromValidate).isEqualTo(expected());

        DataTable survival = DataTable.read(csv);
        assertThat(survival.names()).isEqualTo(validate.header());
        Map<String, Map<String, String>> fromSurvival = new LinkedHashMap<>();
        for (int i = 0; i < survival.rows(); i++) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (String c : columns) {
                cells.put(c, survival.cell(c, i));
            }
            fromSurvival.put(survival.cell("patient", i), cells);
        }
        assertThat(fromSurvival).isEqualTo(expected());

        // the same line numbers (blank lines counted, the quoted line break too)
        assertThat(validate.rows()).extracting(CsvTable.Row::line).containsExactly(2, 5, 7);
        assertThat(List.of(survival.line(0), survival.line(1), survival.line(2))).containsExactly(2, 5, 7);
        // and one missing-value rule
        assertThat(DataTable.isMissing(cohort.value("P2", "os_days"))).isTrue();
        assertThat(DataTable.isMissing(cohort.value("P3", "os_days"))).isTrue();
        assertThat(DelimitedTable.isMissing(cohort.value("P1", "os_days"))).isFalse();
    }

    @Test
    void aTsvNameIsTabSeparatedForEveryReader() throws Exception {
        Path tsv = Files.writeString(dir.resolve("clinical.tsv"), "patient\tos_days\tnotes\nP1\t5\ta, b\n");
        assertThat(ClinicalTable.read(tsv).value("P1", "notes")).isEqualTo("a, b");
        assertThat(DataTable.read(tsv).cell("notes", 0)).isEqualTo("a, b");
        List<Problem> problems = new ArrayList<>();
        assertThat(CsvTable.read(tsv, "clinical.tsv", problems).rows().get(0).get("notes")).isEqualTo("a, b");
        assertThat(problems).isEmpty();
    }

    @Test
    void aRaggedLineIsNamedByLineEverywhere() throws Exception {
        Path csv = Files.writeString(dir.resolve("c.csv"), "patient,age\n\nP1,60,extra\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ClinicalTable.read(csv)))
                .hasMessageContaining("c.csv line 3: 3 fields");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DataTable.read(csv)))
                .hasMessageContaining("c.csv line 3: 3 fields");
        List<Problem> problems = new ArrayList<>();
        CsvTable.read(csv, "c.csv", problems);
        assertThat(problems).extracting(Problem::format).containsExactly("c.csv:3: error: has 3 fields but the header has 2");
    }
}
