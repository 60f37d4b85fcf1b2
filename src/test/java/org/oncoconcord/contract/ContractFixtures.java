package org.oncoconcord.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Complete, valid contract files for the tests of the steps that read them. */
public final class ContractFixtures {
    private ContractFixtures() {
    }

    /**
     * Writes {@code DIR/PATIENT.concordance.json} of a primary {@code tissue} and a plasma sample
     * {@code plasma} with the given variant counts, median VAFs and plasma tumour fraction estimate.
     */
    public static Path concordance(Path dir, String patient, String tissue, long tissueVariants, Double tissueMedianVaf,
                                   String plasma, long plasmaVariants, Double plasmaMedianVaf, Double tumourFraction)
            throws IOException {
        ConcordanceJson.Interval none = new ConcordanceJson.Interval(null, null, null, 0, 0);
        List<ConcordanceJson.Sample> samples = List.of(
                new ConcordanceJson.Sample(tissue, "primary", tissue + ".vcf.gz", tissue, null, 0.0, 0, tissueVariants, null,
                        tissueMedianVaf, tissueVariants, tissueVariants, 0, 0, 0, 0, 0, null),
                new ConcordanceJson.Sample(plasma, "plasma", plasma + ".vcf.gz", plasma, null, 0.0, 0, plasmaVariants, null,
                        plasmaMedianVaf, plasmaVariants, plasmaVariants, 0, 0, 0, 0, 0, null));
        List<ConcordanceJson.Pair> pairs = List.of(new ConcordanceJson.Pair(tissue, plasma, "primary", "plasma", tissueVariants,
                plasmaVariants, 0, tissueVariants, plasmaVariants, 0, 0, 0, null, none, none));
        Map<String, Long> classes = new LinkedHashMap<>();
        classes.put("primary_only", tissueVariants);
        classes.put("plasma_only", plasmaVariants);
        ConcordanceJson.RasStatus ras = new ConcordanceJson.RasStatus(Map.of(tissue, "wild_type", plasma, "wild_type"), true,
                Map.of(tissue, List.of(), plasma, List.of()), Map.of(tissue, false, plasma, false), true);
        ConcordanceJson.Plasma p = new ConcordanceJson.Plasma(plasma, null, null, false, 0, 0, 0, 0, 0, 0,
                new ConcordanceJson.TumourFraction("binomial_ml_clonal_tissue_variants", tumourFraction, null, null, null, 0, 0, 0,
                        0, null), null, null);
        Path f = dir.resolve(patient + ".concordance.json");
        ContractJson.write(f, new ConcordanceJson(patient, "0.1.0", "test", false, tissueVariants + plasmaVariants, samples, pairs,
                classes, Map.of(), ras, p, null, null, null));
        return f;
    }

    /** A sample of {@code type} with {@code nVariants} counted variants, no thresholds and nothing filtered. */
    public static ConcordanceJson.Sample sample(String label, String type, long nVariants) {
        return new ConcordanceJson.Sample(label, type, label + ".vcf.gz", label, null, 0.0, 0, nVariants, null, null, nVariants,
                nVariants, 0, 0, 0, 0, 0, null);
    }

    /** A pair a vs b with the given counts (not evaluable all on a's side; no sensitivity / PPV). */
    public static ConcordanceJson.Pair pair(String a, String typeA, String b, String typeB, long shared, long onlyA, long onlyB,
                                            long notEvaluable) {
        long union = shared + onlyA + onlyB;
        return new ConcordanceJson.Pair(a, b, typeA, typeB, shared + onlyA + notEvaluable, shared + onlyB, shared, onlyA, onlyB,
                notEvaluable, notEvaluable, 0, union == 0 ? null : (double) shared / union, null, null);
    }

    /** A gene mutated per label as given (null: not evaluable). */
    public static ConcordanceJson.Gene gene(Map<String, Boolean> status) {
        boolean agree = status.values().stream().distinct().count() <= 1;
        return new ConcordanceJson.Gene(status, agree, status.containsValue(Boolean.TRUE) ? 1 : 0, List.of());
    }

    /** RAS status words per label ({@code mutant}, {@code wild_type} or null) and BRAF V600E per label. */
    public static ConcordanceJson.RasStatus ras(Map<String, String> status, Map<String, Boolean> braf) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        status.keySet().forEach(k -> variants.put(k, List.of()));
        return new ConcordanceJson.RasStatus(status, status.values().stream().distinct().count() <= 1, variants, braf,
                braf.values().stream().distinct().count() <= 1);
    }

    /** A plasma section with its highest somatic VAF and tumour signal only (files before tumour fraction / CH). */
    public static ConcordanceJson.Plasma plasma(String label, Double maxSomaticVaf, boolean tumourSignal) {
        return new ConcordanceJson.Plasma(label, maxSomaticVaf, null, tumourSignal, 0, 0, 0, 0, 0, 0, null, null, null);
    }

    /** Writes {@code DIR/PATIENT.concordance.json} through the one contract writer. */
    public static Path write(Path dir, ConcordanceJson c) throws IOException {
        Path f = dir.resolve(c.patient() + ".concordance.json");
        ContractJson.write(f, c);
        return f;
    }

    /** A concordance result of the given parts (annotation "test", filtered calls not included). */
    public static ConcordanceJson concordance(String patient, List<ConcordanceJson.Sample> samples, List<ConcordanceJson.Pair> pairs,
                                              Map<String, Long> classes, Map<String, ConcordanceJson.Gene> genes,
                                              ConcordanceJson.RasStatus ras, ConcordanceJson.Plasma plasma) {
        return new ConcordanceJson(patient, "0.1.0", "test", false, classes.values().stream().mapToLong(Long::longValue).sum(),
                samples, pairs, classes, genes, ras, plasma);
    }

    /**
     * Adds to a hand-built concordance.json tree every required key it lacks (numbers 0, flags false,
     * lists and maps empty, text and boxed numbers null, nested sections completed the same way), so
     * that older fixtures written key by key pass the strict reader; keys present are left as they are.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode completeConcordance(com.fasterxml.jackson.databind.node.ObjectNode root) {
        complete(root, ConcordanceJson.class);
        return root;
    }

    private static void complete(com.fasterxml.jackson.databind.node.ObjectNode node, Class<?> record) {
        for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
            String key = ContractJson.key(c);
            com.fasterxml.jackson.databind.JsonNode v = node.get(key);
            Class<?> t = c.getType();
            if (v == null && ContractJson.optional(c)) {
                continue;
            }
            if (t.isRecord()) {
                if (v == null) {
                    v = node.putObject(key);
                }
                if (v.isObject()) {
                    complete((com.fasterxml.jackson.databind.node.ObjectNode) v, t);
                }
            } else if (List.class.isAssignableFrom(t)) {
                if (v == null) {
                    node.putArray(key);
                } else if (v.isArray() && c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                        && pt.getActualTypeArguments()[0] instanceof Class<?> e && e.isRecord()) {
                    v.forEach(x -> {
                        if (x.isObject()) {
                            complete((com.fasterxml.jackson.databind.node.ObjectNode) x, e);
                        }
                    });
                }
            } else if (Map.class.isAssignableFrom(t)) {
                if (v == null) {
                    node.putObject(key);
                } else if (v.isObject() && c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                        && pt.getActualTypeArguments()[1] instanceof Class<?> e && e.isRecord()) {
                    v.forEach(x -> {
                        if (x.isObject()) {
                            complete((com.fasterxml.jackson.databind.node.ObjectNode) x, e);
                        }
                    });
                }
            } else if (v != null) {
                continue;
            } else if (t == boolean.class) {
                node.put(key, false);
            } else if (t == long.class || t == int.class) {
                node.put(key, 0);
            } else if (t == double.class) {
                node.put(key, 0.0);
            } else {
                node.putNull(key);
            }
        }
    }
}
