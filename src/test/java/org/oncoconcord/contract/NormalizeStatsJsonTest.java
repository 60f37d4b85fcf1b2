package org.oncoconcord.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;

/** normalize writes its stats as {@link NormalizeStatsJson}, read back strictly; every key is in CONTRACTS.md ## normalize. */
class NormalizeStatsJsonTest {
    @TempDir
    Path tmp;

    @Test
    void everyKeyIsDescribedInTheNormalizeSection() throws Exception {
        String text = ContractsDocTest.section("normalize");
        for (String k : ContractsDocTest.keys(NormalizeStatsJson.class)) {
            assertThat(Pattern.compile("\\b" + k + "\\b").matcher(text).find()).as("key '%s' in CONTRACTS.md ## normalize", k).isTrue();
        }
    }

    @Test
    void normalizeWritesTheRecordAndItsCountsBalance() throws Exception {
        Files.writeString(tmp.resolve("ref.fa"), ">1\nACGTACGTACGTACGTACGTACGTACGTACGTACGTACGT\n");
        // two records: a multiallelic one split into two (split_added 1), and one whose REF disagrees with the FASTA
        Files.writeString(tmp.resolve("in.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=1,length=40>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t5\t.\tA\tC,G\t.\tPASS\t.\n"
                + "1\t9\t.\tT\tC\t.\tPASS\t.\n");
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("normalize", "--quiet", "-f", tmp.resolve("ref.fa").toString(), "-m", "-any", "-c", "x", "--lenient",
                "--stats", tmp.resolve("s.json").toString(), "-o", tmp.resolve("out.vcf.gz").toString(), tmp.resolve("in.vcf").toString());
        assertThat(exit).as(err.toString()).isZero();
        NormalizeStatsJson s = NormalizeStatsJson.read(tmp.resolve("s.json"));
        assertThat(s.in()).isEqualTo(2);
        assertThat(s.splitAdded()).isEqualTo(1);
        assertThat(s.rejected()).containsEntry("ref_mismatch", 1L);
        assertThat(s.rejectedTotal()).isEqualTo(1);
        assertThat(s.out()).isEqualTo(2);
        assertThat(s.balanced()).isTrue();
    }
}
