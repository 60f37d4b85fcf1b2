package org.oncoconcord.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.simulate.BamWriter;
import picocli.CommandLine;

/** The samplesheet's {@code bam} column through {@code oncoconcord validate}: every problem of every file at once, with its line. */
class BamCheckTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new String[] {Integer.toString(exit), err.toString()};
    }

    private Map<String, byte[]> reference(int length) {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("chr1", length);
        return BamWriter.randomReference(lengths, 5);
    }

    private void vcf(String name, String sample) throws IOException {
        Files.writeString(dir.resolve(name), "##fileformat=VCFv4.2\n##source=" + name + "\n##contig=<ID=chr1,length=3000>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + sample + "\nchr1\t10\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n");
    }

    private BamWriter.Config small() {
        return new BamWriter.Config(50, 2, 80, 120, 0.01, 0, 0, 0, 0, 0, 0, 3);
    }

    @Test
    void goodBamPassesAndIsWrittenToTheValidatedSheet() throws IOException {
        Map<String, byte[]> ref = reference(3000);
        Path fa = dir.resolve("ref.fa");
        BamWriter.writeFasta(fa, ref);
        BamWriter.write(dir.resolve("T.bam"), "P1_T", ref, List.of(), small());
        vcf("T.vcf", "P1_T");
        vcf("P.vcf", "P1_P");
        Path sheet = Files.writeString(dir.resolve("s.csv"), "patient,sample,type,vcf,bam\nP1,P1_T,primary,T.vcf,T.bam\nP1,P1_P,plasma,P.vcf,\n");
        Path out = dir.resolve("v.csv");
        String[] r = run("validate", "-i", sheet.toString(), "--fasta", fa.toString(), "-o", out.toString());
        assertThat(r[0]).as(r[1]).isEqualTo("0");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).endsWith(",tumor_sample,bam,collection_day,timepoint,purity,segments");
        assertThat(lines.get(1)).endsWith(dir.resolve("T.bam").toAbsolutePath() + ",,,,");
        assertThat(lines.get(2)).endsWith(",,,,,");
    }

    @Test
    void everyProblemOfEveryBamIsListedWithItsLine() throws IOException {
        Map<String, byte[]> ref = reference(3000);
        Path fa = dir.resolve("ref.fa");
        BamWriter.writeFasta(fa, ref);
        // line 2: another sample's reads; line 3: no index; line 4: aligned to a longer chr1; line 5: CRAM, no --fasta (second run)
        BamWriter.write(dir.resolve("swap.bam"), "P9_T", ref, List.of(), small());
        BamWriter.write(dir.resolve("noidx.bam"), "P1_M", ref, List.of(), small());
        Files.delete(dir.resolve("noidx.bai"));
        BamWriter.write(dir.resolve("long.bam"), "P1_P", reference(4000), List.of(), small());
        vcf("T.vcf", "P1_T");
        vcf("M.vcf", "P1_M");
        vcf("P.vcf", "P1_P");
        Path sheet = Files.writeString(dir.resolve("s.csv"), "patient,sample,type,vcf,bam\n"
                + "P1,P1_T,primary,T.vcf,swap.bam\nP1,P1_M,metastasis,M.vcf,noidx.bam\nP1,P1_P,plasma,P.vcf,long.bam\n"
                + "P2,P2_T,primary,T.vcf,missing.bam\nP2,P2_M,metastasis,M.vcf,T.vcf\n");
        String[] r = run("validate", "-i", sheet.toString(), "--fasta", fa.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains("s.csv:2:5: error: column 'bam': swap.bam: its read groups name sample [P9_T], not 'P1_T'");
        assertThat(r[1]).contains("s.csv:3:5: error: column 'bam': noidx.bam: no index beside it");
        assertThat(r[1]).contains("s.csv:4:5: error: column 'bam': long.bam: 1 @SQ length differ from ref.fa's: chr1 4000 vs chr1 3000");
        assertThat(r[1]).contains("s.csv:5:5: error:").contains("file not found");
        assertThat(r[1]).contains("s.csv:6:5: error: column 'bam': bam must be a path to an indexed .bam or .cram");
    }

    @Test
    void cramNeedsTheFasta() throws Exception {
        Map<String, byte[]> ref = reference(3000);
        Path fa = dir.resolve("ref.fa");
        BamWriter.writeFasta(fa, ref);
        BamWriter.write(dir.resolve("T.bam"), "P1_T", ref, List.of(), small());
        org.oncoconcord.testing.SystemTools.require("samtools", "samtools");
        Process p = new ProcessBuilder("bash", "-c", "samtools view -C -T ref.fa -o T.cram T.bam && samtools index T.cram")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        vcf("T.vcf", "P1_T");
        Path sheet = Files.writeString(dir.resolve("s.csv"), "patient,sample,type,vcf,bam\nP1,P1_T,primary,T.vcf,T.cram\n");
        String[] without = run("validate", "-i", sheet.toString());
        assertThat(without[0]).isEqualTo("1");
        assertThat(without[1]).contains("s.csv:2:5: error: column 'bam': T.cram: a CRAM needs the reference: give --fasta");
        String[] with = run("validate", "-i", sheet.toString(), "--fasta", fa.toString());
        assertThat(with[0]).as(with[1]).isEqualTo("0");
    }
}
