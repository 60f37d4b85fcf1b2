package org.oncoconcord.survival.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;
import org.oncoconcord.survival.plan.Plan.EndpointPlan;
import org.oncoconcord.survival.plan.Plan.KmGroup;
import org.oncoconcord.survival.plan.Plan.Skip;

/**
 * The planning rules of the SURVIVAL step (ported from the Groovy survivalPlan of
 * modules/local/survival, session 3), each on a small hand-made features table whose expected
 * decisions are worked out by hand in the comments: missing endpoints and columns, no events,
 * post_metastasis features only from the landmark, no events after the landmark, the first
 * unusable multivariable covariate, elastic-net gene columns, a -stub-run (empty) table, the
 * time-dependent fits and the cancer-specific endpoint.
 */
class PlannerTest {
    static final String HEADER = "patient\tos_days\tos_event\trfs_days\trfs_event\tage\tstage\tmetastasis_days\tKRAS_primary\tTP53_primary"
            + "\tras_mutant_primary\tany_driver_metastasis_new\tKRAS_metastasis_new\tn_metastasis_new\tdeath_cause";
    // OS: 6 complete, events P1 P3 P4 P5; at risk after the landmark (os > metastasis_days): P1 P3 P4, all events.
    // RFS: P3 missing; events P1 P4 P5; nobody has rfs_days > metastasis_days (recurrence = metastasis): 0 at risk.
    static final List<String> ROWS = List.of(
            "P1\t400\t1\t200\t1\t60\tIII\t200\t1\t0\t1\t1\t1\t2\tcrc",
            "P2\t900\t0\t900\t0\t55\tIII\tNA\t0\t1\t0\tNA\tNA\tNA\tNA",
            "P3\t300\t1\tNA\tNA\t70\tIV\t0\t1\t1\t1\t0\t0\t1\tcrc",
            "P4\t1200\t1\t500\t1\t66\tIII\t500\t0\t0\t0\t1\t0\t3\tother",
            "P5\t150\t1\t150\t1\t72\tIII\t150\t1\t1\t1\t0\t0\t0\tcrc",
            "P6\t1000\t0\t1000\t0\t50\tIII\tNA\t0\t0\t0\tNA\tNA\tNA\t");
    static final String COLUMNS = "column\tkind\tavailable_at\nany_driver_metastasis_new\tmutation\tpost_metastasis\n"
            + "KRAS_metastasis_new\tmutation\tpost_metastasis\nn_metastasis_new\tmutation_count\tpost_metastasis\n";
    static final Commands.ExtraArgs ARGS = new Commands.ExtraArgs("", "", "", "--alpha 1 --seed 7", "--folds 2 --repeats 2", "--bootstrap 20",
            "", "");

    @TempDir
    Path tmp;

    static PlanOptions options(String endpoints, String covariates, String km, String uni, String landmark, boolean coxnet) {
        return new PlanOptions(PlanOptions.endpoints(endpoints), PlanOptions.list(covariates), PlanOptions.list(km), PlanOptions.list(uni),
                landmark, coxnet, PlanOptions.list("age,stage,absent"), 730,
                PlanOptions.timeDependent("any_driver_metastasis_new:metastasis_days,plasma_detected:plasma_days"),
                PlanOptions.cancerSpecific("os_days:os_event:death_cause"));
    }

    static PlanOptions defaults() {
        return options("os_days:os_event,rfs_days:rfs_event,dfs_days:dfs_event", "age,stage,ras_mutant_primary",
                "ras_mutant_primary,any_driver_metastasis_new", "any_driver_metastasis_new,n_metastasis_new,missing_col", "metastasis_days", true);
    }

    FeatureTable table(String header, List<String> rows) throws IOException {
        Path f = tmp.resolve("features.tsv");
        Files.writeString(f, header.isEmpty() ? "" : header + "\n" + String.join("\n", rows) + "\n");
        Path c = tmp.resolve("features.columns.tsv");
        Files.writeString(c, header.isEmpty() ? "" : COLUMNS);
        return FeatureTable.read(f, c);
    }

    static List<String> skips(Plan p) {
        return p.skipped().stream().map(s -> s.endpoint() + " " + s.analysis() + ": " + s.reason()).toList();
    }

    @Test
    void decidesPerEndpointAndListsEverythingLeftOut() throws IOException {
        Plan p = Planner.plan(table(HEADER, ROWS), defaults(), false, "survival");
        assertThat(p.landmark()).isEqualTo("metastasis_days");
        assertThat(p.endpoints()).extracting(EndpointPlan::time).containsExactly("os_days", "rfs_days");
        EndpointPlan os = p.endpoints().get(0);
        assertThat(os.events()).isEqualTo(4);
        assertThat(os.landmarkEvents()).isEqualTo(3);
        assertThat(os.km()).containsExactly(new KmGroup("ras_mutant_primary", false), new KmGroup("any_driver_metastasis_new", true));
        assertThat(os.univariable()).containsExactly("ras_mutant_primary", "any_driver_metastasis_new", "age", "stage", "n_metastasis_new");
        assertThat(os.univariableLandmark()).containsExactly("any_driver_metastasis_new", "n_metastasis_new");
        assertThat(os.cox()).containsExactly("age", "stage", "ras_mutant_primary");
        assertThat(os.coxLandmark()).isFalse();
        // <GENE>_primary columns only (not ras_mutant_primary, not post_metastasis ones); unpenalised only if present
        assertThat(os.coxnet()).containsExactly("KRAS_primary", "TP53_primary");
        assertThat(os.coxnetUnpenalized()).containsExactly("age", "stage");
        // P1 (200 < 400) and P4 (500 < 1200) have a new driver switched on inside follow-up
        assertThat(os.timeDependent()).singleElement().satisfies(d -> {
            assertThat(d.feature()).isEqualTo("any_driver_metastasis_new");
            assertThat(d.patientsSwitched()).isEqualTo(2);
        });
        assertThat(os.cancerSpecific().crcDeaths()).isEqualTo(3);
        assertThat(os.cancerSpecific().otherDeaths()).isEqualTo(1);
        assertThat(os.cancerSpecific().unknownCause()).isZero();
        assertThat(os.cancerSpecific().cifGroups()).containsExactly("ras_mutant_primary");

        EndpointPlan rfs = p.endpoints().get(1);
        assertThat(rfs.events()).isEqualTo(3);
        assertThat(rfs.landmarkEvents()).isZero();
        assertThat(rfs.km()).containsExactly(new KmGroup("ras_mutant_primary", false));
        // univariable features are not dropped for lack of events after the landmark (they are reported not estimable)
        assertThat(rfs.univariableLandmark()).containsExactly("any_driver_metastasis_new", "n_metastasis_new");
        assertThat(rfs.timeDependent()).isEmpty();
        assertThat(rfs.cancerSpecific()).isNull();

        assertThat(skips(p)).containsExactly(
                "os_days cox_uni_missing_col: no column missing_col in features.tsv",
                "os_days tdc_plasma_detected: no column plasma_detected in features.tsv",
                "os_days cif_any_driver_metastasis_new: any_driver_metastasis_new is only known after the metastasis and survival cif has no landmark analysis",
                "rfs_days km_any_driver_metastasis_new: no events after the landmark metastasis_days (0 patients at risk then)",
                "rfs_days cox_uni_missing_col: no column missing_col in features.tsv",
                "rfs_days tdc_any_driver_metastasis_new: no patient has any_driver_metastasis_new switched on before the end of follow-up (metastasis_days < rfs_days)",
                "rfs_days tdc_plasma_detected: no column plasma_detected in features.tsv",
                "dfs_days endpoint: column(s) dfs_days, dfs_event not in features.tsv");
    }

    @Test
    void commandLinesAreThoseOfTheGroovyPlanner() throws IOException {
        Plan p = Planner.plan(table(HEADER, ROWS), defaults(), false, "survival");
        List<String> lines = Commands.lines(p, "features.tsv", "survival", ARGS);
        String d = "--data features.tsv --time os_days --event os_event";
        String at = "--at 0,365,730,1095,1460";
        assertThat(lines.subList(0, 14)).containsExactly(
                "survival km " + d + " " + at + " --out survival/os_days/km_all",
                "survival km " + d + " --group ras_mutant_primary " + at + " --out survival/os_days/km_ras_mutant_primary",
                "survival km " + d + " --landmark metastasis_days --group any_driver_metastasis_new " + at
                        + " --out survival/os_days/km_any_driver_metastasis_new",
                "survival univariable " + d + " --covariates ras_mutant_primary,any_driver_metastasis_new,age,stage,n_metastasis_new"
                        + " --landmark metastasis_days --landmark-covariates any_driver_metastasis_new,n_metastasis_new --out survival/os_days",
                "survival cox " + d + " --covariates age,stage,ras_mutant_primary --out survival/os_days/cox",
                "survival cv --folds 2 --repeats 2 " + d + " --covariates age,stage,ras_mutant_primary --horizon 730 --out survival/os_days/cv",
                "survival validate --bootstrap 20 " + d + " --covariates age,stage,ras_mutant_primary --horizon 730 --out survival/os_days/validate",
                "survival cox --penalty elastic-net --alpha 1 --seed 7 " + d + " --covariates KRAS_primary,TP53_primary,age,stage"
                        + " --unpenalized age,stage --out survival/os_days/coxnet",
                "survival split " + d + " --change metastasis_days --tdc any_driver_metastasis_new --out survival/os_days/tdc_any_driver_metastasis_new",
                "survival cox --data survival/os_days/tdc_any_driver_metastasis_new/split.tsv --start tstart --time tstop --event os_event"
                        + " --covariates any_driver_metastasis_new --out survival/os_days/tdc_any_driver_metastasis_new",
                "survival cif --data survival/os_days/cause_of_death.tsv --time os_days --event os_event_cause " + at + " --out survival/os_days/cif_all",
                "survival cif --data survival/os_days/cause_of_death.tsv --time os_days --event os_event_cause --group ras_mutant_primary " + at
                        + " --out survival/os_days/cif_ras_mutant_primary",
                "survival cox --data survival/os_days/cause_of_death.tsv --time os_days --event os_event_crc"
                        + " --covariates age,stage,ras_mutant_primary --out survival/os_days/cox_crc",
                "survival km --data features.tsv --time rfs_days --event rfs_event " + at + " --out survival/rfs_days/km_all");
        // with `survival cox --cause` available, the cause-specific model uses the 0/1/2 codes
        List<String> withCause = Commands.lines(Planner.plan(table(HEADER, ROWS), defaults(), true, "survival"), "features.tsv", "survival", ARGS);
        assertThat(withCause).contains("survival cox --data survival/os_days/cause_of_death.tsv --time os_days --event os_event_cause --cause 1"
                + " --covariates age,stage,ras_mutant_primary --out survival/os_days/cox_crc");
    }

    @Test
    void postMetastasisFeaturesWithoutTheLandmarkColumnAreSkippedNeverFittedFromDiagnosis() throws IOException {
        String header = HEADER.replace("\tmetastasis_days", "");
        List<String> rows = ROWS.stream().map(r -> {
            String[] c = r.split("\t", -1);
            List<String> l = new java.util.ArrayList<>(List.of(c));
            l.remove(7);
            return String.join("\t", l);
        }).toList();
        Plan p = Planner.plan(table(header, rows), options("os_days:os_event", "age,any_driver_metastasis_new", "any_driver_metastasis_new",
                "", "metastasis_days", false), false, "survival");
        assertThat(p.landmark()).isNull();
        EndpointPlan os = p.endpoints().get(0);
        assertThat(os.km()).isEmpty();
        assertThat(os.univariable()).containsExactly("age");
        assertThat(os.cox()).isEmpty();
        String reason = "any_driver_metastasis_new is only known after the metastasis and features.tsv has no landmark column metastasis_days";
        assertThat(skips(p)).containsExactly(
                "os_days km_any_driver_metastasis_new: " + reason,
                "os_days cox_uni_any_driver_metastasis_new: " + reason,
                "os_days cox and cv: " + reason,
                "os_days tdc_any_driver_metastasis_new: no column metastasis_days (the day any_driver_metastasis_new becomes known) in features.tsv",
                "os_days tdc_plasma_detected: no column plasma_detected in features.tsv");
    }

    @Test
    void anEndpointWithoutAnyValueIsSkippedWithItsReason() throws IOException {
        // regression: a 500-patient stage IV cohort has rfs_days/rfs_event columns of NA only; the plan ran
        // 'survival km' on them, which failed ("no usable row") and stopped the pipeline
        List<String> noRfs = ROWS.stream().map(r -> {
            String[] c = r.split("\t", -1);
            c[3] = "NA";
            c[4] = "NA";
            return String.join("\t", c);
        }).toList();
        Plan p = Planner.plan(table(HEADER, noRfs), defaults(), false, "survival");
        assertThat(p.endpoints()).extracting(EndpointPlan::time).containsExactly("os_days");
        assertThat(skips(p)).contains("rfs_days endpoint: no patient has both rfs_days and rfs_event");
    }

    @Test
    void noEventsLeavesOnlyTheKaplanMeierCurves() throws IOException {
        List<String> censored = ROWS.stream().map(r -> r.replaceFirst("^(P\\d\t\\d+)\t1\t", "$1\t0\t").replaceAll("\t(crc|other)$", "\tNA")).toList();
        Plan p = Planner.plan(table(HEADER, censored), options("os_days:os_event", "age", "ras_mutant_primary", "", "metastasis_days", true),
                false, "survival");
        EndpointPlan os = p.endpoints().get(0);
        assertThat(os.events()).isZero();
        assertThat(os.univariable()).isEmpty();
        assertThat(os.cox()).isEmpty();
        assertThat(os.coxnet()).isEmpty();
        assertThat(os.timeDependent()).isEmpty();
        assertThat(skips(p)).startsWith("os_days models: no events among the 6 patients with os_days and os_event")
                .contains("os_days cancer_specific: no death with a known cause in death_cause");
        assertThat(Commands.lines(p, "f.tsv", "survival", ARGS)).extracting(l -> l.split(" ")[1]).containsExactly("km", "km");
    }

    @Test
    void theFirstUnusableCovariateDropsTheMultivariableModel() throws IOException {
        Plan p = Planner.plan(table(HEADER, ROWS), options("os_days:os_event", "age,gone1,gone2", "", "", "metastasis_days", false),
                false, "survival");
        assertThat(p.endpoints().get(0).cox()).isEmpty();
        assertThat(p.endpoints().get(0).cancerSpecific().cox()).isEmpty();
        assertThat(skips(p)).filteredOn(s -> s.contains("cox and cv")).containsExactly("os_days cox and cv: no column gone1 in features.tsv");
        assertThat(Commands.lines(p, "f.tsv", "survival", ARGS)).noneMatch(l -> l.contains("/cox ") || l.endsWith("/cox") || l.contains("cox_crc"));
    }

    @Test
    void elasticNetNeedsTwoEventsAndGeneColumns() throws IOException {
        List<String> oneEvent = ROWS.stream().map(r -> r.startsWith("P1\t") ? r : r.replaceFirst("^(P\\d\t\\d+)\t1\t", "$1\t0\t")
                .replaceAll("\t(crc|other)$", "\tNA")).toList();
        Plan p = Planner.plan(table(HEADER, oneEvent), options("os_days:os_event", "age", "", "", "metastasis_days", true), false, "survival");
        assertThat(p.endpoints().get(0).coxnet()).isEmpty();
        assertThat(skips(p)).contains("os_days coxnet: a single event: too few to choose the elastic-net lambda by cross-validation");

        String noGenes = HEADER.replace("KRAS_primary", "kras").replace("TP53_primary", "tp53");
        Plan q = Planner.plan(table(noGenes, ROWS), options("os_days:os_event", "age", "", "", "metastasis_days", true), false, "survival");
        assertThat(skips(q)).contains("os_days coxnet: no <GENE>_primary column in features.tsv");
    }

    @Test
    void anEmptyStubTableTakesTheConfiguredPlanAsIs() throws IOException {
        Plan p = Planner.plan(table("", List.of()), defaults(), false, "survival");
        assertThat(p.stub()).isTrue();
        assertThat(p.skipped()).isEmpty();
        assertThat(p.landmark()).isEqualTo("metastasis_days");
        assertThat(p.endpoints()).extracting(EndpointPlan::time).containsExactly("os_days", "rfs_days", "dfs_days");
        EndpointPlan os = p.endpoints().get(0);
        assertThat(os.cox()).containsExactly("age", "stage", "ras_mutant_primary");
        assertThat(os.univariable()).hasSize(6);
        assertThat(os.coxnet()).isEmpty();
        assertThat(os.coxnetUnpenalized()).containsExactly("age", "stage", "absent");
        assertThat(os.timeDependent()).hasSize(2);
    }

    @Test
    void causeOfDeathProblemsSkipTheCancerSpecificAnalysesNamingTheLine() throws IOException {
        List<String> censoredWithCause = ROWS.stream().map(r -> r.startsWith("P2\t") ? r.replaceAll("\tNA$", "\tcrc") : r).toList();
        Plan p = Planner.plan(table(HEADER, censoredWithCause), defaults(), false, "survival");
        assertThat(p.endpoints().get(0).cancerSpecific()).isNull();
        assertThat(skips(p)).contains("os_days cancer_specific: " + tmp.resolve("features.tsv")
                + " line 3: death_cause 'crc' given for a patient censored (os_event 0)");

        List<String> unknownValue = ROWS.stream().map(r -> r.replaceAll("\tother$", "\tcancer")).toList();
        Plan q = Planner.plan(table(HEADER, unknownValue), defaults(), false, "survival");
        assertThat(skips(q)).contains("os_days cancer_specific: " + tmp.resolve("features.tsv") + " line 5: death_cause 'cancer' is neither crc nor other");

        Plan r = Planner.plan(table(HEADER.replace("death_cause", "comment"), ROWS), defaults(), false, "survival");
        assertThat(skips(r)).contains("os_days cancer_specific: no column death_cause (cause of death: crc or other) in features.tsv");

        // a death of unknown cause is kept out of the competing-risk data (NA), counted
        List<String> unknownCause = ROWS.stream().map(x -> x.replaceAll("\tother$", "\tNA")).toList();
        Plan s = Planner.plan(table(HEADER, unknownCause), defaults(), false, "survival");
        assertThat(s.endpoints().get(0).cancerSpecific().unknownCause()).isEqualTo(1);
        CauseOfDeath.Codes codes = CauseOfDeath.codes(table(HEADER, unknownCause), PlanOptions.cancerSpecific("os_days:os_event:death_cause"));
        assertThat(codes.codes()).containsExactly(1, 0, 1, null, 1, 0);
        String derived = CauseOfDeath.table(table(HEADER, unknownCause), codes, "os_event_cause", "os_event_crc");
        assertThat(derived.lines().map(l -> l.substring(l.lastIndexOf('\t', l.lastIndexOf('\t') - 1) + 1)))
                .containsExactly("os_event_cause\tos_event_crc", "1\t1", "0\t0", "1\t1", "NA\tNA", "1\t1", "0\t0");
    }

    @Test
    void aCellThatIsNotANumberIsAnErrorNamingFileLineAndColumn() throws IOException {
        List<String> bad = ROWS.stream().map(r -> r.replace("P4\t1200", "P4\t12OO")).toList();
        FeatureTable t = table(HEADER, bad);
        assertThatThrownBy(() -> Planner.plan(t, defaults(), false, "survival")).isInstanceOf(UserException.class)
                .hasMessage(tmp.resolve("features.tsv") + " line 5: column os_days: '12OO' is not a finite number");
    }

    @Test
    void optionListsAndPairs() {
        assertThat(PlanOptions.list(" a, ,b ,")).containsExactly("a", "b");
        assertThat(PlanOptions.list(null)).isEmpty();
        assertThat(PlanOptions.cancerSpecific("")).isNull();
        assertThatThrownBy(() -> PlanOptions.endpoints("os_days")).hasMessageContaining("--endpoints: 'os_days' is not A:B");
        assertThatThrownBy(() -> PlanOptions.cancerSpecific("os_days:os_event")).hasMessageContaining("is not A:B:C");
        assertThat(Commands.at(730)).isEqualTo("0,365,730,1095,1460");
        assertThat(Commands.at(365)).isEqualTo("0,182,365,547,730");
        assertThat(new Skip("os_days", "x", "y").reason()).isEqualTo("y");
    }
}
