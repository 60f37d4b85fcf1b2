package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A BGZF VCF on stdin (read directly, not ahead) gives the output of the same file given by name (read ahead). */
class StdinInputTest {
    @TempDir
    Path tmp;

    @Test
    void bgzfOnStdinGivesTheOutputOfTheFile() throws Exception {
        StringBuilder s = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=1,length=5000>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String l = "1\t" + (3 + i * 3) + "\t.\tA\tC\t.\tPASS\tN=" + i;
            s.append(l).append('\n');
            expected.add(l);
        }
        Path fa = tmp.resolve("ref.fa");
        Files.writeString(fa, ">1\n" + "A".repeat(5000) + "\n");
        Path in = tmp.resolve("in.vcf.gz");
        try (OutputStream o = new BlockCompressedOutputStream(in.toFile())) {
            o.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        Path fromFile = tmp.resolve("file.vcf.gz");
        Path fromStdin = tmp.resolve("stdin.vcf.gz");
        Run a = Run.normalize(List.of("-f", fa.toString(), "--no-standardize", "-o", fromFile.toString(), in.toString()));
        assertThat(a.exit).as(a.err).isZero();
        InputStream saved = System.in;
        try (InputStream stdin = Files.newInputStream(in)) {
            System.setIn(stdin);
            Run b = Run.normalize(List.of("-f", fa.toString(), "--no-standardize", "-o", fromStdin.toString(), "-"));
            assertThat(b.exit).as(b.err).isZero();
        } finally {
            System.setIn(saved);
        }
        List<String> lines = Run.dataLines(fromStdin);
        assertThat(lines.subList(1, lines.size())).isEqualTo(expected);
        assertThat(lines).isEqualTo(Run.dataLines(fromFile));
        assertThat(Files.readAllBytes(fromStdin)).isEqualTo(Files.readAllBytes(fromFile));
        assertThat(Files.readAllBytes(tmp.resolve("stdin.vcf.gz.tbi"))).isEqualTo(Files.readAllBytes(tmp.resolve("file.vcf.gz.tbi")));
    }
}
