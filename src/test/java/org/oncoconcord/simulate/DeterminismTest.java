package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedGivesByteIdenticalStudies(@TempDir Path a, @TempDir Path b) throws IOException {
        StudyWriter.write(CohortSimulator.simulate(ConfigLoader.defaults(), 5150, 9), a, true);
        StudyWriter.write(CohortSimulator.simulate(ConfigLoader.defaults(), 5150, 9), b, true);
        List<Path> fa = files(a);
        assertThat(fa).isEqualTo(files(b));
        assertThat(fa).contains(Path.of("reference.fa"), Path.of("reference.fa.fai"), Path.of("genes.tsv"),
                Path.of("samplesheet.csv"), Path.of("clinical.csv"), Path.of("truth.json"));
        assertThat(fa.stream().filter(p -> p.toString().endsWith(".vcf.gz")).count()).isGreaterThanOrEqualTo(18);
        for (Path f : fa) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    @Test
    void differentSeedsGiveDifferentStudies(@TempDir Path a, @TempDir Path b) throws IOException {
        StudyWriter.write(CohortSimulator.simulate(ConfigLoader.defaults(), 5150, 4), a, true);
        StudyWriter.write(CohortSimulator.simulate(ConfigLoader.defaults(), 5151, 4), b, true);
        assertThat(Files.readAllBytes(a.resolve("truth.json"))).isNotEqualTo(Files.readAllBytes(b.resolve("truth.json")));
        assertThat(Files.readAllBytes(a.resolve("reference.fa"))).isNotEqualTo(Files.readAllBytes(b.resolve("reference.fa")));
    }

    @Test
    void aPatientDoesNotDependOnCohortSize() {
        var small = CohortSimulator.simulate(ConfigLoader.defaults(), 77, 5);
        var large = CohortSimulator.simulate(ConfigLoader.defaults(), 77, 40);
        for (int i = 0; i < 5; i++) {
            var p = small.patients().get(i);
            var q = large.patients().get(i);
            assertThat(q.tumourVariants()).isEqualTo(p.tumourVariants());
            assertThat(q.clinical()).isEqualTo(p.clinical());
        }
    }
}
