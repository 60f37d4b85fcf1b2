package org.oncoconcord.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.testing.SharedData;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        List<String> lines(String severity) {
            return Arrays.stream(err.split("\\R")).filter(l -> !l.startsWith("oncoconcord ") && l.contains(": " + severity + ": ")).toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private void vcf(String name, String... samples) throws IOException {
        // the file name in the header keeps files distinct (identical files under two samples are a warning)
        String header = "##fileformat=VCFv4.2\n##source=" + name + "\n##contig=<ID=1,length=1000>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO" + (samples.length > 0 ? "\tFORMAT\t" + String.join("\t", samples) : "") + "\n";
        Files.writeString(dir.resolve(name), header + "1\t10\t.\tA\tT\t.\tPASS\t." + (samples.length > 0 ? "\tGT" + "\t0/1".repeat(samples.length) : "") + "\n");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path goodSamplesheet() throws IOException {
        vcf("P1_T.vcf", "NORMAL", "TUMOR");
        vcf("P1_P.vcf", "P1_P");
        vcf("P2_M.vcf", "P2_M");
        vcf("P2_P.vcf", "P2_P");
        write("P1.bed", "1\t0\t1000\n");
        return write("samplesheet.csv", """
                patient,sample,type,vcf,regions,tumor_sample
                P1,P1_T,primary,P1_T.vcf,,TUMOR
                P1,P1_P,plasma,P1_P.vcf,P1.bed,
                P2,P2_M,metastasis,P2_M.vcf,,
                P2,P2_P,plasma,P2_P.vcf,P1.bed,
                """);
    }

    @Test
    void validSamplesheetAndClinicalPassAndWriteAbsolutePaths() throws IOException {
        Path sheet = goodSamplesheet();
        Path clinical = write("clinical.csv", "patient,os_days,os_event,age,sex,stage\nP1,700,1,61,F,IV\nP2,1200.5,0,NA,M,IIIB\n");
        Path out = dir.resolve("out/validated.csv");
        Run r = run("validate", "--input", sheet.toString(), "--clinical", clinical.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("error");
        try (CSVParser p = CSVParser.parse(out, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().get())) {
            List<CSVRecord> recs = p.getRecords();
            assertThat(p.getHeaderNames()).containsExactly(SampleRow.COLUMNS);
            assertThat(recs).extracting(x -> x.get("sample")).containsExactly("P1_T", "P1_P", "P2_M", "P2_P");
            assertThat(recs.get(0).get("vcf")).isEqualTo(dir.resolve("P1_T.vcf").toRealPath().toString());
            assertThat(recs.get(0).get("tumor_sample")).isEqualTo("TUMOR");
            assertThat(recs.get(1).get("regions")).isEqualTo(dir.resolve("P1.bed").toRealPath().toString());
            assertThat(recs.get(2).get("regions")).isEmpty();
        }
    }

    @Test
    void jsonOutputListsEverySample() throws IOException {
        Path sheet = goodSamplesheet();
        Path out = dir.resolve("validated.json");
        assertThat(run("validate", "-i", sheet.toString(), "-o", out.toString()).exit()).isZero();
        var arr = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertThat(arr).hasSize(4);
        assertThat(arr.get(2).get("type").asText()).isEqualTo("metastasis");
        assertThat(arr.get(2).get("regions").isNull()).isTrue();
    }

    /** The acceptance case of issue 2: six different errors, all reported with their lines, exit 1, no output. */
    @Test
    void sixDifferentErrorsAreAllReportedWithTheirLines() throws IOException {
        vcf("a.vcf", "S");
        vcf("b.vcf", "S");
        Path sheet = write("samplesheet.csv", String.join("\n",
                "patient,sample,type,vcf,tumor_sample",
                "P1,P1_T,primary,a.vcf,",          // 2 fine
                "P1,P1_T,metastasis,b.vcf,",       // 3 duplicate patient+sample
                "P2,P2_T,tumour,a.vcf,",           // 4 unknown type
                "P3,P3_P,plasma,a.vcf,",           // 5 patient with no tissue sample
                "P4,P4 T,primary,a.vcf,",          // 6 unsafe id
                "P5,P5_T,primary,missing.vcf,",    // 7 missing file
                "P6,P6_T,primary,a.vcf,TUMOUR",    // 8 tumour column not in the VCF
                "") );
        Path out = dir.resolve("validated.csv");
        Run r = run("validate", "--input", sheet.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> errors = r.lines("error");
        assertThat(errors).as(r.err()).hasSize(6);
        assertThat(lineNumbers(errors)).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(errors.get(0)).contains("samplesheet.csv:3:").contains("duplicate patient+sample 'P1/P1_T' (first at line 2)");
        assertThat(errors.get(1)).contains(":4:3:").contains("column 'type'").contains("tumour");
        assertThat(errors.get(2)).contains(":5:3:").contains("'P3' has no tissue sample");
        assertThat(errors.get(3)).contains(":6:2:").contains("column 'sample'").contains("'P4 T'");
        assertThat(errors.get(4)).contains(":7:4:").contains("file not found").contains("missing.vcf");
        assertThat(errors.get(5)).contains(":8:5:").contains("'TUMOUR' is not a column");
        // P4, P5, P6 have a single sample; rows 4-6 name the very file of row 2
        assertThat(r.err()).contains("6 errors and 6 warnings in");
        assertThat(r.lines("warning")).filteredOn(l -> l.contains("byte-identical")).hasSize(3);
        assertThat(out).doesNotExist();
    }

    @Test
    void clinicalProblemsAndCrossChecks() throws IOException {
        Path sheet = goodSamplesheet();
        Path clinical = write("clinical.csv", String.join("\n",
                "patient,os_days,os_event,rfs_days,rfs_event",
                "P1,-5,1,abc,0",       // 2: negative time, non-numeric time
                "P9,100,2,50,",        // 3: event not 0/1, rfs_event missing, P9 not in samplesheet (warning)
                "P1,10,0,,",           // 4: duplicate patient
                ""));
        Run r = run("validate", "-i", sheet.toString(), "-c", clinical.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> errors = r.lines("error");
        assertThat(errors).as(r.err()).anySatisfy(l -> assertThat(l).contains("clinical.csv:2:2:").contains("os_days").contains("-5"));
        assertThat(errors).anySatisfy(l -> assertThat(l).contains("clinical.csv:2:4:").contains("rfs_days").contains("abc"));
        assertThat(errors).anySatisfy(l -> assertThat(l).contains("clinical.csv:3:3:").contains("os_event must be 0"));
        assertThat(errors).anySatisfy(l -> assertThat(l).contains("clinical.csv:3:5:").contains("rfs_event").contains("missing while rfs_days"));
        assertThat(errors).anySatisfy(l -> assertThat(l).contains("clinical.csv:4:1:").contains("duplicate patient 'P1' (first at line 2)"));
        assertThat(errors).anySatisfy(l -> assertThat(l).contains("samplesheet.csv:4:").contains("'P2' has no row in"));
        assertThat(errors).hasSize(6);
        assertThat(r.lines("warning")).singleElement().asString().contains("clinical.csv:3:1:").contains("'P9' is not in");
    }

    @Test
    void clinicalPatientAbsentFromSamplesheetIsOnlyAWarning() throws IOException {
        Path sheet = goodSamplesheet();
        Path clinical = write("clinical.csv", "patient,os_days,os_event\nP1,5,0\nP2,6,1\nP3,7,1\n");
        Run r = run("validate", "-i", sheet.toString(), "-c", clinical.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines("warning")).singleElement().asString().contains("clinical.csv:4:1:").contains("'P3'");
    }

    @Test
    void twoPlasmaSamplesWithoutTimepointsAreAnErrorAndASingleSampleAWarning() throws IOException {
        vcf("a.vcf");
        Path sheet = write("s.csv", "patient,sample,type,vcf\nP1,T,primary,a.vcf\nP1,P1,plasma,a.vcf\nP1,P2,plasma,a.vcf\nP2,M,metastasis,a.vcf\n");
        Run r = run("validate", "-i", sheet.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).singleElement().asString().contains("s.csv:3:3:")
                .contains("plasma sample 'P1' has neither a timepoint nor a collection_day, and the patient has 2 plasma samples");
        assertThat(r.lines("warning")).filteredOn(l -> !l.contains("byte-identical")).singleElement().asString()
                .contains("s.csv:5:3:").contains("'P2' has a single sample");
    }

    @Test
    void missingInputFilesAndColumnsAreReported() throws IOException {
        Run r = run("validate", "-i", dir.resolve("nope.csv").toString(), "-c", dir.resolve("nope2.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).hasSize(2).allSatisfy(l -> assertThat(l).contains("file not found"));

        Path sheet = write("s.csv", "patient,sample,kind\nP1,S1,primary\n");
        Run r2 = run("validate", "-i", sheet.toString());
        assertThat(r2.exit()).isEqualTo(1);
        assertThat(r2.lines("error")).anySatisfy(l -> assertThat(l).contains("s.csv:1: error: column 'type': required column is missing"))
                .anySatisfy(l -> assertThat(l).contains("column 'vcf': required column is missing"));
        assertThat(r2.lines("warning")).singleElement().asString().contains("column 'kind': unknown column");
    }

    @Test
    void malformedCsvAndBadVcfAreReportedWithLines() throws IOException {
        write("bad.vcf", "this is not a vcf\n");
        vcf("a.vcf");
        Path sheet = write("s.csv", "patient,sample,type,vcf\nP1,S1,primary,bad.vcf\nP1,S2,primary\n\nP1,S3,plasma,a.vcf\n");
        Run r = run("validate", "-i", sheet.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).as(r.err()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("s.csv:2:4:").contains("not a readable VCF"))
                .anySatisfy(l -> assertThat(l).contains("s.csv:3: error: has 3 fields but the header has 4"));
    }

    @Test
    void shippedSchemasAreTheOnesOfThePipelineAssets() throws IOException {
        Path assets = SharedData.projectDir().resolve("assets");
        for (String name : List.of("schema_input.json", "schema_clinical.json")) {
            try (var in = TableSchema.class.getResourceAsStream(TableSchema.RESOURCE_DIR + name)) {
                assertThat(in).as(name + " in the jar").isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(name)
                        .isEqualTo(Files.readString(assets.resolve(name)));
            }
        }
    }

    private static List<Integer> lineNumbers(List<String> lines) {
        Pattern p = Pattern.compile("samplesheet\\.csv:(\\d+):");
        return lines.stream().map(l -> {
            Matcher m = p.matcher(l);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }).toList();
    }
}
