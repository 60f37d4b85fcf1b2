package org.oncoconcord.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A small simulated cohort in the concordance contract's format (JSON + variants.tsv per patient,
 * clinical.csv) for the report tests, and the R-made survival fixture of {@code make_survival_fixture.R}.
 */
final class ReportFixture {
    static final String[] GENES = {"APC", "TP53", "KRAS", "PIK3CA", "SMAD4", "FBXW7", "BRAF", "NRAS"};
    static final double[] FREQ = {0.8, 0.6, 0.4, 0.18, 0.12, 0.1, 0.08, 0.05};
    private static final ObjectMapper JSON = new ObjectMapper();

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
            ObjectNode root = JSON.createObjectNode().put("patient", id).put("tool_version", "0.1.0");
            var samples = root.putArray("samples");
            samples.addObject().put("label", labels[0]).put("type", "primary");
            samples.addObject().put("label", labels[1]).put("type", "metastasis");
            if (hasPlasma) {
                samples.addObject().put("label", labels[2]).put("type", "plasma");
            }
            ObjectNode genes = root.putObject("genes");
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
            List<String> rows = new ArrayList<>();
            List<String[]> plasmaCalls = new ArrayList<>(); // {variant key, present in plasma 1/0}
            for (int g = 0; g < GENES.length; g++) {
                boolean t = rnd.nextDouble() < FREQ[g];
                boolean m = rnd.nextDouble() < 0.08 ? !t : t;
                boolean p = hasPlasma && (t || m) && signal && rnd.nextDouble() < 0.85;
                ObjectNode st = genes.putObject(GENES[g]).putObject("status");
                st.put(labels[0], t).put(labels[1], m);
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
                if (t || m) {
                    String cls = t && m ? "shared_primary_metastasis" : t ? "primary_only" : "metastasis_new";
                    String key = "1:" + (pos + 100) + ":C>T";
                    String description = GENES[g] + (GENES[g].equals("BRAF") ? " p.V600E" : " p.X" + (pos + 100) + "Y") + " (" + key + ")";
                    ((ObjectNode) genes.get(GENES[g])).putArray("variants").add(description);
                    if (GENES[g].equals("KRAS") || GENES[g].equals("NRAS")) {
                        rasVariants.add(description);
                    }
                    plasmaCalls.add(new String[] {key, p ? "1" : "0"});
                    StringBuilder row = new StringBuilder("1\t" + (pos += 100) + "\tC\tT\t" + GENES[g] + "\t.\t.\t" + cls);
                    for (boolean present : hasPlasma ? new boolean[] {t, m, p} : new boolean[] {t, m}) {
                        row.append('\t').append(present ? 1 : 0).append('\t').append(present ? 0.2 : 0).append("\t200\t1");
                    }
                    rows.add(row.toString());
                }
            }
            rows.forEach(r -> tsv.append(r).append('\n'));
            ObjectNode ras = root.putObject("ras_status");
            ObjectNode rs = ras.putObject("status").put(labels[0], rasT ? "mutant" : "wildtype").put(labels[1], rasM ? "mutant" : "wildtype");
            var rasVar = ras.putObject("variants");
            rasVariants.forEach(v -> rasVar.withArray(labels[0]).add(v));
            ObjectNode bs = ras.putObject("braf_v600e").put(labels[0], brafT).put(labels[1], brafM);
            if (hasPlasma) {
                rs.put(labels[2], rasP ? "mutant" : "wildtype");
                bs.put(labels[2], brafP);
            }
            root.putArray("pairs").addObject().put("a", labels[0]).put("b", labels[1]).put("type_a", "primary").put("type_b", "metastasis")
                    .put("shared", shared).put("only_a", primaryOnly).put("only_b", metNew).put("not_evaluable", rnd.nextInt(2));
            root.putObject("classes").put("shared_all", shared).put("primary_only", primaryOnly).put("metastasis_new", metNew)
                    .put("plasma_only", hasPlasma ? rnd.nextInt(3) : 0);
            if (hasPlasma) {
                int missed = rnd.nextInt(12);
                root.putObject("plasma").put("label", labels[2]).put("max_somatic_vaf", signal ? 0.001 + rnd.nextDouble() * 0.1 : 0)
                        .put("tumour_signal", signal).put("missed_tissue_variants", missed)
                        .put("missed_with_signal", signal ? missed : 0).put("missed_without_signal", signal ? 0 : missed);
                detection((ObjectNode) root.get("plasma"), signal, missed, plasmaCalls, detectionRnd);
            }
            org.oncoconcord.contract.ContractFixtures.completeConcordance(root); // the keys the strict contract reader requires
            Files.writeString(dir.resolve(id + ".concordance.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            Files.writeString(dir.resolve(id + ".variants.tsv"), tsv);
            clin.append(id).append(',').append(200 + rnd.nextInt(1800)).append(',').append(rnd.nextInt(2)).append(',')
                    .append(45 + rnd.nextInt(35)).append(',').append(rnd.nextBoolean() ? "F" : "M").append(",III,")
                    .append(rnd.nextDouble() < 0.7 ? "liver" : "lung").append('\n');
        }
        Files.writeString(dir.resolve("clinical.csv"), clin);
    }

    /**
     * Tumour fraction (0 without tumour signal) and the detection block: the gene variants absent from plasma
     * are misses labelled informative at random (never without signal), plus {@code missedOther} unlabelled
     * misses outside the genes.
     */
    private static void detection(ObjectNode plasma, boolean signal, int missedOther, List<String[]> calls, Random rnd) {
        double tf = signal ? 0.002 + 0.2 * rnd.nextDouble() : 0;
        plasma.putObject("tumour_fraction").put("method", "binomial_ml_clonal_tissue_variants").put("estimate", tf)
                .put("lower", tf * 0.8).put("upper", signal ? tf * 1.25 : 0.0004)
                .put("bin", tf < 0.01 ? "<1%" : tf <= 0.05 ? "1-5%" : ">5%");
        ObjectNode det = plasma.putObject("detection").put("min_alt_reads", 3).put("informative_probability", 0.95);
        var misses = det.putArray("misses");
        int detected = 0, informative = 0, notInformative = 0;
        for (String[] c : calls) {
            if (c[1].equals("1")) {
                detected++;
                continue;
            }
            boolean inf = signal && rnd.nextDouble() < 0.6;
            misses.addObject().put("variant", c[0]).put("plasma_depth", 800).put("detection_probability", inf ? 0.99 : 0.4).put("informative", inf);
            informative += inf ? 1 : 0;
            notInformative += inf ? 0 : 1;
        }
        for (int i = 0; i < missedOther; i++) {
            boolean inf = signal && rnd.nextBoolean();
            misses.addObject().put("variant", "2:" + (100 + i) + ":A>G").put("plasma_depth", 800).put("detection_probability", inf ? 0.99 : 0.3)
                    .put("informative", inf);
            informative += inf ? 1 : 0;
            notInformative += inf ? 0 : 1;
        }
        det.put("detected", detected).put("missed_informative", informative).put("missed_not_informative", notInformative);
    }

    static long count(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).count();
        }
    }
}
