package org.oncoconcord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void versionPrintsProjectVersion() {
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "--version")).isZero();
        assertThat(out.toString()).startsWith("oncoconcord ").doesNotContain("unknown");
    }

    @Test
    void unknownOptionIsUsageErrorWithExit2() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("--no-such-option");
    }

    @Test
    void everySubcommandHasHelpAndVersion() {
        CommandLine cl = Main.commandLine();
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            var spec = e.getValue().getCommandSpec();
            assertThat(spec.optionsMap()).as(e.getKey()).containsKeys("--help", "--version");
        }
    }
}
