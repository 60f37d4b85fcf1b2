package org.oncoconcord.annotate;

import org.oncoconcord.vcf.GenomeBuild;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SharedData;

/**
 * Accuracy oracle: the TCGA COADREAD Firehose MAF (GRCh37, annotated by Oncotator) for every SNV,
 * MNV and indel in the genes whose CDS we ship. Oncotator's conventions are translated, not
 * relaxed: its Splice_Site also covers the two exonic bases at each internal exon boundary (then
 * its Protein_Change is the coding change), its indel Protein_Change names the codons at the input
 * position ({@code p.N942fs}, {@code p.E345del}) where HGVS names the first changed residue, and a
 * silent change is {@code p.T125T} for HGVS {@code p.T125=}. Disagreements are listed in
 * docs/ANNOTATE.md; those of MET, EZH2 and MYC are TCGA's other isoforms (constant residue offsets).
 */
class TcgaOracleTest {
    static final Set<String> OTHER_ISOFORM_IN_TCGA = Set.of("MET", "EZH2", "MYC");
    private static final Pattern PROTEIN = Pattern.compile("p\\.([A-Z*]*)(\\d+)(.*)");

    record Row(String gene, String chrom, int start, int end, String ref, String alt, String cls, String protein, String type) {
        Allele allele() {
            String r = ref.equals("-") ? "" : ref;
            String a = alt.equals("-") ? "" : alt;
            return new Allele(chrom, r.isEmpty() ? end : start, r, a);
        }
    }

    static List<Row> rows(Path maf) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(maf)), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            assertTrue(header.startsWith("Hugo_Symbol\tChromosome\tStart_Position"), header);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4], f[5], f[6], f[11], f[7]));
            }
        }
        return rows;
    }

    /** Exonic distance (1 = boundary base) to the nearest internal exon boundary, or 0 when none within 2. */
    static boolean inOncotatorSpliceWindow(Transcript t, Allele a) {
        int lo = a.isInsertion() ? a.start() - 1 : a.start();
        int hi = a.isInsertion() ? a.start() : a.end();
        for (int i = 0; i + 1 < t.exonCount(); i++) {
            int left = t.exonEnd(i);
            int right = t.exonStart(i + 1);
            if (hi >= left - 1 && lo <= right + 1) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern HGVSC = Pattern.compile("c\\.(\\d+)(?:_(\\d+))?(del|dup|ins)([ACGT]*)");
    private static final Pattern THEIR_RANGE = Pattern.compile("p\\.(\\d+)_(\\d+)([A-Z*]+)>([A-Z*]+)");
    private static final Pattern THEIR_INS = Pattern.compile("p\\.(\\d+)_(\\d+)ins([A-Z*]+)");

    /**
     * Our annotation in Oncotator's notation (see the class comment): SNVs/MNVs as HGVSp_Short with
     * {@code =} written out; frameshifts as the residues of the codons the 3'-shifted indel touches
     * ({@code p.KE1308}); in-frame indels as deleted residues ({@code p.HHERCS178del}) or an
     * insertion after a residue ({@code ins:1334:Q}).
     */
    static String oncotatorProtein(Annotation a, Row row, String protein) {
        String ours = a.hgvspShort();
        boolean indel = row.type().equals("INS") || row.type().equals("DEL");
        if (!indel) {
            Matcher m = PROTEIN.matcher(ours);
            if (ours.endsWith("=") && m.matches()) {
                return "p." + m.group(1) + m.group(2) + m.group(1);
            }
            int ext = ours.indexOf("ext");
            return ext > 0 ? ours.substring(0, ext) : ours;
        }
        if (a.consequences().contains(Consequence.FRAMESHIFT_VARIANT)) {
            return "fs";
        }
        Matcher del = Pattern.compile("p\\.[A-Z*](\\d+)(?:_[A-Z*](\\d+))?del").matcher(ours);
        if (del.matches()) {
            int from = Integer.parseInt(del.group(1));
            int to = del.group(2) == null ? from : Integer.parseInt(del.group(2));
            return "p." + protein.substring(from - 1, to) + from + "del";
        }
        Matcher dup = Pattern.compile("p\\.[A-Z*](\\d+)(?:_[A-Z*](\\d+))?dup").matcher(ours);
        if (dup.matches()) {
            int from = Integer.parseInt(dup.group(1));
            int to = dup.group(2) == null ? from : Integer.parseInt(dup.group(2));
            return "ins:" + to + ":" + protein.substring(from - 1, to);
        }
        Matcher ins = Pattern.compile("p\\.[A-Z*](\\d+)_[A-Z*]\\d+ins([A-Z*]+)").matcher(ours);
        if (ins.matches()) {
            return "ins:" + ins.group(1) + ":" + ins.group(2);
        }
        return ours;
    }

    /**
     * Oncotator names a frameshift by a residue near it ({@code p.N942fs}), not always the same one
     * (codon of the input position, or of a neighbouring copy of a repeat): consistent when that
     * residue is in our reference protein at that number and lies between the codon before the
     * input position and our HGVS first changed residue.
     */
    static boolean frameshiftConsistent(Annotation a, String theirs, String protein) {
        Matcher m = PROTEIN.matcher(theirs);
        Matcher hgvs = PROTEIN.matcher(a.hgvspShort());
        if (!m.matches() || !m.group(3).equals("fs") || !hgvs.matches()) {
            return false;
        }
        int n = Integer.parseInt(m.group(2));
        String residues = m.group(1);
        String pos = a.proteinPosition();
        int input = Integer.parseInt(pos.contains("-") ? pos.substring(0, pos.indexOf('-')) : pos);
        int firstChanged = Integer.parseInt(hgvs.group(2));
        return n >= input - 1 && n <= firstChanged && protein.startsWith(residues, n - 1);
    }

    /** Oncotator's indel notation in the form of {@link #oncotatorProtein}. */
    static String oncotatorIndel(String protein) {
        Matcher range = THEIR_RANGE.matcher(protein);
        if (range.matches()) {
            int a = Integer.parseInt(range.group(1));
            int b = Integer.parseInt(range.group(2));
            String ref = range.group(3);
            String alt = range.group(4);
            if (alt.startsWith(ref)) {
                return "ins:" + b + ":" + alt.substring(ref.length());
            }
            if (ref.startsWith(alt)) {
                return "p." + ref.substring(alt.length()) + (a + alt.length()) + "del";
            }
            return protein;
        }
        Matcher ins = THEIR_INS.matcher(protein);
        if (ins.matches()) {
            return "ins:" + ins.group(1) + ":" + ins.group(3);
        }
        return protein;
    }

    @Test
    void reproducesTcgaClassificationAndProteinChange() throws IOException {
        Path maf = SharedData.require("tcga_crc/tcga_coadread_firehose_mutations_nonsilent.tsv.gz");
        TranscriptSet models = TranscriptSet.shipped(GenomeBuild.GRCh37);
        Annotator annotator = new Annotator(models);
        int compared = 0;
        int agree = 0;
        int comparedSameIsoform = 0;
        int agreeSameIsoform = 0;
        Map<String, Integer> offsets = new HashMap<>();
        List<String> disagreements = new ArrayList<>();
        Map<String, int[]> byType = new TreeMap<>();
        for (Row row : rows(maf)) {
            Transcript t = models.gene(row.gene());
            if (t == null || t.cds() == null) {
                continue;
            }
            Allele allele = row.allele();
            Annotation a = annotator.annotate(allele).stream()
                    .filter(x -> x.transcript() == t).findFirst().orElseThrow();
            String ourClass = inOncotatorSpliceWindow(t, allele) && row.cls().equals("Splice_Site")
                    ? "Splice_Site" : MafClassification.of(a);
            boolean indel = row.type().equals("INS") || row.type().equals("DEL");
            String theirs = indel ? oncotatorIndel(row.protein()) : row.protein();
            String ours = a.hgvspShort().isEmpty() ? "" : oncotatorProtein(a, row, annotator.protein(t));
            boolean ok = ourClass.equals(row.cls()) && !a.refMismatch()
                    && (ours.equals("fs") ? frameshiftConsistent(a, row.protein(), annotator.protein(t)) : ours.equals(theirs));
            compared++;
            int[] tally = byType.computeIfAbsent(row.type(), k -> new int[2]);
            tally[0]++;
            if (ok) {
                agree++;
                tally[1]++;
            }
            if (!OTHER_ISOFORM_IN_TCGA.contains(row.gene())) {
                comparedSameIsoform++;
                if (ok) {
                    agreeSameIsoform++;
                }
            }
            if (!ok) {
                disagreements.add(row.gene() + " " + row.chrom() + ":" + row.start() + " " + row.ref() + ">" + row.alt()
                        + " TCGA " + row.cls() + " " + row.protein() + " [" + theirs + "] | ours " + ourClass + " " + a.hgvspShort() + " [" + ours + " " + a.hgvsc() + "]"
                        + " (" + a.consequenceTerms() + (a.refMismatch() ? ", REF mismatch" : "") + ")");
                Matcher m1 = PROTEIN.matcher(theirs);
                Matcher m2 = PROTEIN.matcher(ours);
                if (m1.matches() && m2.matches() && m1.group(1).equals(m2.group(1))) {
                    offsets.merge(row.gene() + " " + (Integer.parseInt(m2.group(2)) - Integer.parseInt(m1.group(2))), 1, Integer::sum);
                }
            }
        }
        System.out.printf("TCGA oracle: %d/%d agree (%.2f%%); genes with TCGA's isoform = MANE: %d/%d (%.2f%%)%n",
                agree, compared, 100.0 * agree / compared, agreeSameIsoform, comparedSameIsoform,
                100.0 * agreeSameIsoform / comparedSameIsoform);
        byType.forEach((k, v) -> System.out.println("  " + k + ": " + v[1] + "/" + v[0]));
        System.out.println("residue offsets of disagreements (gene offset -> n): " + offsets);
        disagreements.forEach(d -> System.out.println("  " + d));
        assertTrue(compared > 4000, "expected the ~4,700 TCGA rows of the CDS genes, got " + compared);
        assertTrue(agreeSameIsoform >= 0.99 * comparedSameIsoform,
                agreeSameIsoform + "/" + comparedSameIsoform + " below 99%");
        // TCGA's other isoforms: constant residue offsets (MET 1408 vs 1390 aa, EZH2 746 vs 751, MYC 439 vs 454)
        int isoformShifts = offsets.getOrDefault("MET -18", 0) + offsets.getOrDefault("EZH2 5", 0)
                + offsets.getOrDefault("MYC 15", 0);
        int isoformDisagreements = (compared - comparedSameIsoform) - (agree - agreeSameIsoform);
        assertTrue(isoformShifts >= isoformDisagreements - 3,
                isoformShifts + " of " + isoformDisagreements + " MET/EZH2/MYC disagreements are isoform offsets");
    }
}
