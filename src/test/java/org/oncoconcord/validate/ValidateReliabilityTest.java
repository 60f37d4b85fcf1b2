package org.oncoconcord.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.testing.SharedData;
import picocli.CommandLine;

/**
 * Issue 12, validate side: every input that led to a silent wrong answer or that the pipeline
 * cannot carry is refused with {@code file:line:column}, or carried safely.
 */
class ValidateReliabilityTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err) {
        List<String> lines(String severity) {
            return Arrays.stream(err.split("\\R")).filter(l -> !l.startsWith("oncoconcord ") && l.contains(": " + severity + ": ")).toList();
        }
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, err.toString());
    }

    /** A one-record VCF on contig {@code contig} (declared with {@code length}, or without when 0), distinct per name. */
    private Path vcf(String name, String contig, long length, long pos) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "##fileformat=VCFv4.2\n##source=" + name + "\n"
                + (length > 0 ? "##contig=<ID=" + contig + ",length=" + length + ">\n" : "")
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" + contig + "\t" + pos + "\t.\tA\tT\t.\tPASS\t.\n");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Item 1: P1 + X.T and P1.X + T both become the pipeline id P1.X.T; the second row is refused, naming the first. */
    @Test
    void collidingPipelineNamesAreRefusedNamingBothRows() throws IOException {
        vcf("a.vcf", "1", 1000, 10);
        vcf("b.vcf", "1", 1000, 20);
        vcf("c.vcf", "1", 1000, 30);
        vcf("d.vcf", "1", 1000, 40);
        Path sheet = write("s.csv", "patient,sample,type,vcf\nP1,X.T,primary,a.vcf\nP1.X,T,primary,b.vcf\nP1,X.M,metastasis,c.vcf\n"
                + "P1.X,t,metastasis,d.vcf\n");
        Run r = run("validate", "-i", sheet.toString(), "-o", dir.resolve("v.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).as(r.err()).hasSize(2);
        assertThat(r.lines("error").get(0)).endsWith("s.csv:3:2: error: column 'sample': the pipeline name 'P1.X.T' of patient 'P1.X' "
                + "sample 'T' is also that of patient 'P1' sample 'X.T' (line 2): one would overwrite the other; rename one of them");
        // and ignoring case, as on a case-insensitive file system
        assertThat(r.lines("error").get(1)).contains("s.csv:5:2:").contains("'P1.X.t'").contains("(line 2) ('P1.X.T') ignoring case");
        assertThat(dir.resolve("v.csv")).doesNotExist();
    }

    /** Item 2 on the real TCGA-A6-2686 files: each build alone is detected; one patient mixing them is refused. */
    @Test
    void realGrch37AndGrch38FilesOfOnePatientAreRefused() throws IOException {
        Path tcga = SharedData.require("vcf/tcga_A6-2686");
        String b37 = tcga.resolve("T001-COAD.grch37.mutect2.vcf.gz").toString(), b38 = tcga.resolve("T001-COAD.grch38.muse.vcf.gz").toString();
        Path mixed = write("mixed.csv", "patient,sample,type,vcf\nP1,T,primary," + b37 + "\nP1,M,metastasis," + b38 + "\n");
        Run r = run("validate", "-i", mixed.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).as(r.err()).singleElement().asString().contains("mixed.csv:3:4: error: column 'vcf': "
                + "T001-COAD.grch38.muse.vcf.gz is GRCh38 (").contains("but another VCF of patient 'P1' (line 2, "
                + "T001-COAD.grch37.mutect2.vcf.gz) is GRCh37 (").endsWith("genome builds must not be mixed");

        for (String build : List.of("grch37", "grch38")) {
            Path sheet = write(build + ".csv", "patient,sample,type,vcf\nP1,T,primary," + tcga.resolve("T001-COAD." + build + ".mutect2.vcf.gz")
                    + "\nP1,M,metastasis," + tcga.resolve("T001-COAD." + build + ".muse.vcf.gz") + "\n");
            Path summary = dir.resolve(build + ".json");
            Run ok = run("validate", "-i", sheet.toString(), "--summary", summary.toString());
            assertThat(ok.exit()).as(ok.err()).isZero();
            JsonNode s = new ObjectMapper().readTree(summary.toFile());
            assertThat(s.get("genome").asText()).isEqualTo(build.equals("grch37") ? "GRCh37" : "GRCh38");
            assertThat(s.at("/counts/samples").asInt()).isEqualTo(2);
            assertThat(s.at("/counts/vcfs_by_genome/" + s.get("genome").asText()).asInt()).isEqualTo(2);
            // a stated build the files contradict is refused
            Run wrong = run("validate", "-i", sheet.toString(), "--genome", build.equals("grch37") ? "GRCh38" : "hg19");
            assertThat(wrong.exit()).isEqualTo(1);
            assertThat(wrong.lines("error")).hasSize(2).allSatisfy(l -> assertThat(l).contains("wrong genome build"));
        }
    }

    /** Item 2: the FASTA's build (from its .fai) against --genome and against a VCF's ##contig lengths. */
    @Test
    void fastaBuildIsCheckedAgainstGenomeAndVcfs() throws IOException {
        Path fa = write("ref.fa", ">chr1\nACGT\n");
        write("ref.fa.fai", "chr1\t249250621\t6\t4\t5\nchr2\t243199373\t20\t4\t5\n"); // GRCh37 lengths (the FASTA body is not read)
        vcf("t.vcf", "1", 248956422, 100); // GRCh38 chr1
        vcf("m.vcf", "2", 0, 200);
        Path sheet = write("s.csv", "patient,sample,type,vcf\nP1,T,primary,t.vcf\nP1,M,metastasis,m.vcf\n");
        Run r = run("validate", "-i", sheet.toString(), "--fasta", fa.toString(), "--genome", "GRCh38");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).as(r.err()).anySatisfy(l -> assertThat(l).endsWith("ref.fa: error: the FASTA is GRCh37 "
                + "(2 contig lengths of GRCh37, e.g. chr1 length 249250621) but --genome is GRCh38"));
        Run auto = run("validate", "-i", sheet.toString(), "--fasta", fa.toString());
        assertThat(auto.lines("error")).as(auto.err()).anySatisfy(l -> assertThat(l).contains("s.csv:2:4: error: column 'vcf': t.vcf is GRCh38 "
                + "(##contig 1 contig length of GRCh38, e.g. 1 length 248956422) but ref.fa is GRCh37"));
    }

    /** Item 3: a FASTA lacking contigs, with other lengths or too short: every mismatch of a VCF in one message. */
    @Test
    void contigsAndLengthsAreCheckedAgainstTheFastaAllAtOnce() throws IOException {
        Path fa = write("ref.fa", ">chr1\n" + "A".repeat(1000) + "\n>chrM\n" + "C".repeat(50) + "\n"); // no .fai: indexed in memory
        Files.writeString(dir.resolve("t.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=1,length=900>\n##contig=<ID=MT,length=50>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t10\t.\tA\tT\t.\tPASS\t.\nMT\t60\t.\tC\tG\t.\tPASS\t.\n"
                + "5\t7\t.\tA\tT\t.\tPASS\t.\nGL000192.1\t7\t.\tA\tT\t.\tPASS\t.\n");
        vcf("ok.vcf", "chr1", 1000, 999);
        Path sheet = write("s.csv", "patient,sample,type,vcf\nP1,T,primary,t.vcf\nP1,M,metastasis,ok.vcf\n");
        Run r = run("validate", "-i", sheet.toString(), "--fasta", fa.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).as(r.err()).singleElement().asString().endsWith("s.csv:2:4: error: column 'vcf': t.vcf does not fit "
                + "ref.fa: 2 contigs of its records not in the FASTA: 5, GL000192.1; 1 ##contig length differ from the FASTA's: "
                + "1 900 vs chr1 1000; 1 contig with positions beyond the end: MT:60 (length 50) (wrong or partial reference?)");
        // harmonised names (chr1 = 1, chrM = MT) of the right lengths pass
        Path good = write("g.csv", "patient,sample,type,vcf\nP1,M,metastasis,ok.vcf\nP1,T,primary,ok2.vcf\n");
        vcf("ok2.vcf", "M", 50, 50);
        Run ok = run("validate", "-i", good.toString(), "--fasta", fa.toString(), "--summary", dir.resolve("sum.json").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("sum.json").toFile()).get("genome").asText()).isEqualTo("unknown");
    }

    /** Item 6: the same file under two samples is a warning naming the earlier row, unless two tumour columns of one VCF are used. */
    @Test
    void identicalVcfUnderTwoSamplesIsAWarning() throws IOException {
        Path a = vcf("a.vcf", "1", 1000, 10);
        Files.copy(a, dir.resolve("copy.vcf"));
        vcf("m.vcf", "1", 1000, 20);
        Path sheet = write("s.csv", "patient,sample,type,vcf\nP1,T,primary,a.vcf\nP1,M,metastasis,m.vcf\nP2,T,primary,copy.vcf\nP2,M,metastasis,m.vcf\n");
        Run r = run("validate", "-i", sheet.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines("warning")).hasSize(2);
        assertThat(r.lines("warning").get(0)).contains("s.csv:4:4: warning: column 'vcf': copy.vcf is byte-identical (SHA-256 ")
                .endsWith("to the VCF of line 2: the same file under two samples (a sample swap or copy error?)");
        assertThat(r.lines("warning").get(1)).contains("s.csv:5:4:").contains("of line 3");
    }

    /** Item 12: shell and CSV metacharacters and whitespace in paths and sample names are refused with their position. */
    @Test
    void unsafeCharactersInPathsAndNamesAreRefused() throws IOException {
        for (String name : List.of("a,b.vcf", "x$IFS.vcf", "q`b.vcf", "s;p.vcf", "sp ace.vcf", "g*.vcf")) {
            vcf(name, "1", 1000, 10);
        }
        vcf("ok.vcf", "1", 1000, 10);
        Path sheet = write("s.csv", String.join("\n", "patient,sample,type,vcf,tumor_sample",
                "P1,A,primary,\"a,b.vcf\",",
                "P1,B,metastasis,x$IFS.vcf,",
                "P2,A,primary,q`b.vcf,",
                "P2,B,metastasis,s;p.vcf,",
                "P3,A,primary,sp ace.vcf,",
                "P3,B,metastasis,g*.vcf,",
                "P4,A,primary,ok.vcf,\"TU\"\"MOR\"", ""));
        Run r = run("validate", "-i", sheet.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> errors = r.lines("error");
        assertThat(errors).as(r.err()).hasSize(7);
        assertThat(errors.get(0)).endsWith("s.csv:2:4: error: column 'vcf': path 'a,b.vcf' contains ',' at character 2: only letters, "
                + "digits and . _ / + @ % = : ~ - are allowed (shell and CSV metacharacters and whitespace break the pipeline)");
        assertThat(errors.get(1)).contains("s.csv:3:4:").contains("'$' at character 2");
        assertThat(errors.get(2)).contains("s.csv:4:4:").contains("'`' at character 2");
        assertThat(errors.get(3)).contains("s.csv:5:4:").contains("';' at character 2");
        assertThat(errors.get(4)).contains("s.csv:6:4:").contains("a space at character 3");
        assertThat(errors.get(5)).contains("s.csv:7:4:").contains("'*' at character 2");
        assertThat(errors.get(6)).contains("s.csv:8:5: error: column 'tumor_sample': sample name 'TU\"MOR' contains '\"' at character 3");
    }

    /** Item 12: an unusual but safe path (non-ASCII letters, + @ = ~ %) is carried unchanged into the validated samplesheet. */
    @Test
    void unusualButSafePathIsCarried() throws IOException {
        vcf("run+2024@site/Müller_P1=T~v%2.vcf", "1", 1000, 10);
        vcf("run+2024@site/Müller_P1=M.vcf", "1", 1000, 20);
        Path sheet = write("s.csv", "patient,sample,type,vcf,tumor_sample\nP1,T,primary,run+2024@site/Müller_P1=T~v%2.vcf,\n"
                + "P1,M,metastasis,run+2024@site/Müller_P1=M.vcf,\n");
        Path out = dir.resolve("v.csv");
        Run r = run("validate", "-i", sheet.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (CSVParser p = CSVParser.parse(out, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().get())) {
            List<CSVRecord> recs = p.getRecords();
            assertThat(Path.of(recs.get(0).get("vcf"))).exists().isEqualTo(dir.resolve("run+2024@site/Müller_P1=T~v%2.vcf").toRealPath());
        }
        assertThat(Files.readString(out)).doesNotContain("\""); // nothing needed quoting: splitCsv reads it back as written
    }

    /** Item 8: the summary (written last) cannot be written: exit 1 naming it, and the validated samplesheet is not left. */
    @Test
    void unwritableSummaryLeavesNoValidatedSheet() throws IOException {
        vcf("a.vcf", "1", 1000, 10);
        vcf("b.vcf", "1", 1000, 20);
        Path sheet = write("s.csv", "patient,sample,type,vcf\nP1,T,primary,a.vcf\nP1,M,metastasis,b.vcf\n");
        Path summary = dir.resolve("summary.json");
        Files.createDirectories(summary.resolve("blocker"));
        Run r = run("validate", "-i", sheet.toString(), "-o", dir.resolve("v.csv").toString(), "--summary", summary.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(summary.toString()).contains("is a directory");
        assertThat(dir.resolve("v.csv")).doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList()).as("temporaries").isEmpty();
        }
    }

    /** Item 18: a line of only spaces or tabs is skipped like an empty one. */
    @Test
    void whitespaceOnlyLinesAreSkipped() throws IOException {
        vcf("a.vcf", "1", 1000, 10);
        vcf("b.vcf", "1", 1000, 20);
        Path sheet = write("s.csv", "patient,sample,type,vcf\n   \nP1,T,primary,a.vcf\n\t \n\nP1,M,metastasis,b.vcf\n  \n");
        Run r = run("validate", "-i", sheet.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("2 samples of 1 patients OK");
    }

    /** Item 4 (validate side): a non-number in a mostly numeric clinical column, and 1e400 anywhere numeric, are errors. */
    @Test
    void nonNumbersInNumericClinicalColumnsAreErrors() throws IOException {
        StringBuilder sheet = new StringBuilder("patient,sample,type,vcf\n");
        StringBuilder clin = new StringBuilder("patient,os_days,os_event,cea,site\n");
        for (int i = 1; i <= 8; i++) {
            vcf("p" + i + ".vcf", "1", 1000, i);
            sheet.append("P").append(i).append(",T,primary,p").append(i).append(".vcf\n");
            String cea = switch (i) {
                case 3 -> "\"0,5\"";
                case 5 -> "Infinity";
                case 6 -> "1e400";
                case 7 -> "NA";
                default -> String.valueOf(i * 1.5);
            };
            clin.append("P").append(i).append(",").append(i == 8 ? "1e400" : "100").append(",1,").append(cea).append(",")
                    .append(i % 2 == 0 ? "liver" : "3").append("\n");
        }
        Path s = write("s.csv", sheet.toString());
        Path c = write("clinical.csv", clin.toString());
        Run r = run("validate", "-i", s.toString(), "-c", c.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> errors = r.lines("error");
        assertThat(errors).as(r.err()).hasSize(4);
        assertThat(errors.get(0)).endsWith("clinical.csv:4:4: error: column 'cea': '0,5' is not a plain number, though 4 of the 7 known "
                + "values of this column are numbers (use '.' for decimals, NA or an empty cell when unknown, or --factor cea if the column is categorical)");
        assertThat(errors.get(1)).contains("clinical.csv:6:4:").contains("'Infinity' is not a plain number");
        assertThat(errors.get(2)).contains("clinical.csv:7:4:").contains("'1e400' is beyond the range of a number");
        assertThat(errors.get(3)).contains("clinical.csv:9:2: error: column 'os_days'").contains("(found '1e400')");
        // a column declared categorical is not checked; 'site' (4 numbers of 8) is a text column either way
        Path c2 = write("clinical2.csv", clin.toString().replace("1e400,1,", "100,1,"));
        Run f = run("validate", "-i", s.toString(), "-c", c2.toString(), "--factor", "cea");
        assertThat(f.exit()).as(f.err()).isZero();
    }
}
