package org.oncoconcord.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * The direct CSQ writer ({@link CsqWriter}: intergenic, up/downstream and deep intronic alleles
 * written from cached bytes) against the full engine ({@link Csq#append} of every
 * {@link Annotator} annotation, itself checked against TCGA and hand-made answers): the same value
 * and counts for every record. Records: SNVs, MNVs, deletions, insertions and complex changes with
 * VCF anchor bases, lower case, several ALTs, symbolic and {@code *} ALTs, a REF with an IUPAC code;
 * placed anywhere and, half of them, within 12 bases of an exon boundary; on random transcripts of
 * both strands (overlapping, adjacent exons, tiny introns, names needing VEP's escapes) and on the
 * shipped GRCh37 models.
 */
class CsqWriterTest {
    private static final char[] BASES = {'A', 'C', 'G', 'T'};
    private static final Pattern TERMS = Pattern.compile("(?:^|,)[^|,]*\\|([a-z_0-9&]+)\\|");

    @Test
    void randomTranscriptsGiveTheFullEnginesValues() {
        Random rnd = new Random(17);
        List<Transcript> list = new ArrayList<>();
        for (int g = 0; g < 40; g++) {
            list.add(randomTranscript(rnd, g, 1000 + rnd.nextInt(60_000)));
        }
        Annotator annotator = new Annotator(new TranscriptSet("random", list));
        Stats stats = new Stats();
        for (int k = 0; k < 30_000; k++) {
            int pos;
            if (rnd.nextBoolean()) {
                Transcript t = list.get(rnd.nextInt(list.size()));
                int e = rnd.nextInt(t.exonCount());
                pos = (rnd.nextBoolean() ? t.exonStart(e) : t.exonEnd(e)) + rnd.nextInt(25) - 12;
            } else {
                pos = 1 + rnd.nextInt(75_000);
            }
            compare(annotator, k % 50 == 0 ? "chrU" : k % 2 == 0 ? "chr7" : "7", Math.max(1, pos), rnd, stats);
        }
        stats.assertCoverage();
    }

    @Test
    void shippedModelsGiveTheFullEnginesValues() {
        Random rnd = new Random(23);
        TranscriptSet shipped = TranscriptSet.shipped(GenomeBuild.GRCh37);
        Annotator annotator = new Annotator(shipped);
        Stats stats = new Stats();
        for (Transcript t : shipped.all()) {
            for (int pos = t.txStart() - 5_100; pos <= t.txEnd() + 5_100; pos += 97 + rnd.nextInt(40)) {
                compare(annotator, t.chrom(), pos, rnd, stats);
            }
            for (int e = 0; e < t.exonCount(); e++) {
                for (int d = -12; d <= 12; d += 3) {
                    compare(annotator, t.chrom(), t.exonStart(e) + d, rnd, stats);
                    compare(annotator, t.chrom(), t.exonEnd(e) + d, rnd, stats);
                }
            }
        }
        stats.assertCoverage();
    }

    /** What the compared values held, so the test shows it reached every kind of entry. */
    private static final class Stats {
        final java.util.Map<String, Integer> terms = new java.util.TreeMap<>();
        int records;

        void add(String value) {
            records++;
            Matcher m = TERMS.matcher(value);
            while (m.find()) {
                terms.merge(m.group(1), 1, Integer::sum);
            }
        }

        void assertCoverage() {
            assertThat(terms.keySet()).as(terms.toString()).contains("intergenic_variant", "intron_variant",
                    "upstream_gene_variant", "downstream_gene_variant", "missense_variant", "frameshift_variant",
                    "splice_donor_variant", "splice_acceptor_variant", "splice_region_variant&intron_variant");
            assertThat(terms.get("intron_variant")).as(terms.toString()).isGreaterThan(1000);
        }
    }

    private static void compare(Annotator annotator, String chrom, int pos, Random rnd, Stats stats) {
        String[] alleles = randomRecord(rnd);
        CsqAnnotator.Counts fullCounts = new CsqAnnotator.Counts();
        StringBuilder full = new StringBuilder();
        int nFull = CsqAnnotator.append(annotator, fullCounts, chrom, pos, alleles, full);
        CsqAnnotator.Counts directCounts = new CsqAnnotator.Counts();
        CsqBytes direct = new CsqBytes(16);
        int nDirect = CsqAnnotator.append(annotator, directCounts, chrom, pos, alleles, direct);
        String what = chrom + ":" + pos + " " + String.join(",", alleles);
        assertEquals(full.toString(), direct.toString(), what);
        assertEquals(nFull, nDirect, what);
        assertEquals(List.of(fullCounts.alleles, fullCounts.skipped, fullCounts.intergenic, fullCounts.proteinAltering,
                        fullCounts.codingChecked, fullCounts.mismatches),
                List.of(directCounts.alleles, directCounts.skipped, directCounts.intergenic, directCounts.proteinAltering,
                        directCounts.codingChecked, directCounts.mismatches), what);
        stats.add(full.toString());
    }

    /** REF then 1-3 ALTs, VCF style (indels with an anchor base). */
    private static String[] randomRecord(Random rnd) {
        int kind = rnd.nextInt(8);
        String anchor = bases(rnd, 1);
        String ref;
        List<String> alts = new ArrayList<>();
        switch (kind) {
            case 0, 1 -> {
                ref = anchor;
                alts.add(other(rnd, anchor));
            }
            case 2 -> {
                ref = anchor + bases(rnd, 1 + rnd.nextInt(12));
                alts.add(anchor);
            }
            case 3 -> {
                ref = anchor;
                alts.add(anchor + bases(rnd, 1 + rnd.nextInt(12)));
            }
            case 4 -> {
                ref = bases(rnd, 2 + rnd.nextInt(4));
                StringBuilder alt = new StringBuilder();
                for (char c : ref.toCharArray()) {
                    alt.append(rnd.nextBoolean() ? c : other(rnd, String.valueOf(c)).charAt(0));
                }
                alts.add(alt.toString().equals(ref) ? other(rnd, ref.substring(0, 1)) + ref.substring(1) : alt.toString());
            }
            case 5 -> { // complex, sharing bases at either end
                String shared = bases(rnd, rnd.nextInt(3));
                ref = shared + bases(rnd, 1 + rnd.nextInt(5)) + anchor;
                alts.add(shared + bases(rnd, rnd.nextInt(6)) + anchor);
            }
            case 6 -> { // several ALTs, lower case, symbolic ones
                ref = (anchor + bases(rnd, rnd.nextInt(3))).toLowerCase(java.util.Locale.ROOT);
                alts.add(other(rnd, anchor).toLowerCase(java.util.Locale.ROOT) + ref.substring(1));
                alts.add(anchor);
                alts.add(rnd.nextBoolean() ? "<DEL>" : "*");
            }
            default -> { // a REF with an IUPAC code beside a plain ALT, or an insertion and a SNV
                if (rnd.nextInt(4) == 0) {
                    ref = anchor + "R";
                    alts.add(anchor);
                } else {
                    ref = anchor;
                    alts.add(anchor + bases(rnd, 3));
                    alts.add(other(rnd, anchor));
                }
            }
        }
        alts.removeIf(a -> a.equalsIgnoreCase(ref));
        if (alts.isEmpty()) {
            alts.add(other(rnd, ref.substring(0, 1)) + ref.substring(1));
        }
        String[] out = new String[alts.size() + 1];
        out[0] = ref;
        for (int i = 0; i < alts.size(); i++) {
            out[i + 1] = alts.get(i);
        }
        return out;
    }

    private static String bases(Random rnd, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(BASES[rnd.nextInt(4)]);
        }
        return b.toString();
    }

    private static String other(Random rnd, String base) {
        char b = Character.toUpperCase(base.charAt(0));
        char c;
        do {
            c = BASES[rnd.nextInt(4)];
        } while (c == b);
        return String.valueOf(c);
    }

    /** A transcript of 1-9 exons (1-300 bases; introns 1-2,000, some tiny) with a random CDS (ATG...stop). */
    private static Transcript randomTranscript(Random rnd, int g, int start) {
        int n = 1 + rnd.nextInt(9);
        int[] starts = new int[n];
        int[] ends = new int[n];
        int pos = start;
        for (int i = 0; i < n; i++) {
            starts[i] = pos;
            ends[i] = pos + (i == 0 ? 10 : 0) + rnd.nextInt(300);
            pos = ends[i] + 1 + (rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(10) : 20 + rnd.nextInt(2000));
        }
        int exonic = 0;
        for (int i = 0; i < n; i++) {
            exonic += ends[i] - starts[i] + 1;
        }
        // CDS: a whole number of codons inside the exonic sequence, from a random 5' offset
        int codons = Math.max(2, (exonic - 2) / 3 - rnd.nextInt(Math.max(1, exonic / 6)));
        if (codons * 3 > exonic) {
            codons = exonic / 3;
        }
        int utr5 = rnd.nextInt(Math.max(1, exonic - codons * 3 + 1));
        boolean plus = rnd.nextBoolean();
        // transcript-order offsets utr5 .. utr5+3*codons-1 to genomic positions
        int first = genomic(starts, ends, plus, utr5);
        int last = genomic(starts, ends, plus, utr5 + codons * 3 - 1);
        StringBuilder cds = new StringBuilder("ATG");
        for (int c = 1; c < codons - 1; c++) {
            String codon;
            do {
                codon = bases(rnd, 3);
            } while (codon.equals("TAA") || codon.equals("TAG") || codon.equals("TGA"));
            cds.append(codon);
        }
        if (codons > 1) {
            cds.append(rnd.nextBoolean() ? "TAA" : "TGA");
        }
        String gene = g % 7 == 0 ? "G " + g + "=x" : "G" + g; // names with VEP escapes
        return new Transcript(gene, "NM_" + g + (g % 5 == 0 ? ";1" : ".1"), "ENST" + g, "NP_" + g + ".1", "chr7", plus,
                starts[0], ends[n - 1], Math.min(first, last), Math.max(first, last), starts, ends,
                codons * 3 == cds.length() ? cds.toString() : null);
    }

    private static int genomic(int[] starts, int[] ends, boolean plus, int offset) {
        int n = starts.length;
        int left = offset;
        for (int k = 0; k < n; k++) {
            int i = plus ? k : n - 1 - k;
            int len = ends[i] - starts[i] + 1;
            if (left < len) {
                return plus ? starts[i] + left : ends[i] - left;
            }
            left -= len;
        }
        throw new IllegalStateException("offset beyond the exons");
    }
}
