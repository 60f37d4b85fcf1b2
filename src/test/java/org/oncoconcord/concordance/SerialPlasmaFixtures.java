package org.oncoconcord.concordance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hand-built VCFs of a patient with serial plasma (docs/PLASMA.md "Serial plasma"): a primary with four
 * clonal variants (1:100, 200, 300, 400 A>C at VAF 0.4) and three plasma draws of known alt/depth.
 */
public final class SerialPlasmaFixtures {
    private static final String HEADER = "##fileformat=VCFv4.2\n##contig=<ID=1>\n"
            + "##FILTER=<ID=LowQual,Description=\"low\">\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n"
            + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
            + "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">\n";

    private final Path dir;

    public SerialPlasmaFixtures(Path dir) {
        this.dir = dir;
    }

    private Path vcf(String name, String... records) throws IOException {
        return Files.writeString(dir.resolve(name + ".vcf"), HEADER + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t"
                + name + "\n" + String.join("\n", records) + "\n");
    }

    private static String rec(int pos, String filter, int ref, int alt) {
        return "1\t" + pos + "\t.\tA\tC\t.\t" + filter + "\t.\tGT:AD:DP\t0/1:" + ref + "," + alt + ":" + (ref + alt);
    }

    /** The primary: four clonal variants at 40/100. */
    public Path tissue() throws IOException {
        return vcf("T", rec(100, "PASS", 60, 40), rec(200, "PASS", 60, 40), rec(300, "PASS", 60, 40), rec(400, "PASS", 60, 40));
    }

    /** 100 and 200 called at 50/500, 300 and 400 seen at 0/500: TF 0.1, 2 detected, 2 informative misses. */
    public Path relapse() throws IOException {
        return vcf("PR", rec(100, "PASS", 450, 50), rec(200, "PASS", 450, 50), rec(300, "LowQual", 500, 0), rec(400, "LowQual", 500, 0));
    }

    /** All four called at 20/1000 plus a plasma-only call at 900 (10/1000): TF 0.04, 4 detected. */
    public Path baseline() throws IOException {
        return vcf("PB", rec(100, "PASS", 980, 20), rec(200, "PASS", 980, 20), rec(300, "PASS", 980, 20), rec(400, "PASS", 980, 20),
                rec(900, "PASS", 990, 10));
    }

    /** All four seen at 0/1000: TF 0, no signal, 4 uninformative misses. */
    public Path postOp() throws IOException {
        return vcf("PP", rec(100, "LowQual", 1000, 0), rec(200, "LowQual", 1000, 0), rec(300, "LowQual", 1000, 0),
                rec(400, "LowQual", 1000, 0));
    }
}
