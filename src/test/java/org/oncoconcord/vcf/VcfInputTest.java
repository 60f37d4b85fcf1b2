package org.oncoconcord.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.VcfSemantics;

/** One opener for VCF input: encoding by content, BCF read as the same VCF text bcftools reads. */
class VcfInputTest {
    @TempDir
    Path tmp;

    static final String VCF = "##fileformat=VCFv4.2\n##contig=<ID=1,length=100>\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"f\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n1\t5\t.\tA\tC\t.\tPASS\t.\tGT:AF\t0/1:0.3\n";

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void encodingIsDetectedFromContentWhateverTheName() throws Exception {
        Path plain = tmp.resolve("a.vcf.gz"); // misleading name: plain text
        Files.writeString(plain, VCF);
        Path gzip = tmp.resolve("b.vcf");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            o.write(VCF.getBytes(StandardCharsets.UTF_8));
        }
        Path bgzf = tmp.resolve("c.txt");
        try (OutputStream o = new BlockCompressedOutputStream(bgzf.toFile())) {
            o.write(VCF.getBytes(StandardCharsets.UTF_8));
        }
        Path src = tmp.resolve("src.vcf");
        Files.writeString(src, VCF);
        Path bcf = tmp.resolve("d.vcf");
        VcfSemantics.bcftoolsToFile(bcf, "view", "-Ob", src.toString());
        Path ubcf = tmp.resolve("e.vcf");
        VcfSemantics.bcftoolsToFile(ubcf, "view", "-Ou", src.toString());
        assertThat(VcfInput.detect(plain)).isEqualTo(VcfEncoding.TEXT);
        assertThat(VcfInput.detect(gzip)).isEqualTo(VcfEncoding.GZIP);
        assertThat(VcfInput.detect(bgzf)).isEqualTo(VcfEncoding.BGZF);
        assertThat(VcfInput.detect(bcf)).isEqualTo(VcfEncoding.BCF);
        assertThat(VcfInput.detect(ubcf)).isEqualTo(VcfEncoding.BCF);
        for (Path p : List.of(plain, gzip, bgzf)) {
            assertThat(text(VcfInput.openText(p))).isEqualTo(VCF);
        }
        for (Path p : List.of(bcf, ubcf)) {
            String t = text(VcfInput.openText(p));
            assertThat(t).doesNotContain("IDX=").endsWith("1\t5\t.\tA\tC\t.\tPASS\t.\tGT:AF\t0/1:0.3\n");
            assertThat(VcfInput.readHeader(p).getGenotypeSamples()).containsExactly("S1");
        }
        try (InputStream stdin = Files.newInputStream(bcf)) {
            assertThat(text(VcfInput.openText(stdin, "<stdin>"))).endsWith("0/1:0.3\n");
        }
    }

    @Test
    void bcfOfRealCallerFilesReadsAsBcftoolsReadsIt() throws Exception {
        List<Path> inputs = new ArrayList<>();
        Path tcga = SharedData.require("vcf/tcga_A6-2686");
        for (String c : new String[] {"mutect2", "varscan2", "muse", "somaticsniper"}) {
            inputs.add(tcga.resolve("T001-COAD.grch37." + c + ".vcf.gz"));
        }
        Path strelka = SharedData.require("vcf/strelka2_demo");
        inputs.add(strelka.resolve("somatic.snvs.vcf.gz"));
        inputs.add(strelka.resolve("somatic.indels.vcf.gz"));
        for (Path vcf : inputs) {
            Path bcf = tmp.resolve(vcf.getFileName() + ".bcf");
            VcfSemantics.bcftoolsToFile(bcf, "view", "-Ob", vcf.toString());
            List<String> ours = new ArrayList<>();
            for (String l : text(VcfInput.openText(bcf)).lines().toList()) {
                if (!l.startsWith("#")) {
                    ours.add(VcfSemantics.canonical(l));
                }
            }
            assertThat(ours).as(vcf.getFileName().toString()).isNotEmpty().isEqualTo(VcfSemantics.bcftoolsRecords(bcf));
        }
    }

    @Test
    void bcfVectorsOfDifferentLengthsAndMissingValuesReadAsBcftoolsReadsThem() throws Exception {
        // BCF 2.2 pads shorter per-sample vectors with end-of-vector values, which htsjdk (2.1) does not know;
        // missing elements inside FORMAT vectors stay in place (INFO ones htsjdk drops: not tested here)
        String vcf = "##fileformat=VCFv4.2\n##contig=<ID=1,length=100>\n"
                + "##FILTER=<ID=q10,Description=\"q\">\n##FILTER=<ID=s50,Description=\"s\">\n"
                + "##INFO=<ID=XI,Number=.,Type=Integer,Description=\"i\">\n##INFO=<ID=XF,Number=.,Type=Float,Description=\"f\">\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
                + "##FORMAT=<ID=VI,Number=.,Type=Integer,Description=\"i\">\n##FORMAT=<ID=VF,Number=.,Type=Float,Description=\"f\">\n"
                + "##FORMAT=<ID=VS,Number=1,Type=String,Description=\"s\">\n##FORMAT=<ID=BIG,Number=.,Type=Integer,Description=\"b\">\n"
                + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"a\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\tS3\n"
                + "1\t5\trs1\tA\tC,G\t12.5\tq10;s50\tXI=1,3;XF=0.125\tGT:VI:VF:VS:BIG\t0/1:1,2,3:0.5,0.25:abc:70000,1"
                + "\t1|2:4:0.1:.:.\t./.:.:.:xy:3\n"
                + "1\t7\t.\tT\tC\t.\t.\t.\tGT:VI:AD\t0:7,8:.,3\t1/1:.:.\t0/0/1:1:2,.\n";
        Path src = tmp.resolve("v.vcf");
        Files.writeString(src, vcf);
        Path bcf = tmp.resolve("v.bcf");
        VcfSemantics.bcftoolsToFile(bcf, "view", "-Ob", src.toString());
        List<String> ours = new ArrayList<>();
        for (String l : text(VcfInput.openText(bcf)).lines().toList()) {
            if (!l.startsWith("#")) {
                ours.add(VcfSemantics.canonical(l));
            }
        }
        assertThat(ours).hasSize(2).isEqualTo(VcfSemantics.bcftoolsRecords(bcf));
    }

    @Test
    void unreadableInputsNameTheFile() throws IOException {
        Path dir = tmp.resolve("d");
        Files.createDirectories(dir);
        assertThatThrownBy(() -> VcfInput.openText(dir)).isInstanceOf(UserException.class).hasMessage(dir + ": is a directory, not a VCF file");
        Path missing = tmp.resolve("none.vcf");
        assertThatThrownBy(() -> VcfInput.openText(missing)).hasMessage(missing + ": VCF not found or not readable");
        Path badGzip = tmp.resolve("x.vcf.gz");
        Files.write(badGzip, new byte[] {0x1f, (byte) 0x8b, 9, 0, 0, 0, 0, 0, 0, 3});
        assertThatThrownBy(() -> VcfInput.openText(badGzip)).isInstanceOf(UserException.class)
                .hasMessageStartingWith(badGzip + ": gzip header with an unsupported compression method");
        Path notVcf = tmp.resolve("n.vcf");
        Files.writeString(notVcf, "hello\n");
        assertThatThrownBy(() -> VcfInput.readHeader(notVcf)).isInstanceOf(UserException.class).hasMessageStartingWith(notVcf + ":");
    }
}
