package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;

/**
 * bcftools' own norm test suite (tag 1.16, ../shared/data/bcftools_norm_suite): for each case of
 * CASES.tsv the same options must give data lines identical to bcftools' expected output.
 * All 35 cases run, including the five --atomize/--atom-overlaps ones (29-33).
 */
class BcftoolsSuiteTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> allCases() throws Exception {
        Path dir = SharedData.require("bcftools_norm_suite");
        List<String> rows = Files.readAllLines(dir.resolve("CASES.tsv"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split("\t");
            String name = "case " + c[0] + ": " + c[1] + " [" + c[3] + "]";
            tests.add(DynamicTest.dynamicTest(name, () -> runCase(dir, c)));
        }
        assertThat(tests).hasSize(35);
        return tests.stream();
    }

    private void runCase(Path dir, String[] c) throws Exception {
        List<String> args = new ArrayList<>();
        if (!c[2].equals("-")) {
            args.add("-f");
            args.add(dir.resolve(c[2]).toString());
        }
        if (!c[3].equals("(none)")) {
            args.addAll(Arrays.asList(c[3].trim().split("\\s+")));
        }
        Path out = tmp.resolve("case" + c[0] + ".vcf");
        args.add("-o");
        args.add(out.toString());
        args.add(dir.resolve(c[1]).toString());
        Run r = Run.normalize(args);
        assertThat(r.exit).as(r.err).isZero();
        assertThat(Run.dataLines(out)).containsExactlyElementsOf(inHeaderContigOrder(Run.dataLines(dir.resolve(c[4])),
                Run.headerLines(out)));
    }

    /**
     * bcftools' expected lines, stably re-ordered by the ##contig order of our output's header: bcftools
     * keeps the input's contig order (norm.vcf has contig 20 before 3 while its header lists 3 first),
     * which htslib then cannot index; oncoconcord writes records in the header's order (issue 12 item 11).
     */
    static List<String> inHeaderContigOrder(List<String> lines, List<String> header) {
        List<String> contigs = new ArrayList<>();
        for (String h : header) {
            if (h.startsWith("##contig=<ID=")) {
                contigs.add(h.substring(13).split("[,>]")[0]);
            }
        }
        List<String> data = new ArrayList<>(lines.subList(1, lines.size()));
        data.sort(java.util.Comparator.comparingInt(l -> {
            int i = contigs.indexOf(l.substring(0, l.indexOf('\t')));
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        List<String> out = new ArrayList<>(lines.subList(0, 1));
        out.addAll(data);
        return out;
    }
}
