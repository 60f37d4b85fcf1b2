package org.oncoconcord.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;

/**
 * The samplesheet's tissue columns for clonality (docs/PILEUP.md "Clonality"): {@code purity} (a
 * fraction in (0,1]; a percentage is refused, naming file, line, column and value) and {@code segments}
 * (a copy-number segment file: exists, parses, names this sample, contigs of the reference); both reach
 * the validated samplesheet, and are ignored with a warning on plasma and normal rows.
 */
class ValidatePurityTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err) {
        List<String> lines(String severity) {
            return Arrays.stream(err.split("\\R")).filter(l -> !l.startsWith("oncoconcord ") && l.contains(": " + severity + ": ")).toList();
        }
    }

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("ref.fa"), ">1\n" + "A".repeat(1000) + "\n>2\n" + "A".repeat(500) + "\n");
        for (int i = 0; i < 8; i++) {
            Files.writeString(dir.resolve("v" + i + ".vcf"), "##fileformat=VCFv4.2\n##source=v" + i + "\n##contig=<ID=1,length=1000>\n"
                    + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t10\t.\tA\tT\t.\tPASS\t.\n");
        }
        Files.writeString(dir.resolve("t.seg.tsv"), "chrom\tstart\tend\tcopy_number\n1\t1\t500\t3\n2\t1\t500\t1\n");
        Files.writeString(dir.resolve("m.seg.tsv"), "sample\tchrom\tstart\tend\tcopy_number\nP1_M\t1\t1\t1000\t4\n*\tchr2\t1\t10\t2\n");
    }

    private Run validate(String sheet, String... extra) throws IOException {
        Path csv = Files.writeString(dir.resolve("s.csv"), sheet);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        List<String> args = new ArrayList<>(List.of("validate", "-i", csv.toString(), "--fasta", dir.resolve("ref.fa").toString()));
        args.addAll(List.of(extra));
        return new Run(cl.execute(args.toArray(String[]::new)), err.toString());
    }

    @Test
    void purityAndSegmentsReachTheValidatedSamplesheet() throws IOException {
        Path csv = dir.resolve("validated.csv");
        Path json = dir.resolve("validated.json");
        String sheet = """
                patient,sample,type,vcf,purity,segments
                P1,P1_T,primary,v0.vcf,0.6,t.seg.tsv
                P1,P1_M,metastasis,v1.vcf,1,m.seg.tsv
                P1,P1_P,plasma,v2.vcf,,
                P2,P2_T,primary,v3.vcf,NA,
                P2,P2_M,metastasis,v4.vcf,0.35,
                """;
        Run r = validate(sheet, "--out", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // no bam column here: each value is kept, with a warning that the pipeline's clonality needs the reads
        assertThat(r.lines("warning")).hasSize(3).allSatisfy(w -> assertThat(w).contains("without a bam: clonality needs the sample's reads"));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",timepoint,purity,segments");
        assertThat(lines.get(1)).endsWith(",0.6," + dir.resolve("t.seg.tsv").toAbsolutePath());
        assertThat(lines.get(2)).endsWith(",1," + dir.resolve("m.seg.tsv").toAbsolutePath());
        assertThat(lines.get(3)).endsWith(",,");
        assertThat(lines.get(4)).endsWith(",,");
        assertThat(lines.get(5)).endsWith(",0.35,");
        assertThat(validate(sheet, "--out", json.toString()).exit()).isZero();
        JsonNode rows = new ObjectMapper().readTree(json.toFile());
        assertThat(rows.get(0).get("purity").asDouble()).isEqualTo(0.6);
        assertThat(rows.get(0).get("segments").asText()).isEqualTo(dir.resolve("t.seg.tsv").toAbsolutePath().toString());
        assertThat(rows.get(2).get("purity").isNull()).isTrue();
    }

    @Test
    void purityOutsideZeroToOneIsRefusedWithItsCell() throws IOException {
        Run r = validate("""
                patient,sample,type,vcf,purity
                P1,P1_T,primary,v0.vcf,60
                P1,P1_M,metastasis,v1.vcf,0
                P2,P2_T,primary,v2.vcf,-0.2
                P2,P2_M,metastasis,v3.vcf,1.01
                P3,P3_T,primary,v4.vcf,high
                P3,P3_M,metastasis,v5.vcf,1.0
                """);
        assertThat(r.exit()).isEqualTo(1);
        String sheet = dir.resolve("s.csv").toString();
        List<String> errors = r.lines("error");
        assertThat(errors).hasSize(5);
        for (String[] cell : new String[][] {{"2", "60"}, {"3", "0"}, {"4", "-0.2"}, {"5", "1.01"}, {"6", "high"}}) {
            assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(sheet + ":" + cell[0] + ":5: error: column 'purity': ")
                    .contains("fraction in (0,1]").endsWith("(found '" + cell[1] + "')"));
        }
    }

    @Test
    void purityOrSegmentsOfPlasmaAndNormalRowsAreIgnoredWithAWarning() throws IOException {
        Path csv = dir.resolve("validated.csv");
        Run r = validate("""
                patient,sample,type,vcf,purity,segments
                P1,P1_T,primary,v0.vcf,0.5,
                P1,P1_P,plasma,v1.vcf,0.1,
                P1,P1_W,normal,v2.vcf,,t.seg.tsv
                """, "--out", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines("warning")).hasSize(3);
        assertThat(r.lines("warning").get(0)).contains(":2:5: warning: column 'purity': a purity without a bam");
        assertThat(r.lines("warning").subList(1, 3)).noneMatch(w -> w.contains("without a bam"));
        assertThat(r.lines("warning").get(1)).contains(":3:5: warning: column 'purity': a plasma sample has a purity")
                .contains("it is ignored");
        assertThat(r.lines("warning").get(2)).contains(":4:6: warning: column 'segments': a normal sample has a segments");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(1)).endsWith(",0.5,");
        assertThat(lines.get(2)).endsWith(",,");
        assertThat(lines.get(3)).endsWith(",,");
    }

    @Test
    void badSegmentFilesAreRefusedNamingTheirLine() throws IOException {
        Files.writeString(dir.resolve("contig.tsv"), "chrom\tstart\tend\tcopy_number\n1\t1\t10\t2\nchr7\t1\t10\t3\n");
        Files.writeString(dir.resolve("beyond.tsv"), "chrom\tstart\tend\tcopy_number\n2\t400\t501\t3\n");
        Files.writeString(dir.resolve("other.tsv"), "sample\tchrom\tstart\tend\tcopy_number\nP9_T\t1\t1\t10\t3\n");
        Files.writeString(dir.resolve("bad.tsv"), "chrom\tstart\tend\tcopy_number\n1\t50\t10\t3\n");
        Files.writeString(dir.resolve("cols.tsv"), "chrom\tbegin\tend\tcn\n1\t1\t10\t3\n");
        Run r = validate("""
                patient,sample,type,vcf,segments
                P1,P1_T,primary,v0.vcf,contig.tsv
                P1,P1_M,metastasis,v1.vcf,beyond.tsv
                P2,P2_T,primary,v2.vcf,other.tsv
                P2,P2_M,metastasis,v3.vcf,bad.tsv
                P3,P3_T,primary,v4.vcf,cols.tsv
                P3,P3_M,metastasis,v5.vcf,missing.tsv
                """);
        assertThat(r.exit()).isEqualTo(1);
        List<String> errors = r.lines("error");
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0)).contains(":2:5: error: column 'segments': ").contains("contig.tsv: line 3: contig 'chr7' is not in ref.fa");
        assertThat(errors.get(1)).contains(":3:5: error: ").contains("beyond.tsv: line 2: segment 2:400-501 ends beyond 2 (length 500");
        assertThat(errors.get(2)).contains(":4:5: error: ").contains("other.tsv: line 2: sample 'P9_T' is not this row's sample 'P2_T'");
        assertThat(errors.get(3)).contains(":5:5: error: ").contains("bad.tsv: line 2: need 1 <= start <= end");
        assertThat(errors.get(4)).contains(":6:5: error: ").contains("cols.tsv: line 1: column 'start' missing");
        assertThat(errors.get(5)).contains(":7:5: error: ").contains("file not found");
    }
}
