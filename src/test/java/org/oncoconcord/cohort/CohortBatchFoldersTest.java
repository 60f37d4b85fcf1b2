package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's COHORT task stages one folder per batch (concordance/&lt;n&gt;/concordance/, each a
 * symbolic link to a CONCORDANCE task's output folder). Patients split over batch folders, in an
 * order unrelated to their ids, must give the same tables, byte for byte, as all patients in one folder.
 */
class CohortBatchFoldersTest {

    @Test
    void batchFoldersGiveTheTablesOfOneFolder(@TempDir Path tmp) throws Exception {
        Path flat = CohortFixtures.copyFixture(tmp.resolve("flat"));
        Path clinical = flat.resolve("clinical.csv");
        CohortCommandTest.Run a = CohortCommandTest.run("cohort", "--concordance", flat.toString(), "--clinical", clinical.toString(),
                "--out", tmp.resolve("out_flat").toString(), "--quiet", "--skip-bad-inputs");
        assertThat(a.exit()).as(a.err()).isZero();

        // two CONCORDANCE task folders: batch 1 holds the later patients, batch 2 the earlier ones
        Path task1 = Files.createDirectories(tmp.resolve("work1/concordance"));
        Path task2 = Files.createDirectories(tmp.resolve("work2/concordance"));
        List<Path> files;
        try (Stream<Path> s = Files.list(flat)) {
            files = s.filter(f -> !f.getFileName().toString().equals("clinical.csv")).sorted().toList();
        }
        List<String> patients = new ArrayList<>(files.stream().map(f -> f.getFileName().toString().split("\\.")[0]).distinct().toList());
        assertThat(patients).hasSizeGreaterThanOrEqualTo(3);
        for (Path f : files) {
            String patient = f.getFileName().toString().split("\\.")[0];
            Path task = patients.indexOf(patient) < patients.size() / 2 ? task2 : task1;
            Files.copy(f, task.resolve(f.getFileName()));
        }
        Path staged = tmp.resolve("cohort_task/concordance");
        Files.createDirectories(staged.resolve("1"));
        Files.createDirectories(staged.resolve("2"));
        Files.createSymbolicLink(staged.resolve("1/concordance"), task1);
        Files.createSymbolicLink(staged.resolve("2/concordance"), task2);
        CohortCommandTest.Run b = CohortCommandTest.run("cohort", "--concordance", staged.toString(), "--clinical", clinical.toString(),
                "--out", tmp.resolve("out_batches").toString(), "--quiet", "--skip-bad-inputs");
        assertThat(b.exit()).as(b.err()).isZero();

        List<Path> outputs;
        try (Stream<Path> s = Files.walk(tmp.resolve("out_flat"))) {
            outputs = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(outputs).hasSizeGreaterThan(5);
        int compared = 0;
        for (Path f : outputs) {
            Path rel = tmp.resolve("out_flat").relativize(f);
            Path other = tmp.resolve("out_batches").resolve(rel);
            assertThat(other).as(rel.toString()).exists();
            if (rel.toString().equals("cohort.json")) {
                continue; // names the --concordance argument
            }
            String text = Files.readString(f);
            // the source column of rejects/warnings names the file where it was found
            String otherText = Files.readString(other).replace(task1.toString(), flat.toString()).replace(task2.toString(), flat.toString())
                    .replace(staged.resolve("1/concordance").toString(), flat.toString()).replace(staged.resolve("2/concordance").toString(), flat.toString());
            assertThat(otherText).as(rel.toString()).isEqualTo(text);
            compared++;
        }
        assertThat(compared).isEqualTo(outputs.size() - 1);
    }
}
