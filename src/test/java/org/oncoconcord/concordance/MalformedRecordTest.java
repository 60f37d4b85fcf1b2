package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the concordance reader cannot parse (non-numeric DP, AF or AD; AF not one value per ALT)
 * is an error naming file and line, never a call of unknown VAF; and no output is left behind.
 */
class MalformedRecordTest {
    @TempDir
    Path dir;

    private static final String HEAD = "##fileformat=VCFv4.2\n##contig=<ID=1,length=249250621>\n"
            + "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"f\">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"a\">\n"
            + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"d\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n";
    private static final String GOOD = "1\t100\t.\tA\tC\t.\tPASS\t.\tAF:AD:DP\t0.25:30,10:40\n";

    private void assertRefused(String badRecord, String... mustContain) throws IOException {
        Path bad = dir.resolve("bad.vcf");
        Files.writeString(bad, HEAD + GOOD + badRecord);
        Path other = dir.resolve("other.vcf");
        Files.writeString(other, HEAD + GOOD);
        Path out = dir.resolve("out");
        ConcordanceRunner.Result r = ConcordanceRunner.run(out, "X", "--sample", "A=primary:" + bad,
                "--sample", "B=metastasis:" + other, "--genome", "GRCh37");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        String first = r.err().lines().findFirst().orElse("");
        assertThat(first).contains(bad + ": line 8");
        for (String m : mustContain) {
            assertThat(first).contains(m);
        }
        if (Files.exists(out)) {
            try (var files = Files.list(out)) {
                assertThat(files).as("no partial output").isEmpty();
            }
        }
    }

    @Test
    void nonNumericDepth() throws IOException {
        assertRefused("1\t200\t.\tG\tT\t.\tPASS\t.\tAF:AD:DP\t0.25:30,10:abc\n", "FORMAT/DP 'abc'");
    }

    @Test
    void nonNumericAlleleFraction() throws IOException {
        assertRefused("1\t200\t.\tG\tT\t.\tPASS\t.\tAF:AD:DP\tx0.2:30,10:40\n", "FORMAT/AF 'x0.2'");
    }

    @Test
    void nonNumericAlleleDepths() throws IOException {
        assertRefused("1\t200\t.\tG\tT\t.\tPASS\t.\tAD:DP\t30,ten:40\n", "FORMAT/AD '30,ten'");
    }

    @Test
    void alleleFractionCountNotMatchingTheAlts() throws IOException {
        assertRefused("1\t200\t.\tG\tT,C\t.\tPASS\t.\tAF:DP\t0.2:40\n", "FORMAT/AF '0.2' has 1 values for 2 ALT");
    }
}
