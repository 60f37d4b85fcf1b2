package org.oncoconcord.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void linesCountBlankLinesCommentsAndQuotedNewlines() {
        List<Problem> problems = new ArrayList<>();
        String text = "a,b\r\n1,2\r\n\r\n\"x\ny\",3\n4,5\n";
        CsvTable t = CsvTable.parse(text, "t.csv", problems);
        assertThat(problems).isEmpty();
        assertThat(t.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4, 6);
        assertThat(t.rows().get(1).get("a")).isEqualTo("x\ny");
        assertThat(t.rows().get(2).get("b")).isEqualTo("5");
    }

    @Test
    void wrongFieldCountsDuplicateHeadersAndBadQuotesAreReported() {
        List<Problem> problems = new ArrayList<>();
        CsvTable t = CsvTable.parse("a,a,\n1,2,3,4\n1,\"2,3\n", "t.csv", problems);
        assertThat(t).isNotNull();
        assertThat(problems).extracting(Problem::format).containsExactly(
                "t.csv:1:2: error: column 'a': duplicate column name in the header",
                "t.csv:1:3: error: empty column name in the header",
                "t.csv:2: error: has 4 fields but the header has 3",
                "t.csv:3: error: malformed CSV: " + problems.get(3).message().substring("malformed CSV: ".length()));
        assertThat(problems.get(3).message()).startsWith("malformed CSV");
    }

    @Test
    void emptyTextHasNoHeader() {
        List<Problem> problems = new ArrayList<>();
        assertThat(CsvTable.parse("", "e.csv", problems)).isNull();
        assertThat(problems).singleElement().extracting(Problem::format).isEqualTo("e.csv:1: error: empty file: no header line");
    }
}
