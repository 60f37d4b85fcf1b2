package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractJson;

/**
 * Protein changes from variants.tsv to the report, on a hand-built cohort whose variants.tsv files carry
 * known consequences and HGVSp_Short (GRCh37 hotspots: KRAS c.35G>A p.G12D at 12:25398284, c.38G>A p.G13D
 * at 12:25398281, BRAF p.V600E at 7:140453136, APC p.R1450* at 5:112175639, TP53 p.R175H / p.R273H,
 * PIK3CA p.E545K, DNMT3A p.R882H). Expected cells are written out by hand from the planted rows:
 * P1 KRAS p.G12D in primary and metastasis (not plasma), APC p.R1450* everywhere, TP53 splice donor
 * (no protein change) in the primary, PIK3CA p.E545K new in the metastasis, a plasma DNMT3A call labelled
 * possible CH; P2 (no plasma) KRAS p.G13D and two TP53 variants in the primary only, BRAF p.V600E in
 * the metastasis only; P3 a counted KRAS variant without consequence ({@code .}) in both and, in the
 * primary, an APC splice-acceptor variant beside APC p.R1450*.
 */
class ProteinChangeReportTest {
    @TempDir
    static Path dir;
    static Path cohort;
    static Document html;

    /** chrom pos ref alt gene consequence hgvsp_short counted, then the sample types (T, M, P) where present. */
    static final Map<String, List<String[]>> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("P1", List.of(
                row("3 178936091 G A PIK3CA missense_variant p.E545K 1 M"),
                row("5 112154734 A G APC intron_variant . 0 T"),
                row("5 112175639 C T APC stop_gained p.R1450* 1 TMP"),
                row("2 25457242 C T DNMT3A missense_variant p.R882H 0 P"),
                row("12 25398284 C T KRAS missense_variant p.G12D 1 TM"),
                row("17 7579311 C T TP53 splice_donor_variant . 1 T")));
        ROWS.put("P2", List.of(
                row("7 140453136 A T BRAF missense_variant p.V600E 1 M"),
                row("12 25398281 C T KRAS missense_variant p.G13D 1 T"),
                row("17 7577120 C T TP53 missense_variant p.R273H 1 T"),
                row("17 7578406 C T TP53 missense_variant p.R175H 1 T")));
        ROWS.put("P3", List.of(
                row("5 112116592 G A APC splice_acceptor_variant . 1 T"),
                row("5 112175639 C T APC stop_gained p.R1450* 1 T"),
                row("12 25380275 T G KRAS . . 1 TM")));
    }

    static final List<String> GENES = List.of("APC", "BRAF", "KRAS", "NRAS", "PIK3CA", "TP53");

    private static String[] row(String spaced) {
        return spaced.split(" ");
    }

    @BeforeAll
    static void run() throws Exception {
        Path conc = Files.createDirectories(dir.resolve("conc"));
        writePatient(conc, "P1", true, Map.of("T", "mutant", "M", "mutant", "P", "wildtype"), Map.of("T", false, "M", false, "P", false));
        writePatient(conc, "P2", false, Map.of("T", "mutant", "M", "wildtype"), Map.of("T", false, "M", true));
        writePatient(conc, "P3", false, Map.of("T", "wildtype", "M", "wildtype"), Map.of("T", false, "M", false));
        Path clinical = Files.writeString(dir.resolve("clinical.csv"), "patient,os_days,os_event\nP1,400,1\nP2,900,0\nP3,700,1\n");
        cohort = dir.resolve("cohort");
        ReportRun.Result c = ReportRun.run("cohort", "--concordance", conc.toString(), "--clinical", clinical.toString(),
                "--out", cohort.toString(), "--quiet");
        assertThat(c.exit()).as(c.err()).isZero();
        Path report = dir.resolve("report");
        ReportRun.Result r = ReportRun.run("report", "--cohort", cohort.toString(), "--concordance", conc.toString(),
                "--out", report.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        html = Jsoup.parse(report.resolve("report.html").toFile(), "UTF-8");
    }

    @Test
    void oncoprintTsvNamesEachCellsVariantsAndProteinChanges() {
        List<Map<String, String>> onco = Tsv.read(cohort.resolve("oncoprint.tsv")).rows();
        assertThat(cells(onco, "P1", "KRAS")).containsExactly("1", "1", "0", "missense", "missense", "none",
                "12:25398284:C>T", "p.G12D", "12:25398284:C>T", "p.G12D", "NA", "NA");
        assertThat(cells(onco, "P1", "RAS")).containsExactly("1", "1", "0", "missense", "missense", "none",
                "12:25398284:C>T", "p.G12D", "12:25398284:C>T", "p.G12D", "NA", "NA");
        assertThat(cells(onco, "P1", "APC")).containsExactly("1", "1", "1", "truncating", "truncating", "truncating",
                "5:112175639:C>T", "p.R1450*", "5:112175639:C>T", "p.R1450*", "5:112175639:C>T", "p.R1450*");
        assertThat(cells(onco, "P1", "TP53")).containsExactly("1", "0", "0", "splice", "none", "none",
                "17:7579311:C>T", "NA", "NA", "NA", "NA", "NA");
        assertThat(cells(onco, "P1", "PIK3CA")).containsExactly("0", "1", "0", "none", "missense", "none",
                "NA", "NA", "3:178936091:G>A", "p.E545K", "NA", "NA");
        assertThat(cells(onco, "P2", "TP53")).containsExactly("1", "0", "NA", "multi_hit", "none", "NA",
                "17:7577120:C>T;17:7578406:C>T", "p.R273H;p.R175H", "NA", "NA", "NA", "NA");
        assertThat(cells(onco, "P2", "RAS")).containsExactly("1", "0", "NA", "missense", "none", "NA",
                "12:25398281:C>T", "p.G13D", "NA", "NA", "NA", "NA");
        assertThat(cells(onco, "P2", "BRAF_V600E")).containsExactly("0", "1", "NA", "none", "missense", "NA",
                "NA", "NA", "7:140453136:A>T", "p.V600E", "NA", "NA");
        assertThat(cells(onco, "P3", "KRAS")).containsExactly("1", "1", "NA", "NA", "NA", "NA",
                "12:25380275:T>G", "NA", "12:25380275:T>G", "NA", "NA", "NA");
        assertThat(cells(onco, "P3", "APC")).containsExactly("1", "0", "NA", "multi_hit", "none", "NA",
                "5:112116592:G>A;5:112175639:C>T", ".;p.R1450*", "NA", "NA", "NA", "NA");
        assertThat(cells(onco, "P3", "RAS")).containsExactly("0", "0", "NA", "none", "none", "NA",
                "NA", "NA", "NA", "NA", "NA", "NA");
    }

    @Test
    void plasmaChTableCarriesTheProteinChangeNextToTheVariant() {
        Tsv ch = Tsv.read(cohort.resolve("plasma_ch.tsv"));
        assertThat(ch.header().subList(0, 5)).containsExactly("patient", "sample", "variant", "hgvsp_short", "gene");
        assertThat(ch.rows()).hasSize(1);
        assertThat(ch.rows().get(0)).containsEntry("variant", "2:25457242:C>T").containsEntry("hgvsp_short", "p.R882H");
    }

    @Test
    void discordanceTableShowsTheProteinChangeInPrimaryVersusMetastasis() {
        assertThat(table("Status", "Discordant patient", "Primary", "Metastasis")).containsExactly(
                List.of("RAS", "P2", "KRAS p.G13D", "wild type"),
                List.of("BRAF V600E", "P2", "wild type", "BRAF p.V600E"));
    }

    @Test
    void mutationTableNamesVariantsByGeneAndProteinElseByKey() {
        // one row per patient and feature mutated in any sample type, in oncoprint.tsv order (genes, then RAS, BRAF V600E)
        assertThat(table(MutationTable.HEADER.toArray(String[]::new))).containsExactly(
                List.of("P1", "APC", "APC p.R1450*", "APC p.R1450*", "APC p.R1450*"),
                List.of("P1", "KRAS", "KRAS p.G12D", "KRAS p.G12D", "wild type"),
                List.of("P1", "PIK3CA", "wild type", "PIK3CA p.E545K", "wild type"),
                List.of("P1", "TP53", "17:7579311:C>T", "wild type", "wild type"),
                List.of("P1", "RAS", "KRAS p.G12D", "KRAS p.G12D", "wild type"),
                List.of("P2", "BRAF", "wild type", "BRAF p.V600E", "NA"),
                List.of("P2", "KRAS", "KRAS p.G13D", "wild type", "NA"),
                List.of("P2", "TP53", "TP53 p.R273H, TP53 p.R175H", "wild type", "NA"),
                List.of("P2", "RAS", "KRAS p.G13D", "wild type", "NA"),
                List.of("P2", "BRAF V600E", "wild type", "BRAF p.V600E", "NA"),
                List.of("P3", "APC", "5:112116592:G>A, APC p.R1450*", "wild type", "NA"),
                List.of("P3", "KRAS", "12:25380275:T>G", "12:25380275:T>G", "NA"));
    }

    @Test
    void chTableShowsTheProteinChange() {
        List<List<String>> rows = table("Patient", "Plasma sample", "Variant", "Gene", "Label");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).subList(0, 4)).containsExactly("P1", "P1_P", "DNMT3A p.R882H", "DNMT3A");
    }

    @Test
    void oncoprintCellsCarryTheirProteinChangeAsTooltip() {
        Element svg = html.selectFirst("figure#fig-oncoprint svg");
        assertThat(svg).isNotNull();
        Set<String> titles = new LinkedHashSet<>();
        svg.select("g.tooltips rect > title").forEach(t -> titles.add(t.text()));
        // the plot's rows are genes (RAS and BRAF V600E are in the tables)
        assertThat(titles).contains("P1, KRAS in primary: KRAS p.G12D (missense)", "P1, KRAS in metastasis: KRAS p.G12D (missense)",
                "P2, BRAF in metastasis: BRAF p.V600E (missense)", "P1, TP53 in primary: 17:7579311:C>T (splice)", "P3, KRAS in primary: 12:25380275:T>G",
                "P3, APC in primary: 5:112116592:G>A, APC p.R1450* (multi hit)", "P1, APC in plasma: APC p.R1450* (truncating)");
        // one tooltip per mutated cell drawn (genes shown: all mutated ones; hypermutation row: none here)
        List<Map<String, String>> onco = Tsv.read(cohort.resolve("oncoprint.tsv")).rows();
        long mutated = onco.stream().filter(r -> !r.get("gene").equals("RAS") && !r.get("gene").equals("BRAF_V600E"))
                .mapToLong(r -> List.of("primary", "metastasis", "plasma").stream().filter(t -> "1".equals(r.get(t))).count()).sum();
        assertThat(svg.select("g.tooltips rect")).hasSize((int) mutated);
    }

    /** The body rows of the one report table whose header starts with {@code columns}. */
    private static List<List<String>> table(String... columns) {
        List<List<String>> found = null;
        for (Element t : html.select("table")) {
            List<String> head = t.select("thead th").eachText();
            if (head.size() >= columns.length && head.subList(0, columns.length).equals(List.of(columns))) {
                assertThat(found).as("two tables with header " + List.of(columns)).isNull();
                List<List<String>> rows = new ArrayList<>();
                t.select("tbody tr").forEach(tr -> rows.add(tr.select("td").eachText()));
                found = rows;
            }
        }
        assertThat(found).as("a table with header " + List.of(columns)).isNotNull();
        return found;
    }

    private static List<String> cells(List<Map<String, String>> onco, String patient, String gene) {
        Map<String, String> r = onco.stream().filter(x -> x.get("patient").equals(patient) && x.get("gene").equals(gene)).findFirst()
                .orElseThrow(() -> new AssertionError(patient + " " + gene + " not in oncoprint.tsv"));
        List<String> out = new ArrayList<>();
        for (String c : List.of("primary", "metastasis", "plasma", "primary_class", "metastasis_class", "plasma_class",
                "primary_variants", "primary_protein", "metastasis_variants", "metastasis_protein", "plasma_variants", "plasma_protein")) {
            out.add(r.get(c));
        }
        return out;
    }

    /** concordance.json (gene status from the counted rows present in each sample) and the annotated variants.tsv. */
    private static void writePatient(Path conc, String id, boolean plasma, Map<String, String> ras, Map<String, Boolean> braf)
            throws Exception {
        List<String> types = plasma ? List.of("T", "M", "P") : List.of("T", "M");
        Map<String, String> typeName = Map.of("T", "primary", "M", "metastasis", "P", "plasma");
        StringBuilder tsv = new StringBuilder("chrom\tpos\tref\talt\tgene\thotspot\tgroup\tclass");
        for (String t : types) {
            String l = id + "_" + t;
            tsv.append('\t').append(l).append(".present\t").append(l).append(".vaf\t").append(l).append(".depth\t").append(l).append(".evaluable");
        }
        tsv.append("\tconsequence\timpact\thgvsc\thgvsp_short\tcounted\tconsequence_source\n");
        Map<String, Map<String, Boolean>> status = new LinkedHashMap<>();
        for (String g : GENES) {
            Map<String, Boolean> s = new LinkedHashMap<>();
            types.forEach(t -> s.put(id + "_" + t, false));
            status.put(g, s);
        }
        Map<String, List<String>> listed = new LinkedHashMap<>();
        for (String[] v : ROWS.get(id)) {
            boolean counted = v[7].equals("1");
            tsv.append(String.join("\t", v[0], v[1], v[2], v[3], v[4], ".", ".", "shared_all"));
            for (String t : types) {
                boolean present = v[8].contains(t);
                tsv.append('\t').append(present ? "1\t0.25\t300\t1" : "0\t0\t300\t1");
                if (present && counted && status.containsKey(v[4])) {
                    status.get(v[4]).put(id + "_" + t, true);
                }
            }
            String impact = v[5].equals(".") ? "." : v[5].contains("intron") ? "MODIFIER" : "HIGH";
            tsv.append('\t').append(String.join("\t", v[5], impact, ".", v[6], v[7], v[5].equals(".") ? "." : "oncoconcord")).append('\n');
            if (counted && status.containsKey(v[4])) {
                listed.computeIfAbsent(v[4], k -> new ArrayList<>()).add(v[4] + " " + v[6] + " (" + v[0] + ":" + v[1] + ":" + v[2] + ">" + v[3] + ")");
            }
        }
        Files.writeString(conc.resolve(id + ".variants.tsv"), tsv);
        Map<String, ConcordanceJson.Gene> genes = new LinkedHashMap<>();
        status.forEach((g, s) -> genes.put(g, new ConcordanceJson.Gene(s, s.values().stream().distinct().count() == 1,
                listed.getOrDefault(g, List.of()).size(), listed.getOrDefault(g, List.of()))));
        Map<String, String> rasStatus = new LinkedHashMap<>();
        Map<String, Boolean> brafStatus = new LinkedHashMap<>();
        List<ConcordanceJson.Sample> samples = new ArrayList<>();
        for (String t : types) {
            rasStatus.put(id + "_" + t, ras.get(t));
            brafStatus.put(id + "_" + t, braf.get(t));
            samples.add(new ConcordanceJson.Sample(id + "_" + t, typeName.get(t), id + "_" + t + ".vcf.gz", null, null, 0.0, 0, 3, null, null,
                    3, 3, 0, 0, 0, 0, 0, null));
        }
        ConcordanceJson.RasStatus rs = new ConcordanceJson.RasStatus(rasStatus, rasStatus.values().stream().distinct().count() == 1, Map.of(),
                brafStatus, brafStatus.values().stream().distinct().count() == 1);
        List<ConcordanceJson.Pair> pairs = List.of(new ConcordanceJson.Pair(id + "_T", id + "_M", "primary", "metastasis", 3, 3, 2, 1, 1, 0,
                0, 0, 0.5, null, null));
        ConcordanceJson.Plasma p = null;
        if (plasma) {
            ConcordanceJson.ClonalHaematopoiesis ch = new ConcordanceJson.ClonalHaematopoiesis("gene_list", null, 0.3, List.of("DNMT3A"), 0.02,
                    "exclude", null, 0, 0, 1, 1, false, List.of(new ConcordanceJson.ChCall("2:25457242:C>T", "DNMT3A", 0.01, 1000L, null, null,
                    false, "possible_ch", "gene_list", false)));
            p = new ConcordanceJson.Plasma(id + "_P", 0.05, null, true, 1, 1, 1, 0, 0, 0, null, null, ch);
        }
        ContractJson.write(conc.resolve(id + ".concordance.json"), new ConcordanceJson(id, "0.1.0", "GRCh37 test fixture", false,
                ROWS.get(id).size(), samples, pairs, Map.of("shared_all", 2L, "primary_only", 1L, "metastasis_new", 1L, "plasma_only", 0L),
                genes, rs, p));
    }
}
