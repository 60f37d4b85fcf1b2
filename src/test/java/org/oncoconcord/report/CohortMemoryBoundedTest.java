package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cohort.CohortAnalysis;
import org.oncoconcord.cohort.ConcordanceReader;
import org.oncoconcord.cohort.MafWriter;
import org.oncoconcord.cohort.PatientConcordance;
import org.oncoconcord.cohort.PlasmaChCalls;

/**
 * The cohort step keeps of each variants table only what its tables need and streams the MAF export patient by
 * patient, reading the tables again: its files must equal what the straightforward in-memory path computes from the
 * same inputs read whole (every patient with its table: the code before this change), on a simulated 60-patient
 * cohort whose input files are listed in an order other than the patients' (subfolders named against the ids).
 */
class CohortMemoryBoundedTest {
    @TempDir
    Path tmp;

    @Test
    void streamedAndDigestedTablesEqualTheInMemoryPath() throws Exception {
        Path flat = tmp.resolve("flat");
        ReportFixture.cohort(flat, 60, 11);
        // input order (sorted paths) differs from patient order: patient P0xx goes to folder (99 - xx)
        Path conc = tmp.resolve("conc");
        List<Path> jsons;
        try (Stream<Path> s = Files.list(flat)) {
            jsons = s.filter(f -> f.getFileName().toString().endsWith(".concordance.json")).sorted().toList();
        }
        for (Path j : jsons) {
            String id = j.getFileName().toString().replace(".concordance.json", "");
            Path dir = conc.resolve(String.format("d%02d", 99 - Integer.parseInt(id.substring(1))));
            Files.createDirectories(dir);
            Files.copy(j, dir.resolve(j.getFileName()));
            Path v = flat.resolve(id + ".variants.tsv");
            if (Files.exists(v)) {
                Files.copy(v, dir.resolve(v.getFileName()));
            }
        }
        Path out = tmp.resolve("cohort");
        ReportRun.Result r = ReportRun.run("cohort", "--concordance", conc.toString(), "--clinical", flat.resolve("clinical.csv").toString(),
                "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();

        List<PatientConcordance> patients = new ArrayList<>();
        for (Path j : jsons) {
            String id = j.getFileName().toString().replace(".concordance.json", "");
            Path v = flat.resolve(id + ".variants.tsv");
            patients.add(ConcordanceReader.read(j, Files.exists(v) ? v : null));
        }
        patients.sort(java.util.Comparator.comparing(PatientConcordance::patient));
        assertThat(patients).allMatch(p -> p.variants() != null);
        Map<String, String> maf = MafWriter.files(patients);
        assertThat(maf.get(MafWriter.MAF).lines().count()).isGreaterThan(60);
        for (var e : maf.entrySet()) {
            assertThat(read(out.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(read(out.resolve("oncoprint.tsv"))).isEqualTo(CohortAnalysis.oncoprint(patients, CohortAnalysis.genes(patients)).toTsv());
        assertThat(read(out.resolve("plasma_ch.tsv"))).isEqualTo(PlasmaChCalls.table(PlasmaChCalls.read(patients)).toTsv());
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
