package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;

/** Runs {@code oncoconcord concordance} in-process and reads its outputs. */
final class ConcordanceRunner {
    private ConcordanceRunner() {
    }

    record Result(int exit, String err, JsonNode json, List<String[]> rows, String[] header) {
        JsonNode pair(String a, String b) {
            for (JsonNode p : json.get("pairs")) {
                if (p.get("a").asText().equals(a) && p.get("b").asText().equals(b)) {
                    return p;
                }
            }
            throw new AssertionError("no pair " + a + "/" + b);
        }

        int col(String name) {
            int i = Arrays.asList(header).indexOf(name);
            assertThat(i).as("column " + name).isNotNegative();
            return i;
        }
    }

    static Result run(Path out, String patient, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("concordance", "--quiet", "--patient", patient, "--out", out.toString()));
        all.addAll(List.of(args));
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = cl.execute(all.toArray(String[]::new));
        Path json = out.resolve(patient + ".concordance.json");
        Path tsv = out.resolve(patient + ".variants.tsv");
        if (exit != 0) {
            return new Result(exit, err.toString(), null, null, null);
        }
        List<String> lines = Files.readAllLines(tsv);
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(l.split("\t", -1));
        }
        return new Result(exit, err.toString(), new ObjectMapper().readTree(json.toFile()), rows, lines.get(0).split("\t"));
    }
}
