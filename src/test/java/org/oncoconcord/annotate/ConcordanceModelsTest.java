package org.oncoconcord.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.vcf.GenomeBuild;
import picocli.CommandLine;

/**
 * {@code concordance --gtf/--gff3 --reference} (issue 13 item 2): the shipped GRCh37 KRAS model written
 * as GTF and as Ensembl GFF3 (each with a longer untagged decoy transcript), codons from a FASTA
 * holding KRAS's CDS bases at their GRCh37 positions, gives the same gene status, RAS status and
 * consequence columns as the shipped models (the oracle), with HGVSc on the file's transcript id.
 */
class ConcordanceModelsTest {
    @TempDir
    Path dir;

    private static final String HEADER = "##fileformat=VCFv4.2\n##contig=<ID=12>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";

    /** A FASTA with contig 12 up to KRAS's end + 6 kb: N except the KRAS CDS (from the shipped CDS, minus strand). */
    private Path krasFasta(Transcript kras) throws IOException {
        int length = kras.txEnd() + 6000;
        byte[] seq = new byte[length];
        Arrays.fill(seq, (byte) 'N');
        String cds = kras.cds();
        for (int i = 0; i < cds.length(); i++) {
            char b = kras.plus() ? cds.charAt(i) : AminoAcids.reverseComplement(String.valueOf(cds.charAt(i))).charAt(0);
            seq[kras.genomicOfCds(i) - 1] = (byte) b;
        }
        Path fa = dir.resolve("kras.fa");
        String head = ">12\n";
        try (BufferedWriter w = Files.newBufferedWriter(fa, StandardCharsets.US_ASCII)) {
            w.write(head);
            for (int i = 0; i < length; i += 60) {
                w.write(new String(seq, i, Math.min(60, length - i), StandardCharsets.US_ASCII));
                w.write('\n');
            }
        }
        Files.writeString(dir.resolve("kras.fa.fai"), "12\t" + length + "\t" + head.length() + "\t60\t61\n");
        return fa;
    }

    private record Run(int exit, String err, JsonNode json, List<String[]> rows, List<String> header) {
        String get(String pos, String column) {
            for (String[] r : rows) {
                if (r[1].equals(pos)) {
                    return r[header.indexOf(column)];
                }
            }
            throw new AssertionError("no row at " + pos);
        }
    }

    private Run concordance(String name, String... extra) throws IOException {
        // T: KRAS c.35G>A p.G12D and intron 1 (25380000); M: c.36T>C p.G12= (silent, inside codon 12)
        Path t = Files.writeString(dir.resolve("T.vcf"), HEADER + "12\t25380000\t.\tA\tG\t.\tPASS\t.\n12\t25398284\t.\tC\tT\t.\tPASS\t.\n");
        Path m = Files.writeString(dir.resolve("M.vcf"), HEADER + "12\t25398283\t.\tA\tG\t.\tPASS\t.\n");
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("concordance", "--quiet", "--patient", "P1", "--out", out.toString(),
                "--sample", "T=primary:" + t, "--sample", "M=metastasis:" + m, "--genome", "GRCh37"));
        args.addAll(List.of(extra));
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = cl.execute(args.toArray(String[]::new));
        if (exit != 0) {
            return new Run(exit, err.toString(), null, null, null);
        }
        List<String> lines = Files.readAllLines(out.resolve("P1.variants.tsv"));
        List<String[]> rows = new ArrayList<>();
        lines.subList(1, lines.size()).forEach(l -> rows.add(l.split("\t", -1)));
        return new Run(exit, err.toString(), new ObjectMapper().readTree(out.resolve("P1.concordance.json").toFile()), rows,
                List.of(lines.get(0).split("\t")));
    }

    private static void sameAsShipped(Run shipped, Run fromFile, Transcript kras) {
        assertThat(fromFile.json().get("genes").get("KRAS")).isEqualTo(shipped.json().get("genes").get("KRAS"));
        assertThat(fromFile.json().get("ras_status")).isEqualTo(shipped.json().get("ras_status"));
        for (String pos : List.of("25380000", "25398284", "25398283")) {
            for (String c : List.of("consequence", "impact", "hgvsp_short", "counted", "consequence_source")) {
                assertThat(fromFile.get(pos, c)).as(pos + " " + c).isEqualTo(shipped.get(pos, c));
            }
            assertThat(fromFile.get(pos, "hgvsc")).isEqualTo(shipped.get(pos, "hgvsc").replace(kras.id(), kras.ensemblId()));
        }
        assertThat(fromFile.json().get("consequences").get("computed").asLong()).isEqualTo(3);
    }

    @Test
    void gtfAndGff3OfTheShippedModelGiveTheShippedAnswers() throws IOException {
        Transcript kras = TranscriptSet.shipped(GenomeBuild.GRCh37).gene("KRAS");
        TranscriptSet only = new TranscriptSet("KRAS", List.of(kras));
        Path fa = krasFasta(kras);
        Path gtf = Files.writeString(dir.resolve("kras.gtf"), GtfReaderTest.gtf(only));
        Path gff3 = Files.writeString(dir.resolve("kras.gff3"), Gff3ReaderTest.ensembl(only));

        Run shipped = concordance("shipped");
        assertThat(shipped.exit()).as(shipped.err()).isZero();
        assertThat(shipped.get("25398284", "hgvsp_short")).isEqualTo("p.G12D");
        assertThat(shipped.get("25398284", "counted")).isEqualTo("1");
        assertThat(shipped.get("25398283", "counted")).isEqualTo("0");
        assertThat(shipped.get("25380000", "consequence")).isEqualTo("intron_variant");

        Run fromGtf = concordance("gtf", "--gtf", gtf.toString(), "--reference", fa.toString());
        assertThat(fromGtf.exit()).as(fromGtf.err()).isZero();
        sameAsShipped(shipped, fromGtf, kras);
        assertThat(fromGtf.get("25398284", "hgvsc")).isEqualTo("ENST00000256078.4:c.35G>A");
        assertThat(fromGtf.json().get("consequences").get("models").asText()).startsWith("GTF kras.gtf").endsWith("codons from kras.fa");

        Run fromGff3 = concordance("gff3", "--gff3", gff3.toString(), "--reference", fa.toString());
        assertThat(fromGff3.exit()).as(fromGff3.err()).isZero();
        sameAsShipped(shipped, fromGff3, kras);
        assertThat(fromGff3.json().get("consequences").get("models").asText()).startsWith("GFF3 kras.gff3");
    }

    @Test
    void modelsWithoutReferenceOrBothAreUsageErrors() throws IOException {
        Path gtf = Files.writeString(dir.resolve("x.gtf"), "");
        Run r = concordance("noref", "--gtf", gtf.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--gtf needs --reference");
        Run both = concordance("both", "--gtf", gtf.toString(), "--gff3", gtf.toString(), "--reference", gtf.toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--gtf and --gff3 are alternatives");
        Run refOnly = concordance("refonly", "--reference", gtf.toString());
        assertThat(refOnly.exit()).isEqualTo(2);
        assertThat(refOnly.err()).contains("--reference is only used with --gtf or --gff3");
    }
}
