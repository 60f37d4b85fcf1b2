package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.testing.SharedData;

/**
 * Checks the shipped gene/hotspot tables against independent real data: the GRCh37 hotspot codons
 * and gene spans against TCGA COADREAD Firehose mutations (positions with protein changes), and
 * the GRCh38 table against the GDC calls of TCGA-A6-2686 in GRCh38 and their GRCh37 liftover.
 */
class ShippedGenesTest {
    static final List<String> REQUIRED = List.of("KRAS", "NRAS", "BRAF", "PIK3CA", "APC", "TP53", "SMAD4", "FBXW7",
            "PTEN", "ERBB2", "AMER1", "TCF7L2", "CTNNB1", "SOX9", "ARID1A", "ATM", "POLE");
    static final Pattern CODON = Pattern.compile("^[A-Z](\\d+)");
    static final Pattern PROTEIN_CODON = Pattern.compile("^p\\.[A-Z*]?(\\d+)(?!\\d)");

    record Mutation(String gene, String contig, int start, int end, String ref, String alt, String protein) {
    }

    static List<Mutation> tcga;
    static GeneTable g37 = GeneTable.shipped("GRCh37");
    static GeneTable g38 = GeneTable.shipped("GRCh38");

    @BeforeAll
    static void readTcga() throws IOException {
        Path f = SharedData.root() == null ? null : SharedData.root().resolve("tcga_crc/tcga_coadread_firehose_mutations_nonsilent.tsv.gz");
        if (f == null || !Files.exists(f)) {
            return;
        }
        tcga = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
            String[] h = r.readLine().split("\t");
            List<String> cols = List.of(h);
            int gi = cols.indexOf("Hugo_Symbol");
            int ci = cols.indexOf("Chromosome");
            int si = cols.indexOf("Start_Position");
            int ei = cols.indexOf("End_Position");
            int ri = cols.indexOf("Reference_Allele");
            int ai = cols.indexOf("Tumor_Seq_Allele2");
            int pi = cols.indexOf("Protein_Change");
            int bi = cols.indexOf("NCBI_Build");
            String line;
            while ((line = r.readLine()) != null) {
                String[] x = line.split("\t", -1);
                assertThat(x[bi]).isEqualTo("37");
                String gene = x[gi].equals("FAM123B") ? "AMER1" : x[gi]; // FAM123B is AMER1's former symbol
                String contig = x[ci].equals("23") ? "X" : x[ci].equals("24") ? "Y" : x[ci];
                tcga.add(new Mutation(gene, contig, Integer.parseInt(x[si]), Integer.parseInt(x[ei]), x[ri], x[ai], x[pi]));
            }
        }
    }

    private static void requireTcga() {
        SharedData.require("tcga_crc/tcga_coadread_firehose_mutations_nonsilent.tsv.gz");
    }

    @Test
    void bothTablesHaveTheRequiredGenesHotspotsAndASourceOnEveryRow() {
        for (GeneTable t : List.of(g37, g38)) {
            assertThat(t.genes()).containsAll(REQUIRED);
            Set<String> hotspots = new TreeSet<>();
            for (GeneTable.Entry e : t.entries()) {
                assertThat(e.source()).as(e.toString()).isNotBlank().isNotEqualTo(".");
                if (!e.isGene()) {
                    hotspots.add(e.name() + "/" + e.group());
                }
            }
            for (String g : List.of("KRAS", "NRAS")) {
                for (String c : List.of("G12", "G13", "A59", "Q61", "K117", "A146")) {
                    assertThat(hotspots).contains(g + " " + c + "/RAS");
                }
            }
            assertThat(hotspots).contains("BRAF V600E/BRAF_V600E", "PIK3CA E542/.", "PIK3CA E545/.", "PIK3CA Q546/.",
                    "PIK3CA H1047/.", "TP53 R175/.", "TP53 R248/.", "TP53 R273/.");
        }
    }

    @Test
    void grch37HotspotsMatchTcgaProteinChanges() {
        requireTcga();
        List<String> withoutEvidence = new ArrayList<>();
        int checked = 0;
        for (GeneTable.Entry h : g37.entries()) {
            if (h.isGene()) {
                continue;
            }
            Matcher cm = CODON.matcher(h.label());
            assertThat(cm.find()).as(h.label()).isTrue();
            String codon = cm.group(1);
            int hits = 0;
            for (Mutation m : tcga) {
                if (!m.gene().equals(h.gene())) {
                    continue;
                }
                Matcher pm = PROTEIN_CODON.matcher(m.protein());
                boolean atCodon = pm.find() && pm.group(1).equals(codon);
                boolean overlaps = m.contig().equals(h.contig()) && m.start() <= h.end() && m.end() >= h.start();
                if (h.ref().equals(".")) {
                    if (overlaps) {
                        assertThat(atCodon).as(h.name() + " overlapped by " + m).isTrue();
                        hits++;
                    }
                    if (atCodon && (m.ref().length() == m.alt().length())) {
                        assertThat(overlaps).as(h.name() + " should contain " + m).isTrue();
                    }
                } else if (m.start() == h.start() && m.ref().equals(h.ref()) && m.alt().equals(h.alt())) {
                    assertThat(m.protein()).isEqualTo("p." + h.label());
                    hits++;
                } else if (m.protein().equals("p." + h.label())) {
                    throw new AssertionError(h.name() + " is at " + m.start() + " " + m.ref() + ">" + m.alt() + " in TCGA");
                }
            }
            if (hits == 0) {
                withoutEvidence.add(h.name());
                assertThat(h.source()).contains("no TCGA COADREAD call");
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(25);
        // rare codons absent from these 489 patients; their positions come from ClinVar anchors (see source column)
        assertThat(withoutEvidence).containsExactlyInAnyOrder("NRAS A59", "NRAS K117", "NRAS A146");
    }

    @Test
    void grch37GeneSpansContainEveryTcgaMutationOfTheGene() {
        requireTcga();
        Map<String, Integer> counted = new TreeMap<>();
        for (GeneTable.Entry g : g37.entries()) {
            if (!g.isGene()) {
                continue;
            }
            int n = 0;
            for (Mutation m : tcga) {
                if (m.gene().equals(g.gene())) {
                    assertThat(m.contig()).as(m.toString()).isEqualTo(g.contig());
                    assertThat(m.start()).as(m.toString()).isBetween(g.start(), g.end());
                    assertThat(m.end()).as(m.toString()).isBetween(g.start(), g.end());
                    n++;
                }
            }
            counted.put(g.gene(), n);
        }
        assertThat(counted.keySet()).containsAll(REQUIRED);
        assertThat(counted.values()).allMatch(n -> n > 0);
    }

    @Test
    void grch38TableMirrorsGrch37AndHotspotsLieInTheirGenes() {
        List<String> k37 = new ArrayList<>();
        List<String> k38 = new ArrayList<>();
        for (GeneTable.Entry e : g37.entries()) {
            k37.add(e.kind() + e.gene() + e.contig() + e.label() + e.group() + e.ref() + e.alt() + (e.isGene() ? "" : e.end() - e.start()));
        }
        for (GeneTable.Entry e : g38.entries()) {
            k38.add(e.kind() + e.gene() + e.contig() + e.label() + e.group() + e.ref() + e.alt() + (e.isGene() ? "" : e.end() - e.start()));
            if (!e.isGene()) {
                GeneTable.Entry gene = g38.entries().stream().filter(x -> x.isGene() && x.gene().equals(e.gene())).findFirst().orElseThrow();
                assertThat(e.start()).as(e.name()).isBetween(gene.start(), gene.end());
            }
        }
        assertThat(k38).isEqualTo(k37);
    }

    /**
     * GDC called TCGA-A6-2686 on GRCh38; the GRCh37 file is its CrossMap liftover. Every call must get the
     * same genes and hotspots in both builds, and where a gene has hotspots, the position shift of its
     * calls must equal the GRCh37->GRCh38 shift the shipped hotspots use.
     */
    @Test
    void grch38AnnotationAgreesWithGrch37OnTheLiftedOverTcgaCalls() {
        Path dir = SharedData.require("vcf/tcga_A6-2686");
        Map<String, List<Integer>> pos37 = annotatedPositions(dir.resolve("T001-COAD.grch37.vcf.gz"), g37);
        Map<String, List<Integer>> pos38 = annotatedPositions(dir.resolve("T001-COAD.grch38.vcf.gz"), g38);
        assertThat(pos38.keySet()).isEqualTo(pos37.keySet());
        assertThat(pos37.keySet()).contains("BRAF", "BRAF V600E", "TP53", "APC", "FBXW7");
        int shiftsChecked = 0;
        for (String key : pos37.keySet()) {
            assertThat(pos38.get(key)).as(key).hasSameSizeAs(pos37.get(key));
            GeneTable.Entry h37 = firstHotspot(g37, key);
            GeneTable.Entry h38 = firstHotspot(g38, key);
            if (h37 != null && !key.contains(" ")) {
                int shift = h38.start() - h37.start();
                for (int i = 0; i < pos37.get(key).size(); i++) {
                    assertThat(pos38.get(key).get(i) - pos37.get(key).get(i)).as(key + " liftover shift").isEqualTo(shift);
                    shiftsChecked++;
                }
            }
        }
        assertThat(shiftsChecked).isGreaterThanOrEqualTo(4);
    }

    private static GeneTable.Entry firstHotspot(GeneTable t, String gene) {
        return t.entries().stream().filter(e -> !e.isGene() && e.gene().equals(gene)).findFirst().orElse(null);
    }

    private static Map<String, List<Integer>> annotatedPositions(Path vcf, GeneTable t) {
        Map<String, List<Integer>> out = new TreeMap<>();
        try (VCFFileReader r = new VCFFileReader(vcf, false)) {
            for (VariantContext vc : r) {
                for (var alt : vc.getAlternateAlleles()) {
                    for (GeneTable.Entry e : t.matching(ContigNames.canonical(vc.getContig()), vc.getStart(),
                            vc.getReference().getDisplayString(), alt.getDisplayString())) {
                        String key = e.isGene() ? e.gene() : e.name();
                        out.computeIfAbsent(key, k -> new ArrayList<>()).add(vc.getStart());
                    }
                }
            }
        }
        out.values().forEach(l -> l.sort(Integer::compare));
        return out;
    }
}
