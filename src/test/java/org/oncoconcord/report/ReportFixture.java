package org.oncoconcord.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractJson;
import org.oncoconcord.core.Proportion;

/**
 * A small simulated cohort in the concordance contract's format (JSON + variants.tsv per patient,
 * clinical.csv) for the report tests, and the R-made survival fixture of {@code make_survival_fixture.R}.
 */
final class ReportFixture {
    static final String[] GENES = {"APC", "TP53", "KRAS", "PIK3CA", "SMAD4", "FBXW7", "BRAF", "NRAS"};
    static final double[] FREQ = {0.8, 0.6, 0.4, 0.18, 0.12, 0.1, 0.08, 0.05};

    private ReportFixture() {
    }

    static Path survival() throws URISyntaxException {
        return Path.of(ReportFixture.class.getResource("survival").toURI());
    }

    /** Writes {@code n} patients with primary, metastasis and (mostly) plasma into {@code dir}. */
    static void cohort(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        Random detectionRnd = new Random(seed * 31 + 7); // tumour fraction and informative labels: own stream, the rest unchanged
        StringBuilder clin = new StringBuilder("patient,os_days,os_event,age,sex,stage,metastatic_site\n");
        for (int i = 1; i <= n; i++) {
            String id = String.format("P%03d", i);
            boolean hasPlasma = rnd.nextDouble() < 0.85;
            boolean signal = hasPlasma && rnd.nextDouble() < 0.75;
            String[] labels = {id + "_T", id + "_M", id + "_P"};
            Map<String, ConcordanceJson.Gene> genes = new LinkedHashMap<>();
            StringBuilder tsv = new StringBuilder("chrom\tpos\tref\talt\tgene\thotspot\tgroup\tclass");
            for (String l : labels) {
                if (hasPlasma || !l.endsWith("_P")) {
                    tsv.append('\t').append(l).append(".present\t").append(l).append(".vaf\t").append(l).append(".depth\t").append(l).append(".evaluable");
                }
            }
            tsv.append('\n');
            boolean rasT = false, rasM = false, rasP = false, brafT = false, brafM = false, brafP = false;
            List<String> rasVariants = new ArrayList<>();
            int shared = 5 + rnd.nextInt(30), primaryOnly = rnd.nextInt(6), metNew = rnd.nextInt(9), pos = 1000;
            long[] present = new long[3];
            List<String> rows = new ArrayList<>();
            List<String[]> plasmaCalls = new ArrayList<>(); // {variant key, present in plasma 1/0}
            for (int g = 0; g < GENES.length; g++) {
                boolean t = rnd.nextDouble() < FREQ[g];
                boolean m = rnd.nextDouble() < 0.08 ? !t : t;
                boolean p = hasPlasma && (t || m) && signal && rnd.nextDouble() < 0.85;
                Map<String, Boolean> st = new LinkedHashMap<>();
                st.put(labels[0], t);
                st.put(labels[1], m);
                if (hasPlasma) {
                    st.put(labels[2], p);
                }
                if (GENES[g].equals("KRAS") || GENES[g].equals("NRAS")) {
                    rasT |= t;
                    rasM |= m;
                    rasP |= p;
                }
                if (GENES[g].equals("BRAF")) {
                    brafT = t;
                    brafM = m;
                    brafP = p;
                }
                List<String> variants = new ArrayList<>();
                if (t || m) {
                    String cls = t && m ? "shared_primary_metastasis" : t ? "primary_only" : "metastasis_new";
                    String key = "1:" + (pos + 100) + ":C>T";
                    String description = GENES[g] + (GENES[g].equals("BRAF") ? " p.V600E" : " p.X" + (pos + 100) + "Y") + " (" + key + ")";
                    variants.add(description);
                    if (GENES[g].equals("KRAS") || GENES[g].equals("NRAS")) {
                        rasVariants.add(description);
                    }
                    plasmaCalls.add(new String[] {key, p ? "1" : "0"});
                    StringBuilder row = new StringBuilder("1\t" + (pos += 100) + "\tC\tT\t" + GENES[g] + "\t.\t.\t" + cls);
                    boolean[] calls = hasPlasma ? new boolean[] {t, m, p} : new boolean[] {t, m};
                    for (int k = 0; k < calls.length; k++) {
                        row.append('\t').append(calls[k] ? 1 : 0).append('\t').append(calls[k] ? 0.2 : 0).append("\t200\t1");
                        present[k] += calls[k] ? 1 : 0;
                    }
                    rows.add(row.toString());
                }
                genes.put(GENES[g], new ConcordanceJson.Gene(st, st.values().stream().distinct().count() == 1, variants.size(), variants));
            }
            rows.forEach(r -> tsv.append(r).append('\n'));
            Map<String, String> rasStatus = new LinkedHashMap<>();
            rasStatus.put(labels[0], rasT ? "mutant" : "wildtype");
            rasStatus.put(labels[1], rasM ? "mutant" : "wildtype");
            Map<String, Boolean> braf = new LinkedHashMap<>();
            braf.put(labels[0], brafT);
            braf.put(labels[1], brafM);
            if (hasPlasma) {
                rasStatus.put(labels[2], rasP ? "mutant" : "wildtype");
                braf.put(labels[2], brafP);
            }
            ConcordanceJson.RasStatus ras = new ConcordanceJson.RasStatus(rasStatus, rasStatus.values().stream().distinct().count() == 1,
                    rasVariants.isEmpty() ? Map.of() : Map.of(labels[0], rasVariants), braf, braf.values().stream().distinct().count() == 1);
            int notEvaluable = rnd.nextInt(2);
            List<ConcordanceJson.Pair> pairs = List.of(new ConcordanceJson.Pair(labels[0], labels[1], "primary", "metastasis",
                    shared + primaryOnly, shared + metNew, shared, primaryOnly, metNew, notEvaluable, notEvaluable, 0,
                    (double) shared / (shared + primaryOnly + metNew), null, null));
            Map<String, Long> classes = new LinkedHashMap<>();
            classes.put("shared_all", (long) shared);
            classes.put("primary_only", (long) primaryOnly);
            classes.put("metastasis_new", (long) metNew);
            classes.put("plasma_only", hasPlasma ? (long) rnd.nextInt(3) : 0L);
            List<ConcordanceJson.Sample> samples = new ArrayList<>();
            String[] types = {"primary", "metastasis", "plasma"};
            for (int k = 0; k < (hasPlasma ? 3 : 2); k++) {
                samples.add(new ConcordanceJson.Sample(labels[k], types[k], labels[k] + ".vcf.gz", labels[k], null, 0.0, 0, present[k], null,
                        null, present[k], present[k], 0, 0, 0, 0, 0, null));
            }
            ConcordanceJson.Plasma plasma = null;
            if (hasPlasma) {
                int missed = rnd.nextInt(12);
                double maxVaf = signal ? 0.001 + rnd.nextDouble() * 0.1 : 0;
                plasma = plasma(labels[2], maxVaf, signal, missed, plasmaCalls, detectionRnd);
            }
            ContractJson.write(dir.resolve(id + ".concordance.json"), new ConcordanceJson(id, "0.1.0", "test fixture", false,
                    rows.size(), samples, pairs, classes, genes, ras, plasma));
            Files.writeString(dir.resolve(id + ".variants.tsv"), tsv);
            clin.append(id).append(',').append(200 + rnd.nextInt(1800)).append(',').append(rnd.nextInt(2)).append(',')
                    .append(45 + rnd.nextInt(35)).append(',').append(rnd.nextBoolean() ? "F" : "M").append(",III,")
                    .append(rnd.nextDouble() < 0.7 ? "liver" : "lung").append('\n');
        }
        Files.writeString(dir.resolve("clinical.csv"), clin);
    }

    /**
     * The plasma section: tumour fraction (0 without tumour signal) and the detection block: the gene variants absent
     * from plasma are misses labelled informative at random (never without signal), plus {@code missedOther}
     * unlabelled misses outside the genes.
     */
    private static ConcordanceJson.Plasma plasma(String label, double maxVaf, boolean signal, int missedOther, List<String[]> calls,
                                                 Random rnd) {
        double tf = signal ? 0.002 + 0.2 * rnd.nextDouble() : 0;
        ConcordanceJson.TumourFraction fraction = new ConcordanceJson.TumourFraction("binomial_ml_clonal_tissue_variants", tf, tf * 0.8,
                signal ? tf * 1.25 : 0.0004, tf < 0.01 ? "<1%" : tf <= 0.05 ? "1-5%" : ">5%", calls.size(), 0, 0, 0, null);
        List<ConcordanceJson.Miss> misses = new ArrayList<>();
        int detected = 0, informative = 0, notInformative = 0;
        for (String[] c : calls) {
            if (c[1].equals("1")) {
                detected++;
                continue;
            }
            boolean inf = signal && rnd.nextDouble() < 0.6;
            misses.add(new ConcordanceJson.Miss(c[0], 800, false, 0.2, inf ? 0.99 : 0.4, inf));
            informative += inf ? 1 : 0;
            notInformative += inf ? 0 : 1;
        }
        for (int i = 0; i < missedOther; i++) {
            boolean inf = signal && rnd.nextBoolean();
            misses.add(new ConcordanceJson.Miss("2:" + (100 + i) + ":A>G", 800, false, 0.2, inf ? 0.99 : 0.3, inf));
            informative += inf ? 1 : 0;
            notInformative += inf ? 0 : 1;
        }
        ConcordanceJson.Detection detection = new ConcordanceJson.Detection(3, 0.95, detected, informative, notInformative,
                interval(detected, detected + informative + notInformative), interval(detected, detected + informative), misses);
        return new ConcordanceJson.Plasma(label, maxVaf, null, signal, detected, missedOther, signal ? missedOther : 0, signal ? 0 : missedOther,
                0, 0, fraction, detection, null);
    }

    /** A minimal complete concordance.json of one patient: a primary {@code ID_T}, the given genes' variants and plasma section. */
    static ConcordanceJson json(String id, Map<String, List<String>> geneVariants, ConcordanceJson.Plasma plasma) {
        List<ConcordanceJson.Sample> samples = new ArrayList<>(List.of(new ConcordanceJson.Sample(id + "_T", "primary", "t.vcf.gz", null,
                null, 0.0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null)));
        if (plasma != null) {
            samples.add(new ConcordanceJson.Sample(plasma.label(), "plasma", "p.vcf.gz", null, null, 0.0, 0, 0, null, null, 0, 0, 0, 0, 0, 0,
                    0, null));
        }
        Map<String, ConcordanceJson.Gene> genes = new LinkedHashMap<>();
        geneVariants.forEach((g, v) -> genes.put(g, new ConcordanceJson.Gene(Map.of(id + "_T", !v.isEmpty()), true, v.size(), v)));
        return new ConcordanceJson(id, "0.1.0", "test", false, 0, samples, List.of(), Map.of(), genes,
                new ConcordanceJson.RasStatus(Map.of(), true, Map.of(), Map.of(), true), plasma);
    }

    /** A plasma section without tumour fraction or detection (an older concordance step). */
    static ConcordanceJson.Plasma plasmaWithoutDetection(String label) {
        return new ConcordanceJson.Plasma(label, null, null, false, 0, 0, 0, 0, 0, 0, null, null, null);
    }

    /** A plasma section with TF 2% (1-3%), k = 3, p = 0.95 and the given misses (variant -> informative) and miss counts. */
    static ConcordanceJson.Plasma plasma(String label, Map<String, Boolean> misses, int missedInformative, int missedNotInformative) {
        List<ConcordanceJson.Miss> list = new ArrayList<>();
        misses.forEach((v, inf) -> list.add(new ConcordanceJson.Miss(v, 1000, false, 0.2, inf ? 0.99 : 0.2, inf)));
        return new ConcordanceJson.Plasma(label, 0.02, null, true, 1, missedInformative + missedNotInformative,
                missedInformative + missedNotInformative, 0, 0, 0, new ConcordanceJson.TumourFraction("binomial_ml_clonal_tissue_variants",
                0.02, 0.01, 0.03, "1-5%", 3, 0, 0, 0, null), new ConcordanceJson.Detection(3, 0.95, 1, missedInformative, missedNotInformative,
                interval(1, 1 + missedInformative + missedNotInformative), interval(1, 1 + missedInformative), list), null);
    }

    static ConcordanceJson.Interval interval(int x, int n) {
        Proportion p = Proportion.wilson(x, n);
        return n == 0 ? new ConcordanceJson.Interval(null, null, null, x, n) : new ConcordanceJson.Interval(p.estimate(), p.lower(), p.upper(), x, n);
    }

    static long count(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).count();
        }
    }
}
