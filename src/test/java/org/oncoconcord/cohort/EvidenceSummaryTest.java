package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractFixtures;

/**
 * {@code cohort/evidence_summary.tsv} from a hand-built cohort of concordance.json files (docs/PILEUP.md):
 * E1 with reads for its primary and metastasis (not its plasma), E2 with reads for its metastasis only,
 * E3 without any BAM. Every count is worked out by hand; every row adds up (sites = called + below +
 * measured absent + not assessable + unchanged), the cohort rows are the sums of the patient rows, and
 * patients or sample types without reads are listed as "no reads", not dropped. Class level (rows over all
 * sample types): E1's VCF-only and evidence classes grouped by hand, each view adding up to the variants;
 * E2's concordance.json predates classes_vcf (NA); the cohort row sums the patients that have them.
 */
class EvidenceSummaryTest {
    @TempDir
    Path dir;

    private static ConcordanceJson patient(String id, boolean plasma, ConcordanceJson.Evidence evidence) {
        List<ConcordanceJson.Sample> samples = plasma
                ? List.of(ContractFixtures.sample(id + "_T", "primary", 10), ContractFixtures.sample(id + "_M", "metastasis", 12),
                        ContractFixtures.sample(id + "_P", "plasma", 3))
                : List.of(ContractFixtures.sample(id + "_T", "primary", 10), ContractFixtures.sample(id + "_M", "metastasis", 12));
        ConcordanceJson c = ContractFixtures.concordance(id, samples,
                List.of(ContractFixtures.pair(id + "_T", "primary", id + "_M", "metastasis", 8, 2, 4, 0)),
                Map.of("shared_primary_metastasis", 8L, "primary_only", 2L, "metastasis_new", 4L), Map.of(),
                ContractFixtures.ras(Map.of(), Map.of()), plasma ? ContractFixtures.plasma(id + "_P", 0.02, true) : null);
        return evidence == null ? c : c.withEvidence(evidence);
    }

    private static ConcordanceJson.EvidenceSample sample(String label, long called, long below, long measuredAbsent, long notAssessable,
                                                         long unchanged) {
        return new ConcordanceJson.EvidenceSample(label, called + below + measuredAbsent + notAssessable + unchanged, called, below,
                measuredAbsent, notAssessable, unchanged);
    }

    @Test
    void perPatientAndTypeRowsAddUpToTheCohortTotals() throws Exception {
        Path in = Files.createDirectories(dir.resolve("conc"));
        // E1: 14 variants; from the VCFs alone 6 shared, 3 primary only, 5 metastasis only; the reads made one of each
        // private group shared (its classes: 8 shared_primary_metastasis, 2 primary_only, 4 metastasis_new)
        ContractFixtures.write(in, patient("E1", true, new ConcordanceJson.Evidence("E1.evidence.tsv", 60, 28, 32,
                List.of(sample("E1_T", 10, 3, 0, 1, 0), sample("E1_M", 12, 1, 1, 0, 0)),
                Map.of("shared_primary_metastasis", 6L, "primary_only", 3L, "metastasis_new", 5L),
                List.of(new ConcordanceJson.ClassChange("primary_only", "shared_primary_metastasis", 1),
                        new ConcordanceJson.ClassChange("metastasis_new", "shared_primary_metastasis", 1)))));
        // E2: a concordance.json written before classes_vcf existed: its class columns are NA
        ContractFixtures.write(in, patient("E2", false, new ConcordanceJson.Evidence("E2.evidence.tsv", 14, 14, 0,
                List.of(sample("E2_M", 12, 0, 0, 0, 2)))));
        ContractFixtures.write(in, patient("E3", true, null));
        Files.writeString(in.resolve("clinical.csv"), "patient,os_days,os_event\nE1,100,0\nE2,200,1\nE3,300,0\n");
        Path out = dir.resolve("out");
        var cl = Main.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cl.execute("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(), "--out",
                out.toString(), "--quiet");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = Files.readAllLines(out.resolve("evidence_summary.tsv"));
        String na = "\tNA".repeat(15); // class-level columns: only on the rows over all sample types
        assertThat(lines).containsExactly(
                "level\tpatient\tsample_type\tevidence\tpatients\tsamples\tsamples_with_reads\tsites\tcalled\tbelow_call_threshold"
                        + "\tmeasured_absent\tnot_assessable\tunchanged\tchanged\tvariants\tshared_vcf\tshared_evidence\tprimary_only_vcf"
                        + "\tprimary_only_evidence\tmetastasis_new_vcf\tmetastasis_new_evidence\tplasma_only_vcf\tplasma_only_evidence"
                        + "\tnot_evaluable_vcf\tnot_evaluable_evidence\tother_vcf\tother_evidence\tclass_changed\tprivate_to_shared",
                "patient\tE1\tprimary\treads\t1\t1\t1\t14\t10\t3\t0\t1\t0\t4" + na,
                "patient\tE1\tmetastasis\treads\t1\t1\t1\t14\t12\t1\t1\t0\t0\t2" + na,
                "patient\tE1\tplasma\tno reads\t1\t1\t0\tNA\tNA\tNA\tNA\tNA\tNA\tNA" + na,
                // 14 variants: shared 6 -> 8, primary only 3 -> 2, metastasis only 5 -> 4; 2 changed, both private -> shared
                "patient\tE1\tall\treads\t1\t3\t2\t28\t22\t4\t1\t1\t0\t6\t14\t6\t8\t3\t2\t5\t4\t0\t0\t0\t0\t0\t0\t2\t2",
                "patient\tE2\tprimary\tno reads\t1\t1\t0\tNA\tNA\tNA\tNA\tNA\tNA\tNA" + na,
                "patient\tE2\tmetastasis\treads\t1\t1\t1\t14\t12\t0\t0\t0\t2\t0" + na,
                "patient\tE2\tall\treads\t1\t2\t1\t14\t12\t0\t0\t0\t2\t0" + na,
                "patient\tE3\tprimary\tno reads\t1\t1\t0\tNA\tNA\tNA\tNA\tNA\tNA\tNA" + na,
                "patient\tE3\tmetastasis\tno reads\t1\t1\t0\tNA\tNA\tNA\tNA\tNA\tNA\tNA" + na,
                "patient\tE3\tplasma\tno reads\t1\t1\t0\tNA\tNA\tNA\tNA\tNA\tNA\tNA" + na,
                "patient\tE3\tall\tno reads\t1\t3\t0\tNA\tNA\tNA\tNA\tNA\tNA\tNA" + na,
                "cohort\tall\tprimary\treads\t3\t3\t1\t14\t10\t3\t0\t1\t0\t4" + na,
                "cohort\tall\tmetastasis\treads\t3\t3\t2\t28\t24\t1\t1\t0\t2\t2" + na,
                "cohort\tall\tplasma\tno reads\t2\t2\t0\tNA\tNA\tNA\tNA\tNA\tNA\tNA" + na,
                "cohort\tall\tall\treads\t3\t8\t3\t42\t34\t4\t1\t1\t2\t6\t14\t6\t8\t3\t2\t5\t4\t0\t0\t0\t0\t0\t0\t2\t2");

        // independently of the expected text: every row adds up, and the totals are the sums of the patient rows
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
        for (String[] r : rows) {
            if (!r[14].equals("NA")) { // each view's class groups add up to the variants
                long vcf = 0;
                long ev = 0;
                for (int g = 0; g < 6; g++) {
                    vcf += Long.parseLong(r[15 + 2 * g]);
                    ev += Long.parseLong(r[16 + 2 * g]);
                }
                assertThat(vcf).as(String.join(" ", r)).isEqualTo(Long.parseLong(r[14]));
                assertThat(ev).as(String.join(" ", r)).isEqualTo(Long.parseLong(r[14]));
            }
            if (r[3].equals("reads")) {
                long[] v = new long[7];
                for (int i = 0; i < 7; i++) {
                    v[i] = Long.parseLong(r[7 + i]);
                }
                assertThat(v[0]).as(String.join(" ", r)).isEqualTo(v[1] + v[2] + v[3] + v[4] + v[5]);
                assertThat(v[6]).isEqualTo(v[2] + v[3] + v[4]);
            }
        }
        for (String type : List.of("primary", "metastasis", "plasma", "all")) {
            String[] total = rows.stream().filter(r -> r[0].equals("cohort") && r[2].equals(type)).findFirst().orElseThrow();
            List<String[]> members = rows.stream().filter(r -> r[0].equals("patient") && r[2].equals(type)).toList();
            for (int col = 5; col < 14; col++) {
                final int c = col;
                long sum = members.stream().filter(r -> !r[c].equals("NA")).mapToLong(r -> Long.parseLong(r[c])).sum();
                boolean anyReads = members.stream().anyMatch(r -> r[3].equals("reads"));
                assertThat(total[col]).as(type + " column " + col).isEqualTo(anyReads || col < 7 ? Long.toString(sum) : "NA");
            }
            assertThat(Long.parseLong(total[4])).isEqualTo(members.stream().map(r -> r[1]).distinct().count());
        }
        // the patient without BAMs is listed, not dropped
        assertThat(rows.stream().filter(r -> r[1].equals("E3")).map(r -> r[3])).hasSize(4).containsOnly("no reads");
        // the cohort's class columns are the sums of the patient rows over all types that have them
        String[] total = rows.get(rows.size() - 1);
        for (int col = 14; col < 29; col++) {
            final int c = col;
            assertThat(Long.parseLong(total[col])).isEqualTo(rows.stream().filter(r -> r[0].equals("patient") && r[2].equals("all")
                    && !r[c].equals("NA")).mapToLong(r -> Long.parseLong(r[c])).sum());
        }
    }
}
