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
    void aSubcommandBuiltAloneHasTheSameUsageAndRuns() {
        CommandLine full = Main.commandLine();
        for (var e : full.getSubcommands().entrySet()) {
            CommandLine alone = Main.commandLine(new String[] {e.getKey(), "--help"});
            if (e.getKey().equals("help")) {
                assertThat(alone.getSubcommands()).as("help keeps every subcommand").hasSameSizeAs(full.getSubcommands());
                continue;
            }
            assertThat(alone.getSubcommands()).as(e.getKey()).containsOnlyKeys(e.getKey());
            assertThat(alone.getSubcommands().get(e.getKey()).getUsageMessage()).as(e.getKey())
                    .isEqualTo(e.getValue().getUsageMessage());
        }
        for (String[] args : new String[][] {{"concordance", "--version"}, {"concordance", "--no-such-option"},
                {"normalize", "--help"}, {"concordance", "--patient", "P", "--sample", "A=primary:/no/such.vcf",
                "--sample", "B=metastasis:/no/such.vcf", "--out", "/tmp"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine alone = Main.commandLine(args);
            alone.setOut(new PrintWriter(out));
            alone.setErr(new PrintWriter(err));
            StringWriter fullOut = new StringWriter();
            StringWriter fullErr = new StringWriter();
            assertThat(alone.execute(args)).as(String.join(" ", args)).isEqualTo(run(fullOut, fullErr, args));
            assertThat(out.toString()).as(String.join(" ", args)).isEqualTo(fullOut.toString());
            assertThat(err.toString()).as(String.join(" ", args)).isEqualTo(fullErr.toString()).isNotEqualTo(out.toString());
        }
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
