package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built patient with three plasma draws (docs/PLASMA.md "Serial plasma"): a primary with four
 * clonal variants (VAF 0.4) and plasma drawn at relapse (day 400: 2 of 4 detected at 50/500, the
 * others seen at 0/500), at baseline (day -2: all 4 at 20/1000, plus a plasma-only call) and after
 * surgery (day 30: 0/1000 at every site). With no censored variant the tumour fraction is closed-form,
 * TF = 2 x alt / depth: relapse 2 x 100 / 2000 = 0.1, baseline 2 x 80 / 4000 = 0.04, post-op 0.
 */
class SerialPlasmaTest {
    @TempDir
    Path dir;

    private Path tissue() throws IOException {
        return new SerialPlasmaFixtures(dir).tissue();
    }

    private Path relapse() throws IOException {
        return new SerialPlasmaFixtures(dir).relapse();
    }

    private Path baseline() throws IOException {
        return new SerialPlasmaFixtures(dir).baseline();
    }

    private Path postOp() throws IOException {
        return new SerialPlasmaFixtures(dir).postOp();
    }

    @Test
    void threeDrawsEachAgainstTissueAndTheBaselineAsTheComparison() throws IOException {
        Path t = tissue();
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("out"), "S1", "--genome", "GRCh37",
                "--sample", "T=primary:" + t, "--sample", "PR=plasma:" + relapse(), "--sample", "PB=plasma:" + baseline(),
                "--sample", "PP=plasma:" + postOp(),
                "--timepoint", "PR=relapse", "--collection-day", "PR=400", "--timepoint", "PB=baseline", "--collection-day", "PB=-2",
                "--timepoint", "PP=post-op", "--collection-day", "PP=30");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode serial = r.json().get("serial_plasma");
        assertThat(serial.get("comparison_sample").asText()).isEqualTo("PB");
        assertThat(serial.get("comparison_rule").asText()).isEqualTo("baseline");
        JsonNode draws = serial.get("draws");
        assertThat(draws).hasSize(3);
        assertThat(draws).extracting(d -> d.get("sample").asText()).containsExactly("PR", "PB", "PP");
        assertThat(draws).extracting(d -> d.get("timepoint_kind").asText()).containsExactly("relapse", "baseline", "post-op");
        assertThat(draws).extracting(d -> d.get("collection_day").asDouble()).containsExactly(400.0, -2.0, 30.0);
        assertThat(draws).extracting(d -> d.get("comparison").asBoolean()).containsExactly(false, true, false);
        assertThat(draws).extracting(d -> d.get("tumour_signal").asBoolean()).containsExactly(true, true, false);

        JsonNode rel = draws.get(0);
        // two truncal variants at VAF 0.1 and two with no alt read at 500x: the mixture likelihood (docs/PLASMA.md)
        // explains the two misses by its non-clonal component, so TF ~ 2 x 0.1 (the pooled one-component fit gave 0.1)
        assertThat(rel.get("tumour_fraction_estimate").asDouble()).isCloseTo(0.2, within(0.005));
        assertThat(rel.get("tumour_fraction_lower").asDouble()).isLessThan(0.2);
        assertThat(rel.get("tumour_fraction_upper").asDouble()).isGreaterThan(0.2);
        assertThat(rel.get("tumour_fraction_bin").asText()).isEqualTo(">5%");
        assertThat(rel.get("tissue_variants_detected").asLong()).isEqualTo(2);
        assertThat(rel.get("tissue_variants_evaluable").asLong()).isEqualTo(4);
        // misses at 500 reads, TF/2 = 0.05: P(X >= 3) ~ 1: both informative
        assertThat(rel.get("missed_informative").asLong()).isEqualTo(2);
        assertThat(rel.get("missed_not_informative").asLong()).isZero();
        assertThat(rel.get("sensitivity_all").get("x").asLong()).isEqualTo(2);
        assertThat(rel.get("sensitivity_all").get("n").asLong()).isEqualTo(4);
        assertThat(rel.get("sensitivity_informative").get("n").asLong()).isEqualTo(4);
        assertThat(rel.get("plasma_only").asLong()).isZero();

        JsonNode base = draws.get(1);
        assertThat(base.get("tumour_fraction_estimate").asDouble()).isCloseTo(0.04, within(1e-6));
        assertThat(base.get("tumour_fraction_bin").asText()).isEqualTo("1-5%");
        assertThat(base.get("tissue_variants_detected").asLong()).isEqualTo(4);
        assertThat(base.get("sensitivity_all").get("estimate").asDouble()).isEqualTo(1.0);
        assertThat(base.get("plasma_only").asLong()).isEqualTo(1);
        assertThat(base.get("max_somatic_vaf").asDouble()).isCloseTo(0.02, within(1e-9));

        JsonNode post = draws.get(2);
        assertThat(post.get("tumour_fraction_estimate").asDouble()).isZero();
        // four variants at 0/1000: the mixture's upper bound (clonal share at its floor 0.5, as in
        // TumourFractionTest.mixtureZeroAltUpperBoundByHand) solves 4 log(0.5 (1-q)^1000 + 0.5 (1 - (1-q)^1001) / (1001 q)) = -chi2(0.95, 1)/2
        // solved by bisection (independently of the Java code): TF = 0.0013471878; the tool's bounds are
        // located to 1e-6 absolute (as in TumourFractionTest)
        assertThat(post.get("tumour_fraction_upper").asDouble()).isCloseTo(0.0013471878, within(1e-6));
        assertThat(post.get("tissue_variants_detected").asLong()).isZero();
        assertThat(post.get("missed_not_informative").asLong()).isEqualTo(4);
        assertThat(post.get("sensitivity_informative").get("n").asLong()).isZero();
        assertThat(post.get("sensitivity_informative").get("estimate").isNull()).isTrue();

        // the single-plasma outputs are those of the comparison draw alone
        assertThat(r.json().get("plasma").get("label").asText()).isEqualTo("PB");
        assertThat(r.header()).doesNotContain("PR.present", "PP.present").contains("PB.present");
        ConcordanceRunner.Result alone = ConcordanceRunner.run(dir.resolve("alone"), "S1", "--genome", "GRCh37",
                "--sample", "T=primary:" + t, "--sample", "PB=plasma:" + dir.resolve("PB.vcf"));
        assertThat(alone.exit()).as(alone.err()).isZero();
        ObjectNode serialLess = r.json().deepCopy();
        serialLess.remove("serial_plasma");
        assertThat(serialLess).isEqualTo(alone.json());
        assertThat(alone.json().has("serial_plasma")).isFalse();
        assertThat(Files.readString(dir.resolve("out/S1.variants.tsv"))).isEqualTo(Files.readString(dir.resolve("alone/S1.variants.tsv")));
        assertThat(dir.resolve("alone/S1.serial_plasma.tsv")).doesNotExist();

        // serial_plasma.tsv: every variants.tsv row of each draw's run, nothing else
        List<String> rows = Files.readAllLines(dir.resolve("out/S1.serial_plasma.tsv"));
        assertThat(rows.get(0)).isEqualTo(SerialPlasma.HEADER);
        assertThat(rows).hasSize(1 + 4 + 5 + 4);
        assertThat(rows.get(1)).isEqualTo("1:100:A>C\t.\tPR\trelapse\t400\tshared_all\t1\t0.1\t500\t1");
        assertThat(rows.get(3)).isEqualTo("1:300:A>C\t.\tPR\trelapse\t400\tprimary_only\t0\t0.0\t500\t1");
        assertThat(rows.get(9)).isEqualTo("1:900:A>C\t.\tPB\tbaseline\t-2\tplasma_only\t1\t0.01\t1000\t1");
        assertThat(rows.get(13)).isEqualTo("1:400:A>C\t.\tPP\tpost-op\t30\tprimary_only\t0\t0.0\t1000\t1");
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("S1.concordance.json", "S1.serial_plasma.tsv", "S1.variants.tsv");
        }
    }

    @Test
    void withoutBaselineTheEarliestDayIsCompared() throws IOException {
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("out"), "S2", "--genome", "GRCh37",
                "--sample", "T=primary:" + tissue(), "--sample", "PR=plasma:" + relapse(), "--sample", "PP=plasma:" + postOp(),
                "--collection-day", "PR=400", "--collection-day", "PP=30");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("serial_plasma").get("comparison_sample").asText()).isEqualTo("PP");
        assertThat(r.json().get("serial_plasma").get("comparison_rule").asText()).isEqualTo("earliest_collection_day");
        assertThat(r.json().get("plasma").get("label").asText()).isEqualTo("PP");
        assertThat(r.json().get("serial_plasma").get("draws").get(0).get("timepoint").isNull()).isTrue();
    }

    @Test
    void comparisonRule() {
        assertThat(PlasmaDraw.choose(List.of(new PlasmaDraw("A", "x", null), new PlasmaDraw("B", "y", null))))
                .isEqualTo(new PlasmaDraw.Chosen(0, PlasmaDraw.Choice.FIRST));
        assertThat(PlasmaDraw.choose(List.of(new PlasmaDraw("A", null, 5.0), new PlasmaDraw("B", "BaseLine", 9.0),
                new PlasmaDraw("C", "baseline", 7.0)))).isEqualTo(new PlasmaDraw.Chosen(2, PlasmaDraw.Choice.BASELINE));
        assertThat(PlasmaDraw.choose(List.of(new PlasmaDraw("A", "post-op", 5.0), new PlasmaDraw("B", null, -1.0))))
                .isEqualTo(new PlasmaDraw.Chosen(1, PlasmaDraw.Choice.EARLIEST_DAY));
        assertThat(PlasmaDraw.choose(List.of(new PlasmaDraw("A", null, null)))).isEqualTo(new PlasmaDraw.Chosen(0, PlasmaDraw.Choice.ONLY));
    }

    @Test
    void drawsThatCannotBeToldApartAreUsageErrors() throws IOException {
        Path t = tissue();
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("out"), "S3", "--genome", "GRCh37",
                "--sample", "T=primary:" + t, "--sample", "PR=plasma:" + relapse(), "--sample", "PP=plasma:" + postOp());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("plasma sample 'PR' has neither a timepoint nor a collection_day");
        r = ConcordanceRunner.run(dir.resolve("out"), "S3", "--genome", "GRCh37",
                "--sample", "T=primary:" + t, "--sample", "PR=plasma:" + relapse(), "--sample", "PP=plasma:" + postOp(),
                "--timepoint", "PR=post-op", "--timepoint", "PP=post-op");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'PR' and 'PP' have the same timepoint ('post-op') and collection_day (none)");
        r = ConcordanceRunner.run(dir.resolve("out"), "S3", "--genome", "GRCh37",
                "--sample", "T=primary:" + t, "--sample", "PR=plasma:" + relapse(), "--timepoint", "T=baseline");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("label 'T', which is not a plasma --sample");
        r = ConcordanceRunner.run(dir.resolve("out"), "S3", "--genome", "GRCh37",
                "--sample", "T=primary:" + t, "--sample", "PR=plasma:" + relapse(), "--collection-day", "PR=day3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--collection-day").contains("day3");
        r = ConcordanceRunner.run(dir.resolve("out"), "S3", "--genome", "GRCh37", "--sample", "PR=plasma:" + relapse(),
                "--sample", "PP=plasma:" + postOp(), "--collection-day", "PR=400", "--collection-day", "PP=30");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give a primary or metastasis --sample");
        assertThat(dir.resolve("out/S3.concordance.json")).doesNotExist();
    }
}
