package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SystemTools;

/**
 * Differential test against Debian's {@code bcftools norm} (skipped when absent): random
 * reference and VCFs from fixed seeds; the data lines must be identical for each option set. The
 * {@code -a} (atomize) sets use inputs that also hold multiallelic MNPs, complex substitutions,
 * symbolic/star alleles, haploid and missing genotypes, and AD/QS fields that atomizing sums.
 * Other seeds: {@code -Dnormalize.diff.seeds=100-199} (or a comma list); keep the inputs and
 * outputs with {@code -Dnormalize.diff.keep=DIR}.
 */
class DifferentialTest {
    static final List<List<String>> OPTION_SETS = List.of(
            List.of("-m", "-any"),
            List.of(),
            List.of("-m", "-both", "-c", "w"),
            List.of("-m", "+any"),
            List.of("-m", "+both"),
            List.of("-d", "exact"),
            List.of("-d", "both"),
            List.of("-m", "-any", "--old-rec-tag", "OLD_REC"),
            List.of("-a"),
            List.of("-a", "-m", "-any"),
            List.of("-a", "--atom-overlaps", ".", "--old-rec-tag", "OLD_REC"),
            List.of("-a", "-m", "-any", "--atom-overlaps", ".", "--old-rec-tag", "OLD_REC"),
            // inputs with bad REF alleles (swapped, wrong, N, duplicated as an ALT) fixed by -c s
            List.of("-c", "s"),
            List.of("-c", "ws", "-m", "-any"));

    @TempDir
    Path tmp;

    static List<Long> seeds() {
        String p = System.getProperty("normalize.diff.seeds", "1-6");
        List<Long> out = new ArrayList<>();
        for (String part : p.split(",")) {
            if (part.contains("-")) {
                String[] ab = part.split("-");
                for (long s = Long.parseLong(ab[0]); s <= Long.parseLong(ab[1]); s++) {
                    out.add(s);
                }
            } else {
                out.add(Long.parseLong(part.trim()));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> randomVcfsAgreeWithBcftools() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed : seeds()) {
            for (List<String> opts : OPTION_SETS) {
                tests.add(DynamicTest.dynamicTest("seed " + seed + " " + String.join(" ", opts), () -> compare(seed, opts)));
            }
        }
        return tests.stream();
    }

    private void compare(long seed, List<String> opts) throws IOException, InterruptedException {
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        String keep = System.getProperty("normalize.diff.keep");
        Path base = keep != null ? Path.of(keep) : tmp;
        Path dir = Files.createDirectories(base.resolve("seed" + seed + "_" + String.join("", opts).replace(' ', '_')));
        RandomVcf g = new RandomVcf(seed, opts.contains("-a") || opts.contains("+any") || opts.contains("+both"));
        g.badRefs = opts.contains("s") || opts.contains("ws");
        Path fa = dir.resolve("ref.fa");
        g.writeFasta(fa);
        Path vcf = dir.resolve("in.vcf");
        g.writeVcf(vcf, 150);
        Path ours = dir.resolve("ours.vcf");
        List<String> args = new ArrayList<>(List.of("-f", fa.toString()));
        args.addAll(opts);
        args.addAll(List.of("-o", ours.toString(), vcf.toString()));
        Run r = Run.normalize(args);

        List<String> cmd = new ArrayList<>(List.of(bcftools.toString(), "norm", "--no-version", "-f", fa.toString()));
        cmd.addAll(opts);
        cmd.add(vcf.toString());
        Path theirs = dir.resolve("bcftools.vcf");
        Process p = new ProcessBuilder(cmd).redirectOutput(theirs.toFile()).redirectError(dir.resolve("bcftools.err").toFile()).start();
        if (p.waitFor() != 0) {
            // inputs bcftools refuses (e.g. joining haploid with diploid records): ours refuses them
            // too, with one line naming the file, the line and the same position
            String theirError = Files.readString(dir.resolve("bcftools.err"));
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("(?:at|position) (\\S+):(\\d+)").matcher(theirError);
            assertThat(at.find()).as(theirError).isTrue();
            assertThat(r.exit).as("bcftools failed with %s but we did not (inputs in %s)", theirError, dir).isEqualTo(1);
            assertThat(r.err).contains(vcf + ": line ", " at " + at.group(1) + ":" + at.group(2));
            return;
        }
        assertThat(r.exit).as(r.err).isZero();
        List<String> expected = Run.dataLines(theirs);
        List<String> actual = Run.dataLines(ours);
        assertThat(expected.size()).isGreaterThan(100);
        assertThat(actual).as("seed %d, options %s (inputs kept in %s)", seed, opts, dir).containsExactlyElementsOf(expected);
        assertThat(Files.readString(theirs, StandardCharsets.ISO_8859_1)).isNotEmpty();
        ReliabilityTest.assertBcftoolsReads(ours);
    }
}
