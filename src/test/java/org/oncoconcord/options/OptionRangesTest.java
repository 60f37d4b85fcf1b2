package org.oncoconcord.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 12 item 16: one range rule per option, the same in every command. Walks every registered
 * subcommand's picocli spec and requires each option of a numeric type (also the element type of a
 * list and the value type of a LABEL=NUMBER map) to use an {@link Ranges} converter, so a new
 * option cannot skip the rule; then runs the bad values of the issue through every command.
 */
class OptionRangesTest {
    /**
     * Commands whose numeric options are checked elsewhere, with the reason. survival: the
     * surv-methods helper moves survival.OptionRanges onto these converters in the same session.
     */
    /** Subcommands left out of the walk, each with its reason (none: survival moved onto options.Ranges in session 4). */
    private static final Map<String, String> ALLOWED = Map.of();

    private static final Set<Class<?>> NUMERIC = Set.of(int.class, Integer.class, long.class, Long.class, double.class, Double.class,
            float.class, Float.class, short.class, Short.class, byte.class, Byte.class, java.math.BigDecimal.class, java.math.BigInteger.class);

    @Test
    void everyNumericOptionOfEveryCommandUsesARangesConverter() {
        List<String> missing = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        walk(Main.commandLine(), "oncoconcord", missing, checked);
        assertThat(missing).as("numeric options without an options.Ranges converter").isEmpty();
        assertThat(checked).as("the walk found the numeric options").contains("oncoconcord normalize --min-vaf",
                "oncoconcord concordance --min-vaf", "oncoconcord pileup --alpha", "oncoconcord simulate --seed");
    }

    private static void walk(CommandLine cl, String path, List<String> missing, List<String> checked) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            Class<?> t = o.type();
            Class<?>[] aux = o.auxiliaryTypes();
            boolean isMap = Map.class.isAssignableFrom(t);
            Class<?> valueType = isMap ? aux[aux.length - 1] : (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) ? aux[0] : t;
            if (!NUMERIC.contains(valueType)) {
                continue;
            }
            String name = path + " " + o.longestName();
            checked.add(name);
            CommandLine.ITypeConverter<?>[] conv = o.converters();
            CommandLine.ITypeConverter<?> valueConv = conv.length == 0 ? null : conv[isMap ? conv.length - 1 : 0];
            if (valueConv == null || valueConv.getClass().getEnclosingClass() != Ranges.class) {
                missing.add(name);
            }
        }
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            if (ALLOWED.containsKey(sub.getKey()) || sub.getKey().equals("help")) {
                continue;
            }
            walk(sub.getValue(), path + " " + sub.getKey(), missing, checked);
        }
    }

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Run(cl.execute(args), err.toString());
    }

    /** The same bad value is the same usage error (exit 2, option named, range stated) in every command. */
    @Test
    void badValuesAreTheSameUsageErrorEverywhere() {
        String[][] cases = {
            {"--min-vaf", "1.5", "a fraction in [0, 1]", "normalize", "--min-vaf", "1.5"},
            {"--min-vaf", "NaN", "a fraction in [0, 1]", "normalize", "--min-vaf", "NaN"},
            {"--min-vaf", "1.5", "a fraction in [0, 1]", "concordance", "--patient", "X", "--out", "o", "--sample", "P=plasma:x.vcf",
                "--min-vaf", "P=1.5"},
            {"--min-vaf", "Infinity", "a fraction in [0, 1]", "concordance", "--patient", "X", "--out", "o", "--sample", "P=plasma:x.vcf",
                "--min-vaf", "P=Infinity"},
            {"--min-depth", "-5", "an integer >= 0", "normalize", "--min-depth", "-5"},
            {"--min-depth", "-5", "an integer >= 0", "concordance", "--patient", "X", "--out", "o", "--sample", "P=plasma:x.vcf",
                "--min-depth", "P=-5"},
            {"--min-depth", "0", "an integer >= 1", "pileup", "--sites", "s", "--bam", "b", "-o", "o", "--min-depth", "0"},
            {"--site-win", "0", "an integer >= 1", "normalize", "-w", "0"},
            {"--plasma-min-alt", "0", "an integer >= 1", "concordance", "--patient", "X", "--out", "o", "--sample", "P=plasma:x.vcf",
                "--plasma-min-alt", "0"},
            {"--alpha", "1e400", "a probability in (0, 1)", "pileup", "--sites", "s", "--bam", "b", "-o", "o", "--alpha", "1e400"},
            {"--min-error-rate", "NaN", "a probability in (0, 1)", "pileup", "--sites", "s", "--bam", "b", "-o", "o", "--min-error-rate", "NaN"},
            {"--patients", "0", "an integer >= 1", "simulate", "--patients", "0", "--seed", "1", "--out", "o"},
            {"--seed", "1e400", "an integer in [0, ", "simulate", "--patients", "2", "--seed", "1e400", "--out", "o"},
            {"--seed", "-1", "an integer in [0, ", "simulate-recovery", "--seed", "-1", "--out", "o"},
            {"--cv-repeats", "-1", "an integer >= 0", "simulate-recovery", "--seed", "1", "--out", "o", "--cv-repeats", "-1"},
            {"--threads", "0", "an integer >= 1", "batch", "--threads", "0", "x"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 3, c.length);
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            // a LABEL=VALUE map option shows its label, then the value it refuses
            assertThat(r.err().lines().findFirst().orElse("")).as(String.join(" ", args))
                    .matches("Invalid value for option '" + c[0] + "'( \\(LABEL=[A-Z]\\))?: '" + java.util.regex.Pattern.quote(c[1])
                            + "' is not " + java.util.regex.Pattern.quote(c[2]) + ".*");
        }
    }
}
