package org.oncoconcord.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.oncoconcord.params.ParameterSchema;

/**
 * The pipeline's interface, with the real Nextflow: the parameter check before any task, --help,
 * the -stub-run guard, a failing task's error alone, ids that cannot collide, and -resume re-running
 * only the batch of an added patient.
 */
class PipelineInterfaceIT {
    private static final Path MINIMAL = NextflowRun.projectDir().resolve("assets/test_minimal");
    Path tmp;

    @BeforeEach
    void nextflowAvailable(TestInfo info) throws Exception {
        NextflowRun.requireNextflow();
        tmp = NextflowRun.freshDir(NextflowRun.projectDir().resolve("target/pipeline-it")
                .resolve(info.getTestMethod().map(m -> m.getName()).orElse("run")));
    }

    private static List<Map<String, String>> tasks(NextflowRun run) throws IOException {
        return Files.exists(run.outdir.resolve("pipeline_info/execution_trace.txt")) ? run.trace() : List.of();
    }

    @Test
    void typoedParametersFailBeforeAnyTaskAllAtOnce() throws Exception {
        NextflowRun run = NextflowRun.run(tmp.resolve("launch"), "-profile", "test_minimal", "--batchsize", "5", "--out_dir", "x",
                "--horizon", "2y", "--publish_dir_mode", "foo");
        assertThat(run.exit).as(run.describe()).isNotZero();
        assertThat(run.log).contains("unknown parameter --batchsize (did you mean --batch_size?)")
                .contains("unknown parameter --out_dir (did you mean --outdir?)")
                .contains("--horizon: expected a whole number, got '2y'")
                .contains("--publish_dir_mode: 'foo' is not one of")
                .doesNotContain("Submitted process");
        assertThat(tasks(run)).isEmpty();
    }

    @Test
    void helpListsEveryParameterFromTheSchema() throws Exception {
        long start = System.nanoTime();
        NextflowRun run = NextflowRun.run(tmp.resolve("launch"), "--help");
        System.err.printf("PipelineInterfaceIT: nextflow run . --help took %.1f s wall (load %s)%n", (System.nanoTime() - start) / 1e9,
                Files.readString(Path.of("/proc/loadavg")).trim());
        assertThat(run.exit).as(run.describe()).isZero();
        ParameterSchema schema = ParameterSchema.read(NextflowRun.projectDir().resolve("nextflow_schema.json"));
        // every visible parameter under its own group's title, hidden ones left out
        for (ParameterSchema.Group g : schema.groups()) {
            for (ParameterSchema.Parameter p : g.parameters()) {
                if (p.hidden()) {
                    assertThat(run.log).as(p.name() + " hidden").doesNotContain("\n  --" + p.name() + " ");
                } else {
                    assertThat(run.log).as(p.name()).contains("\n  --" + p.name() + " ");
                    assertThat(run.log.indexOf("\n  --" + p.name() + " ")).as(p.name() + " after its group title")
                            .isGreaterThan(run.log.indexOf(g.title() + "\n"));
                }
            }
        }
        assertThat(run.log).contains("(required)").contains("[default: 730]").contains("cohort size. [default: 0]");
        NextflowRun all = NextflowRun.run(tmp.resolve("launch"), "--help", "--show_hidden");
        assertThat(all.exit).isZero();
        schema.parameters().keySet().forEach(n -> assertThat(all.log).as(n).contains("\n  --" + n + " "));
        NextflowRun one = NextflowRun.run(tmp.resolve("launch"), "--help", "batch_size");
        assertThat(one.exit).isZero();
        assertThat(one.log).contains("--batch_size", schema.parameters().get("batch_size").helpText(), "type     : integer",
                "default  : 0", "minimum  : 0", "group    : Scheduling options");
        NextflowRun mode = NextflowRun.run(tmp.resolve("launch"), "--help", "publish_dir_mode");
        assertThat(mode.log).contains("allowed  : symlink, rellink, link, copy, copyNoFollow, move");
        NextflowRun unknown = NextflowRun.run(tmp.resolve("launch"), "--help", "nope");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.log).contains("--help nope: no such parameter");
    }

    @Test
    void stubRunRefusesAnOutdirHoldingARealRun() throws Exception {
        Path launch = tmp.resolve("launch");
        Path outdir = launch.resolve("results");
        Files.createDirectories(outdir.resolve("validate"));
        Files.createDirectories(outdir.resolve("report"));
        Files.createDirectories(outdir.resolve("pipeline_info"));
        Files.writeString(outdir.resolve("validate/validation.log"), "oncoconcord validate: 7 samples of 3 patients OK\n");
        Files.writeString(outdir.resolve("report/report.html"), "<html>real</html>\n");
        Files.writeString(outdir.resolve("pipeline_info/execution_trace.txt"), "real trace\n");
        NextflowRun run = NextflowRun.run(launch, "-profile", "test_minimal", "-stub-run");
        assertThat(run.exit).as(run.describe()).isNotZero();
        assertThat(run.log).contains("holds the results of a real run").doesNotContain("Submitted process");
        assertThat(outdir.resolve("report/report.html")).hasContent("<html>real</html>");
        assertThat(outdir.resolve("validate/validation.log")).hasContent("oncoconcord validate: 7 samples of 3 patients OK");
        assertThat(outdir.resolve("pipeline_info/execution_trace.txt")).hasContent("real trace");
    }

    @Test
    void aFailingTaskEndsTheRunWithItsOwnErrorOnly() throws Exception {
        Path launch = Files.createDirectories(tmp.resolve("launch"));
        Path bad = Files.writeString(launch.resolve("bad.config"), "process { withName: 'NORMALIZE' { ext.args = '--no-such-option' } }\n");
        NextflowRun run = NextflowRun.run(launch, "-profile", "test_minimal", "-c", bad.toString(), "--batch_size", "1");
        assertThat(run.exit).as(run.describe()).isNotZero();
        assertThat(run.log).contains("Error executing process > 'ONCOCONCORD:NORMALIZE").contains("no-such-option")
                .doesNotContain("Join mismatch").doesNotContain("DataflowVariable").doesNotContain("can only be assigned once");
    }

    /** Data lines of a (gzipped) VCF. */
    private static List<String> dataLines(Path vcf) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(vcf)), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    @Test
    void idsCannotCollideAndAddingAPatientRerunsOnlyItsBatch() throws Exception {
        Path launch = Files.createDirectories(tmp.resolve("launch"));
        String vcf = MINIMAL.resolve("vcf").toString();
        String panel = MINIMAL.resolve("regions/panel.bed").toString();
        // P1 + X.T and P1.X + T both read "P1.X.T" when joined with '.' (P1's primary is P001_T's VCF, P1.X's is P002_T's)
        List<String> sheet = new ArrayList<>(Files.readAllLines(MINIMAL.resolve("samplesheet.csv")).stream()
                .map(l -> l.replace(",vcf/", "," + vcf + "/").replace(",regions/", "," + MINIMAL.resolve("regions") + "/")).toList());
        sheet.add("P1,X.T,primary," + vcf + "/P001_T.vcf,,P001_T");
        sheet.add("P1,X.P,plasma," + vcf + "/P001_P.vcf," + panel + ",P001_P");
        sheet.add("P1.X,T,primary," + vcf + "/P002_T.vcf,,P002_T");
        sheet.add("P1.X,P,plasma," + vcf + "/P002_P.vcf," + panel + ",P002_P");
        List<String> clinical = new ArrayList<>(Files.readAllLines(MINIMAL.resolve("clinical.csv")));
        clinical.add(clinical.get(1).replaceFirst("^P001,", "P1,"));
        clinical.add(clinical.get(2).replaceFirst("^P002,", "P1.X,"));
        Path sheetFile = launch.resolve("samplesheet.csv");
        Path clinicalFile = launch.resolve("clinical.csv");
        Files.write(sheetFile, sheet);
        Files.write(clinicalFile, clinical);
        String[] args = {"-profile", "test_minimal", "--input", sheetFile.toString(), "--clinical", clinicalFile.toString(), "--batch_size", "1"};

        // ids whose '.'-joined names collide are refused by VALIDATE, naming both rows, before any VCF is read
        NextflowRun refused = NextflowRun.run(launch, args);
        assertThat(refused.exit).as(refused.describe()).isNotZero();
        assertThat(refused.describe()).contains("the pipeline name 'P1.X.T' of patient 'P1.X' sample 'T' is also that of patient 'P1' sample 'X.T'");
        assertThat(refused.outdir.resolve("normalized")).doesNotExist();

        // ids that differ only where a '.'-join would hide it: each sample keeps its own VCF
        sheet.replaceAll(l -> l.replaceFirst("^P1\\.X,", "P1_X,"));
        clinical.replaceAll(l -> l.replaceFirst("^P1\\.X,", "P1_X,"));
        Files.write(sheetFile, sheet);
        Files.write(clinicalFile, clinical);
        NextflowRun first = NextflowRun.run(launch, args);
        assertThat(first.exit).as(first.describe()).isZero();
        Path norm = first.outdir.resolve("normalized");
        assertThat(dataLines(norm.resolve("P1/X.T.norm.vcf.gz"))).isNotEmpty().isEqualTo(dataLines(norm.resolve("P001/P001_T.norm.vcf.gz")));
        assertThat(dataLines(norm.resolve("P1_X/T.norm.vcf.gz"))).isNotEmpty().isEqualTo(dataLines(norm.resolve("P002/P002_T.norm.vcf.gz")));
        assertThat(dataLines(norm.resolve("P1/X.T.norm.vcf.gz"))).isNotEqualTo(dataLines(norm.resolve("P1_X/T.norm.vcf.gz")));
        assertThat(first.outdir.resolve("concordance/P1.concordance.json")).isNotEmptyFile();
        assertThat(first.outdir.resolve("concordance/P1_X.concordance.json")).isNotEmptyFile();

        // one more patient (P003's samples under new ids): only its batch and the gathering steps run again
        List<String> more = new ArrayList<>(sheet);
        sheet.stream().filter(l -> l.startsWith("P003,")).forEach(l -> more.add(l.replace("P003,P003_", "P004,P004_")));
        List<String> moreClinical = new ArrayList<>(clinical);
        moreClinical.add(clinical.get(3).replaceFirst("^P003,", "P004,"));
        Files.write(sheetFile, more);
        Files.write(clinicalFile, moreClinical);
        NextflowRun second = NextflowRun.run(launch, concat(args, "-resume"));
        assertThat(second.exit).as(second.describe()).isZero();
        List<Map<String, String>> trace = second.trace();
        List<Map<String, String>> normalize = trace.stream().filter(t -> t.get("process").equals("ONCOCONCORD:NORMALIZE")).toList();
        String addedBatch = null;
        for (Map<String, String> t : normalize) {
            boolean hasNew = List.of(t.get("tag").replaceFirst("^[^:]*: ", "").split(",")).contains("P004");
            assertThat(t.get("status")).as(t.get("tag")).isEqualTo(hasNew ? "COMPLETED" : "CACHED");
            if (hasNew) {
                addedBatch = t.get("tag").replaceFirst(":.*", "");
            }
        }
        assertThat(addedBatch).isNotNull();
        assertThat(normalize).filteredOn(t -> t.get("status").equals("CACHED")).hasSizeGreaterThanOrEqualTo(4)
                .extracting(t -> t.get("tag")).isSubsetOf(first.trace().stream().map(t -> t.get("tag")).toList());
        for (Map<String, String> t : trace) {
            String p = t.get("process");
            if (p.equals("ONCOCONCORD:CONCORDANCE")) {
                assertThat(t.get("status")).as(t.get("tag")).isEqualTo(t.get("tag").equals(addedBatch) ? "COMPLETED" : "CACHED");
            } else if (!p.equals("ONCOCONCORD:NORMALIZE")) {
                assertThat(t.get("status")).as(p + " gathers every patient").isEqualTo("COMPLETED");
            }
        }
        assertThat(second.outdir.resolve("concordance/P004.concordance.json")).isNotEmptyFile();
    }

    @Test
    void samplesWhoseVcfsShareAFileNameEachKeepTheirOwn() throws Exception {
        // the minimal cohort as it is (unique file names), plus a copy of it as patients Q001.. whose VCFs are
        // <patient>/<type>.vcf: in one batch, names repeat (primary.vcf twice), so the batch stages each VCF in
        // its own folder; every copy must be normalized from its own file
        Path launch = Files.createDirectories(tmp.resolve("launch"));
        List<String> original = Files.readAllLines(MINIMAL.resolve("samplesheet.csv"));
        List<String> sheet = new ArrayList<>();
        for (String line : original) {
            sheet.add(line.replace(",vcf/", "," + MINIMAL.resolve("vcf") + "/").replace(",regions/", "," + MINIMAL.resolve("regions") + "/"));
        }
        for (String line : original.subList(1, original.size())) {
            String[] f = line.split(",", -1);
            Path copy = Files.createDirectories(launch.resolve("Q" + f[0].substring(1))).resolve(f[2] + ".vcf");
            Files.copy(MINIMAL.resolve(f[3]), copy);
            f[0] = "Q" + f[0].substring(1);
            f[1] = "Q" + f[1].substring(1);
            f[3] = copy.toString();
            f[4] = f[4].isEmpty() ? "" : MINIMAL.resolve(f[4]).toString();
            sheet.add(String.join(",", f));
        }
        List<String> clinical = new ArrayList<>(Files.readAllLines(MINIMAL.resolve("clinical.csv")));
        clinical.subList(1, clinical.size()).stream().map(l -> "Q" + l.substring(1)).toList().forEach(clinical::add);
        Path sheetFile = launch.resolve("samplesheet.csv");
        Path clinicalFile = launch.resolve("clinical.csv");
        Files.write(sheetFile, sheet);
        Files.write(clinicalFile, clinical);

        NextflowRun run = NextflowRun.run(launch, "-profile", "test_minimal", "--input", sheetFile.toString(),
                "--clinical", clinicalFile.toString(), "--batch_size", "100");
        assertThat(run.exit).as(run.describe()).isZero();
        Path norm = run.outdir.resolve("normalized");
        int compared = 0;
        for (String line : original.subList(1, original.size())) {
            String[] f = line.split(",", -1);
            String copyDir = "Q" + f[0].substring(1);
            String copySample = "Q" + f[1].substring(1);
            List<String> own = dataLines(norm.resolve(f[0] + "/" + f[1] + ".norm.vcf.gz"));
            assertThat(own).as(f[1]).isNotEmpty();
            assertThat(dataLines(norm.resolve(copyDir + "/" + copySample + ".norm.vcf.gz"))).as(copySample).isEqualTo(own);
            compared++;
        }
        assertThat(compared).isEqualTo(original.size() - 1);
        // the copies' primaries (all named primary.vcf) differ from each other, so no copy read another's file
        assertThat(dataLines(norm.resolve("Q001/Q001_T.norm.vcf.gz"))).isNotEqualTo(dataLines(norm.resolve("Q002/Q002_T.norm.vcf.gz")));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
