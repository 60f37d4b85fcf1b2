package org.oncoconcord.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.io.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oncoconcord validate}: checks the samplesheet (and the clinical table) before anything
 * runs, prints every problem on stderr as {@code file:line:column: error|warning: ...}, and
 * writes the validated samplesheet (absolute paths) with {@code --out}. Exit 1 when any error.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check a samplesheet (patient,sample,type,vcf[,regions][,tumor_sample][,bam][,collection_day][,timepoint][,purity][,segments]) and a clinical table "
                + "against assets/schema_input.json and assets/schema_clinical.json, reporting every problem at once.",
                "A samplesheet patient missing from the clinical table is an error; a clinical patient missing from "
                        + "the samplesheet is a warning."},
        sortOptions = false)
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "SAMPLESHEET.csv",
            description = "Samplesheet CSV. Relative paths in it are resolved against its folder.")
    Path input;

    @Option(names = {"-c", "--clinical"}, paramLabel = "CLINICAL.csv", description = "Clinical table CSV (patient + follow-up columns).")
    Path clinical;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the validated samplesheet here (.csv, or .json for a "
            + "JSON array), with absolute paths and all columns; written only when there is no error.")
    Path out;

    @Option(names = "--base-dir", paramLabel = "DIR", description = "Resolve relative paths against DIR instead of the samplesheet's "
            + "real folder.")
    Path baseDir;

    @Option(names = {"-f", "--fasta"}, paramLabel = "REF.fa", description = "Reference FASTA (its .fai beside it, else indexed in "
            + "memory): every VCF's contigs, ##contig lengths and positions are checked against it, and its genome build against "
            + "--genome and the VCF headers.")
    Path fasta;

    @Option(names = "--genome", paramLabel = "auto|GRCh37|GRCh38", defaultValue = "auto",
            converter = ReferenceCheck.GenomeChoice.Converter.class, description = "Genome build of the study (default: ${DEFAULT-VALUE}, detected from the FASTA and the VCF headers). "
                    + "A FASTA or VCF of another build is an error.")
    ReferenceCheck.GenomeChoice genome;

    @Option(names = "--summary", paramLabel = "FILE.json", description = "Write a JSON summary: the genome build used (GRCh37, "
            + "GRCh38 or unknown) and how it was found, counts and warnings; written only when there is no error.")
    Path summary;

    @Option(names = "--factor", paramLabel = "COL", split = ",", description = "Clinical column(s) that are categorical even though "
            + "most of their values are numbers (otherwise a non-number in a mostly numeric column is an error).")
    Set<String> factors = new LinkedHashSet<>();

    @Override
    public Integer call() throws IOException {
        Path base = baseDir != null ? baseDir : samplesheetFolder(input);
        SamplesheetValidator.Result sheet = new SamplesheetValidator().validate(input, base);
        List<Problem> problems = new ArrayList<>(sheet.problems());
        if (clinical != null) {
            boolean sheetRead = sheet.problems().stream().noneMatch(p -> p.line() == 0);
            problems.addAll(new ClinicalValidator().validate(clinical, input.toString(),
                    sheetRead ? sheet.firstLineOfPatient() : null, factors));
        }
        ReferenceCheck.Outcome reference = ReferenceCheck.check(input.toString(), fasta, genome, sheet.vcfs());
        problems.addAll(reference.problems());
        problems.addAll(BamCheck.check(input.toString(), fasta, reference.genome(), sheet.bams()));
        problems.addAll(SegmentsCheck.check(input.toString(), fasta, sheet.segments()));
        problems.sort(Problem.BY_POSITION);
        PrintWriter err = spec.commandLine().getErr();
        for (Problem p : problems) {
            err.println(p.format());
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        err.flush();
        if (errors > 0) {
            throw new UserException(errors + " error" + (errors == 1 ? "" : "s") + (warnings > 0 ? " and " + warnings + " warning"
                    + (warnings == 1 ? "" : "s") : "") + " in " + input + (clinical != null ? " / " + clinical : "") + " (listed above)");
        }
        String text = out == null ? null : out.getFileName().toString().endsWith(".json") ? toJson(sheet.samples()) : toCsv(sheet.samples());
        String summaryText = summary == null ? null : ValidationSummary.json(reference, sheet, problems, fasta);
        try (OutputSet outputs = new OutputSet().addAll(out, summary)) { // both or neither
            if (out != null) {
                outputs.write(out, tmp -> Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (summary != null) {
                outputs.write(summary, tmp -> Files.writeString(tmp, summaryText, java.nio.charset.StandardCharsets.UTF_8));
            }
            outputs.commitOrFail();
        }
        if (!common.quiet()) {
            long patients = sheet.samples().stream().map(SampleRow::patient).distinct().count();
            err.println("[oncoconcord] validate: " + input + ": " + sheet.samples().size() + " samples of " + patients
                    + " patients OK, genome " + (reference.genome() == org.oncoconcord.vcf.GenomeBuild.UNKNOWN ? "unknown" : reference.genome().name()) + (warnings > 0 ? " (" + warnings + " warnings)" : ""));
            err.flush();
        }
        return 0;
    }

    /** The real folder of the samplesheet (following a symlink, as when Nextflow stages it). */
    static Path samplesheetFolder(Path samplesheet) throws IOException {
        Path real = Files.exists(samplesheet) ? samplesheet.toRealPath() : samplesheet.toAbsolutePath();
        return real.getParent();
    }

    static String toCsv(List<SampleRow> samples) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').setHeader(SampleRow.COLUMNS).get())) {
            for (SampleRow s : samples) {
                p.printRecord(s.patient(), s.sample(), s.type(), s.vcf(), s.regions() == null ? "" : s.regions(), s.tumorSample(),
                        s.bam() == null ? "" : s.bam(), s.collectionDayText(), s.timepoint(), s.purityText(),
                        s.segments() == null ? "" : s.segments());
            }
        }
        return w.toString();
    }

    static String toJson(List<SampleRow> samples) throws IOException {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (SampleRow s : samples) {
            ObjectNode o = arr.addObject();
            o.put("patient", s.patient());
            o.put("sample", s.sample());
            o.put("type", s.type());
            o.put("vcf", s.vcf().toString());
            o.put("regions", s.regions() == null ? null : s.regions().toString());
            o.put("tumor_sample", s.tumorSample().isEmpty() ? null : s.tumorSample());
            o.put("bam", s.bam() == null ? null : s.bam().toString());
            o.put("collection_day", s.collectionDay());
            o.put("timepoint", s.timepoint().isEmpty() ? null : s.timepoint());
            o.put("purity", s.purity());
            o.put("segments", s.segments() == null ? null : s.segments().toString());
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(arr) + "\n";
    }
}
