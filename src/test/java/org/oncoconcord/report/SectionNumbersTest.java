package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractJson;

/**
 * The numbers of the report's sections on a five-patient cohort built by hand (primary + plasma, KRAS
 * status chosen per patient) run through the real cohort and report steps, and a hand-made survival
 * folder. Expected values computed by hand and with R: Wilson intervals {@code prop.test(x, n,
 * correct = FALSE)$conf.int} (1/2: 9.5-90.5%, 2/3: 20.8-93.9%, 3/5: 23.1-88.2%), Cohen's kappa of the
 * 2x2 table [[1, 1], [1, 2]] = (0.6 - 0.52) / 0.48 = 0.167.
 */
class SectionNumbersTest {
    @TempDir
    static Path tmp;
    static String html;

    /** patient -> {tissue KRAS, plasma KRAS}: 1 both, 1 tissue only, 1 plasma only, 2 neither. */
    static final Map<String, boolean[]> KRAS = new LinkedHashMap<>();

    static {
        KRAS.put("A", new boolean[] {true, true});
        KRAS.put("B", new boolean[] {true, false});
        KRAS.put("C", new boolean[] {false, true});
        KRAS.put("D", new boolean[] {false, false});
        KRAS.put("E", new boolean[] {false, false});
    }

    static ConcordanceJson patient(String id, boolean tissue, boolean plasma) {
        String t = id + "_T", p = id + "_P";
        String v = "KRAS p.G12D (12:25398284:C>T)";
        List<ConcordanceJson.Sample> samples = List.of(
                new ConcordanceJson.Sample(t, "primary", "t.vcf.gz", null, null, 0.0, 0, tissue ? 1 : 0, null, null, 1, 1, 0, 0, 0, 0, 0, null),
                new ConcordanceJson.Sample(p, "plasma", "p.vcf.gz", null, null, 0.0, 0, plasma ? 1 : 0, null, null, 1, 1, 0, 0, 0, 0, 0, null));
        Map<String, Boolean> status = new LinkedHashMap<>();
        status.put(t, tissue);
        status.put(p, plasma);
        Map<String, String> ras = new LinkedHashMap<>();
        ras.put(t, tissue ? "mutant" : "wild_type");
        ras.put(p, plasma ? "mutant" : "wild_type");
        Map<String, List<String>> rasVariants = new LinkedHashMap<>();
        rasVariants.put(t, tissue ? List.of(v) : List.of());
        rasVariants.put(p, plasma ? List.of(v) : List.of());
        Map<String, Boolean> braf = new LinkedHashMap<>();
        braf.put(t, false);
        braf.put(p, false);
        List<String> variants = tissue || plasma ? List.of(v) : List.of();
        ConcordanceJson.Interval none = new ConcordanceJson.Interval(null, null, null, 0, 0);
        ConcordanceJson.Pair pair = new ConcordanceJson.Pair(t, p, "primary", "plasma", tissue ? 1 : 0, plasma ? 1 : 0, tissue && plasma ? 1 : 0,
                tissue && !plasma ? 1 : 0, plasma && !tissue ? 1 : 0, 0, 0, 0, null, none, none);
        Map<String, Long> classes = new LinkedHashMap<>();
        classes.put("shared_primary_plasma", tissue && plasma ? 1L : 0L);
        classes.put("primary_only", tissue && !plasma ? 1L : 0L);
        classes.put("plasma_only", plasma && !tissue ? 1L : 0L);
        ConcordanceJson.Plasma pl = new ConcordanceJson.Plasma(p, plasma ? 0.01 : null, null, tissue && plasma, tissue && plasma ? 1 : 0,
                tissue && !plasma ? 1 : 0, 0, tissue && !plasma ? 1 : 0, 0, 0, null, null, null);
        return new ConcordanceJson(id, "0.1.0", "test", false, variants.size(), samples, List.of(pair), classes,
                Map.of("KRAS", new ConcordanceJson.Gene(status, tissue == plasma, variants.size(), variants)),
                new ConcordanceJson.RasStatus(ras, tissue == plasma, rasVariants, braf, true), pl);
    }

    @BeforeAll
    static void run() throws Exception {
        Path conc = Files.createDirectories(tmp.resolve("conc"));
        StringBuilder clin = new StringBuilder("patient,os_days,os_event,age\n");
        int age = 50;
        for (Map.Entry<String, boolean[]> e : KRAS.entrySet()) {
            ContractJson.write(conc.resolve(e.getKey() + ".concordance.json"), patient(e.getKey(), e.getValue()[0], e.getValue()[1]));
            clin.append(e.getKey()).append(',').append(100 * (age - 45)).append(",1,").append(age).append('\n');
            age += 5;
        }
        Files.writeString(tmp.resolve("clinical.csv"), clin);
        ReportRun.Result c = ReportRun.run("cohort", "--concordance", conc.toString(), "--clinical", tmp.resolve("clinical.csv").toString(),
                "--out", tmp.resolve("cohort").toString(), "--quiet");
        assertThat(c.exit()).as(c.err()).isZero();
        Path ep = Files.createDirectories(tmp.resolve("survival/os_days"));
        Files.writeString(ep.resolve("univariable.tsv"), "feature\tterm\tanalysis\tn\tevents\thr\thr_lower\thr_upper\tp\tnote\n"
                + "age\tage\tbaseline\t5\t5\t1.5\t1.1\t2.05\t0.01234\t.\n");
        Files.createDirectories(ep.resolve("m"));
        Files.writeString(ep.resolve("m/coefficients.tsv"), "term\tcoef\tse\thr\thr_lower\thr_upper\tz\tp\n"
                + "age\t0.4054651\t0.1\t1.5\t1.233\t1.826\t4.05\t0.0000512\n");
        Files.writeString(ep.resolve("m/model.json"), "{\"n\": 5, \"events\": 5, \"method\": \"partial_likelihood\", \"lr_test\": {\"p\": 0.0456}, "
                + "\"concordance\": {\"c\": 0.8, \"se\": 0.05}, \"analysis\": {\"kind\": \"cox\", \"endpoint\": {\"time\": \"os_days\", "
                + "\"cause\": null, \"start\": null}}}");
        Path pileup = Files.createDirectories(tmp.resolve("pileup"));
        String head = "contig\tpos\tref\talt\tsample\tdepth\tref_count\talt_count\tother_count\tref_fwd\tref_rev\talt_fwd\talt_rev\tvaf"
                + "\terror_rate\tp_value\tstate\n";
        String[][] states = {{"A", "CALLED", "CALLED"}, {"B", "CALLED", "BELOW_CALL_THRESHOLD"}, {"C", "ABSENT", "CALLED"},
                {"D", "ABSENT", "NOT_ASSESSABLE"}};
        for (String[] st : states) {
            Files.writeString(pileup.resolve(st[0] + ".evidence.tsv"), head
                    + "12\t25398284\tC\tT\t" + st[0] + "_T\t100\t60\t40\t0\t30\t30\t20\t20\t0.4\t0.001\t0\t" + st[1] + "\n"
                    + "12\t25398284\tC\tT\t" + st[0] + "_P\t500\t497\t3\t0\t250\t247\t2\t1\t0.006\t0.001\t0.0001\t" + st[2] + "\n");
        }
        Files.writeString(pileup.resolve("E.evidence.tsv"), head + "12\t25398284\tC\tT\tE_X\t5\t5\t0\t0\t3\t2\t0\t0\t0\t0.001\t1\tNOT_ASSESSABLE\n");
        ReportRun.Result r = ReportRun.run("report", "--cohort", tmp.resolve("cohort").toString(), "--concordance", conc.toString(),
                "--survival", tmp.resolve("survival").toString(), "--evidence", pileup.toString(), "--out", tmp.resolve("report").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        html = Files.readString(tmp.resolve("report/report.html"));
    }

    /** The table row (up to its end) that starts with the given cells. */
    static String row(String start) {
        return row(html, start);
    }

    static String row(String text, String start) {
        int i = text.indexOf(start);
        assertThat(i).as("row starting %s", start).isGreaterThanOrEqualTo(0);
        return text.substring(i, text.indexOf("</tr>", i));
    }

    @Test
    void concordanceTableShowsTheHandCountedAgreement() {
        String r = row("<td>Tissue vs plasma</td><td>KRAS</td>");
        assertThat(r).contains("<td class=\"num\">5</td>").contains("60.0% (23.1\u201388.2)").contains("50.0% (9.5\u201390.5)")
                .contains("66.7% (20.8\u201393.9)").contains("0.17 (");
    }

    @Test
    void summaryAnswerAndTissuePlasmaTableGiveTheSamePpaAndNpa() {
        String answer = row("<td>RAS</td><td class=\"num\">5</td>");
        assertThat(answer).contains("50.0% (9.5\u201390.5) 1/2").contains("66.7% (20.8\u201393.9) 2/3").contains("60.0% (23.1\u201388.2)");
        String kras = row("<td>KRAS</td><td>all plasma</td>");
        assertThat(kras).contains("50.0% (9.5\u201390.5) 1/2").contains("66.7% (20.8\u201393.9) 2/3");
        // no plasma detection block: every patient in the unknown tumour-fraction bin, the same counts
        assertThat(row("<td>KRAS</td><td>TF unknown</td>")).contains("1/2").contains("2/3");
    }

    @Test
    void survivalTablesShowTheGivenEstimates() {
        assertThat(row("<td>OS</td><td>age</td><td>age</td>")).contains("1.50 (1.10\u20132.05)").contains("0.0123");
        assertThat(row("<td>os_days/m</td><td>age</td>")).contains("1.50 (1.23\u20131.83)").contains("&lt;0.001");
        assertThat(html).contains("OS").doesNotContain("Folders without a survival result");
    }

    @Test
    void evidenceStatesPerSampleTypeCountedByHand() {
        // primary: A, B called; C, D absent. plasma: A, C called; B below the threshold; D not assessable. E_X: no such sample
        String ev = html.substring(html.indexOf("Read-level evidence (PILEUP)"));
        assertThat(row(ev, "<td>primary</td>")).isEqualTo("<td>primary</td><td class=\"num\">4</td><td class=\"num\">2</td><td class=\"num\">0</td>"
                + "<td class=\"num\">2</td><td class=\"num\">0</td>");
        assertThat(row(ev, "<td>plasma</td><td class=\"num\">4</td>")).contains("<td class=\"num\">2</td><td class=\"num\">1</td>"
                + "<td class=\"num\">0</td><td class=\"num\">1</td>");
        assertThat(row(ev, "<td>unknown</td>")).startsWith("<td>unknown</td><td class=\"num\">1</td>");
        assertThat(html).contains("Tissue-called variants not called in plasma (1, in plasma samples with reads): 1 with reads below the "
                + "calling threshold (evidence of the variant), 0 absent at adequate depth, 0 not assessable.").contains("E/E_X");
    }
}
