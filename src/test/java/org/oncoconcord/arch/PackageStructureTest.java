package org.oncoconcord.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SharedData;

/**
 * The drawn package structure (docs/CONTRACTS.md), checked on the import lines of src/main/java:
 * only {@code cli} imports {@code cli}; the leaf packages import no step package; no cycles
 * between packages; no forbidden edge between step packages ({@link #FORBIDDEN}). Same-package references need no import, and fully qualified references in
 * code are counted too.
 */
class PackageStructureTest {
    /** Shared plumbing and value types that every step may use; they use no step. */
    static final Set<String> LEAVES = Set.of("core", "io", "options", "vcf", "contract");
    /**
     * Known offenders, each to be removed by a named change (never add one). None left: simulate's
     * RecoveryPipeline runs normalize through its typed API and the other steps through their own
     * command classes, not through {@code Main}.
     */
    static final Set<String> KNOWN_CLI_IMPORTERS = Set.of();
    /**
     * Step-package edges that must not exist (from -> to): what both sides need lives in a leaf
     * package. cohort reads concordance's outputs through {@code contract}, never its classes.
     */
    static final Map<String, Set<String>> FORBIDDEN = Map.of("cohort", Set.of("concordance"));
    private static final Pattern REF = Pattern.compile("\\borg\\.oncoconcord\\.([a-z]+)\\.");

    /** package -> the other oncoconcord packages it references. */
    static Map<String, Set<String>> dependencies() throws IOException {
        Path root = SharedData.projectDir().resolve("src/main/java/org/oncoconcord");
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                if (pkg.isEmpty()) {
                    continue;
                }
                String top = pkg.split("\\.")[0];
                Set<String> to = deps.computeIfAbsent(top, k -> new TreeSet<>());
                for (String line : Files.readAllLines(f)) {
                    String code = line.strip();
                    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*") || code.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REF.matcher(code);
                    while (m.find()) {
                        if (!m.group(1).equals(top)) {
                            to.add(m.group(1));
                        }
                    }
                }
            }
        }
        return deps;
    }

    @Test
    void theGraphIsReadFromTheSources() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertThat(deps.keySet()).contains("cli", "core", "io", "normalize", "concordance", "cohort", "survival", "report");
        assertThat(deps.get("cli")).as("Main registers the steps").contains("normalize", "concordance", "cohort");
    }

    @Test
    void onlyCliImportsCli() throws IOException {
        List<String> offenders = new ArrayList<>();
        dependencies().forEach((pkg, to) -> {
            if (!pkg.equals("cli") && !KNOWN_CLI_IMPORTERS.contains(pkg) && to.contains("cli")) {
                offenders.add(pkg);
            }
        });
        assertThat(offenders).as("packages importing org.oncoconcord.cli").isEmpty();
        for (String known : KNOWN_CLI_IMPORTERS) {
            assertThat(dependencies().get(known)).as("%s no longer imports cli: remove it from KNOWN_CLI_IMPORTERS", known)
                    .contains("cli");
        }
    }

    @Test
    void leafPackagesImportNoStepPackage() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        for (String leaf : LEAVES) {
            Set<String> to = deps.getOrDefault(leaf, Set.of());
            assertThat(LEAVES).as("%s may import only leaf packages, imports %s", leaf, to).containsAll(to);
        }
    }

    @Test
    void forbiddenEdgesAreAbsent() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        FORBIDDEN.forEach((from, tos) -> {
            assertThat(deps).as("package %s exists", from).containsKey(from);
            assertThat(deps.get(from)).as("packages %s imports", from).doesNotContainAnyElementsOf(tos);
        });
    }

    @Test
    void noCyclesBetweenPackages() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            List<String> path = new ArrayList<>();
            path.add(start);
            findCycle(start, start, deps, path, new TreeSet<>(), cycles);
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> deps, List<String> path,
                                  Set<String> seen, List<String> cycles) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals("cli") && KNOWN_CLI_IMPORTERS.contains(at)) {
                continue; // the known offender, checked in onlyCliImportsCli
            }
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (next.compareTo(start) > 0 && seen.add(next)) {
                path.add(next);
                findCycle(start, next, deps, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
