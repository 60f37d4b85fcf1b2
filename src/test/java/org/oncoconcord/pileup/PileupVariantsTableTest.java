package org.oncoconcord.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.simulate.BamWriter;

/**
 * The pipeline's PILEUP input: a concordance {@code variants.tsv} as sites (its {@code
 * <label>.present} columns say who called what) and {@code --label SM=LABEL} naming the BAM's
 * sample as the samplesheet does; counts equal those from a plain sites TSV (checked against
 * samtools/bcftools in PileupOracleTest).
 */
class PileupVariantsTableTest {
    @TempDir
    Path dir;

    @Test
    void variantsTableSitesAndLabels() throws Exception {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("chr1", 4000);
        Map<String, byte[]> ref = BamWriter.randomReference(lengths, 31);
        byte[] b = ref.get("chr1");
        String r1 = String.valueOf((char) b[999]);
        String r2 = String.valueOf((char) b[1999]);
        String r3 = String.valueOf((char) b[2999]);
        String a1 = r1.equals("A") ? "C" : "A";
        String a2 = r2.equals("G") ? "T" : "G";
        String a3 = r3.equals("T") ? "A" : "T";
        List<BamWriter.Planted> planted = List.of(new BamWriter.Planted("chr1", 1000, r1, a1, 0.5),
                new BamWriter.Planted("chr1", 2000, r2, a2, 0.2), new BamWriter.Planted("chr1", 3000, r3, a3, 0.0));
        Path bam = dir.resolve("t.bam");
        BamWriter.write(bam, "TUMOR_SM", ref, planted, new BamWriter.Config(100, 80, 150, 300, 0.0, 0, 0, 0, 0, 0, 0, 32));
        // P1_T called the first; P1_P (no BAM here) the second; nobody the third
        Path variants = Files.writeString(dir.resolve("P1.variants.tsv"), "chrom\tpos\tref\talt\tgene\thotspot\tgroup\tclass"
                + "\tP1_T.present\tP1_T.vaf\tP1_T.depth\tP1_T.evaluable\tP1_P.present\tP1_P.vaf\tP1_P.depth\tP1_P.evaluable\n"
                + "chr1\t1000\t" + r1 + "\t" + a1 + "\t.\t.\t.\tprivate\t1\t0.5\t80\t1\t0\t.\t.\t1\n"
                + "chr1\t2000\t" + r2 + "\t" + a2 + "\t.\t.\t.\tprivate\t0\t.\t.\t1\t1\t0.2\t90\t1\n"
                + "chr1\t3000\t" + r3 + "\t" + a3 + "\t.\t.\t.\tprivate\t0\t.\t.\t1\t1\t0.1\t90\t1\n");
        Path plain = Files.writeString(dir.resolve("sites.tsv"), "chr1\t1000\t" + r1 + "\t" + a1 + "\nchr1\t2000\t" + r2 + "\t" + a2
                + "\nchr1\t3000\t" + r3 + "\t" + a3 + "\n");
        Path out = dir.resolve("P1.evidence.tsv");
        Map<String, String[]> rows = PileupOracleTest.run(out, "pileup", "--quiet", "--sites", variants.toString(), "--bam", bam.toString(),
                "--label", "TUMOR_SM=P1_T", "-o", out.toString());
        Path out2 = dir.resolve("plain.tsv");
        Map<String, String[]> plainRows = PileupOracleTest.run(out2, "pileup", "--quiet", "--sites", plain.toString(), "--bam", bam.toString(),
                "-o", out2.toString());
        assertEquals(3, rows.size());
        String[] first = rows.get("chr1:1000:" + r1 + ":" + a1 + "|P1_T");
        String[] second = rows.get("chr1:2000:" + r2 + ":" + a2 + "|P1_T");
        String[] third = rows.get("chr1:3000:" + r3 + ":" + a3 + "|P1_T");
        assertEquals("CALLED", first[16]);
        assertEquals("BELOW_CALL_THRESHOLD", second[16], String.join(" ", second)); // ~20% of ~80 reads, not called by P1_T
        assertEquals("ABSENT", third[16], String.join(" ", third));
        for (var e : plainRows.entrySet()) {
            String key = e.getKey().replace("|TUMOR_SM", "|P1_T");
            assertEquals(String.join(" ", List.of(e.getValue()).subList(5, 16)), String.join(" ", List.of(rows.get(key)).subList(5, 16)));
        }
        assertTrue(Integer.parseInt(third[5]) >= 10);
    }
}
