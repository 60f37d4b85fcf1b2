package org.oncoconcord.cohort;

import org.oncoconcord.core.Proportion;
import org.oncoconcord.core.SampleType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** The cohort tables, as pure functions of the accepted patients. */
public final class CohortAnalysis {
    /** Pseudo-genes for the clinically actionable calls, reported after the genes. */
    public static final String RAS = "RAS", BRAF_V600E = "BRAF_V600E";

    private CohortAnalysis() {
    }

    /** Every gene annotated in any patient, sorted. */
    public static List<String> genes(Collection<PatientConcordance> patients) {
        TreeSet<String> g = new TreeSet<>();
        patients.forEach(p -> g.addAll(p.geneStatus().keySet()));
        return List.copyOf(g);
    }

    /** A gene's (or RAS / BRAF_V600E) calls by sample type for one patient. */
    static Map<SampleType, Boolean> calls(PatientConcordance p, String feature) {
        return switch (feature) {
            case RAS -> p.ras();
            case BRAF_V600E -> p.braf();
            default -> p.geneStatus().getOrDefault(feature, Map.of());
        };
    }

    /** The 2x2 agreement of one feature over the patients evaluable in both sample types. */
    public static Agreement agreement(Collection<PatientConcordance> patients, Comparison c, String feature) {
        int a = 0, b = 0, cc = 0, d = 0;
        for (PatientConcordance p : patients) {
            Map<SampleType, Boolean> calls = calls(p, feature);
            Boolean ref = c.reference(calls), test = c.test(calls);
            if (ref == null || test == null) {
                continue;
            }
            if (ref && test) {
                a++;
            } else if (ref) {
                b++;
            } else if (test) {
                cc++;
            } else {
                d++;
            }
        }
        return Agreement.of(a, b, cc, d);
    }

    static final List<String> CONCORDANCE_COLUMNS = List.of("comparison", "feature", "kind", "n_evaluable",
            "both_mutated", "reference_only", "test_only", "both_wildtype",
            "opa", "opa_lower", "opa_upper", "ppa", "ppa_lower", "ppa_upper", "npa", "npa_lower", "npa_upper",
            "kappa", "kappa_se", "kappa_lower", "kappa_upper", "mcnemar_method", "mcnemar_statistic", "mcnemar_p");

    /** Per gene, then RAS and BRAF V600E, for both comparisons. */
    public static Table geneConcordance(Collection<PatientConcordance> patients, List<String> genes) {
        Table t = new Table(CONCORDANCE_COLUMNS.toArray(String[]::new));
        addConcordance(t, patients, genes, null);
        return t;
    }

    private static void addConcordance(Table t, Collection<PatientConcordance> patients, List<String> genes, List<Object> prefix) {
        List<String> features = new ArrayList<>(genes);
        features.add(RAS);
        features.add(BRAF_V600E);
        for (Comparison c : Comparison.values()) {
            for (String f : features) {
                Agreement g = agreement(patients, c, f);
                List<Object> row = new ArrayList<>(prefix == null ? List.of() : prefix);
                row.addAll(List.of(c.id(), f, genes.contains(f) ? "gene" : "status", g.n(),
                        g.bothPos(), g.refOnly(), g.testOnly(), g.bothNeg()));
                for (Proportion p : List.of(g.opa(), g.ppa(), g.npa())) {
                    row.addAll(List.of(p.estimate(), p.lower(), p.upper()));
                }
                row.addAll(List.of(g.kappa(), g.kappaSe(), g.kappaLower(), g.kappaUpper(), g.mcnemarMethod(), g.mcnemarStatistic(), g.mcnemarP()));
                t.add(row.toArray());
            }
        }
    }

    /** The gene concordance table within each stratum of {@code stratum} (patients mapped to a level). */
    public static Table geneConcordanceBy(Collection<PatientConcordance> patients, List<String> genes,
                                          String column, Function<PatientConcordance, String> stratum) {
        List<String> header = new ArrayList<>(List.of("stratum_column", "stratum"));
        header.addAll(CONCORDANCE_COLUMNS);
        Table t = new Table(header.toArray(String[]::new));
        strata(patients, stratum).forEach((level, ps) -> addConcordance(t, ps, genes, List.of(column, level)));
        return t;
    }

    static Map<String, List<PatientConcordance>> strata(Collection<PatientConcordance> patients, Function<PatientConcordance, String> stratum) {
        Map<String, List<PatientConcordance>> by = new TreeMap<>();
        for (PatientConcordance p : patients) {
            String level = stratum.apply(p);
            by.computeIfAbsent(level == null || level.isEmpty() ? "NA" : level, k -> new ArrayList<>()).add(p);
        }
        return by;
    }

    /** One row per patient: shared / private counts of the primary-vs-metastasis pair, plasma-only and plasma signal. */
    public static Table patients(Collection<PatientConcordance> patients) {
        Table t = new Table("patient", "samples", "shared", "primary_only", "metastasis_new", "not_evaluable",
                "percent_shared", "plasma_only", "plasma_tumour_signal", "plasma_max_somatic_vaf", "n_metastasis_new_in_genes");
        for (PatientConcordance p : patients) {
            var pm = p.primaryMet();
            t.add(p.patient(), String.join("+", p.types().stream().map(SampleType::label).toList()),
                    pm == null ? null : pm.shared(), pm == null ? null : pm.primaryOnly(), pm == null ? null : pm.metastasisNew(),
                    pm == null ? null : pm.notEvaluable(), pm == null ? null : pm.percentShared(), p.plasmaOnly(),
                    p.plasma() == null ? null : p.plasma().tumourSignal(), p.plasma() == null ? null : p.plasma().maxSomaticVaf(),
                    p.newInMet() == null ? null : p.newInMet().stream().filter(PatientConcordance.NewVariant::inGene).count());
        }
        return t;
    }

    static final List<String> SUMMARY_COLUMNS = List.of("metric", "n", "median", "q1", "q3", "min", "max", "mean");

    /** Cohort median, IQR (R's default quantile type 7), range and mean of each per-patient count. */
    public static Table patientSummary(Collection<PatientConcordance> patients) {
        Table t = new Table(SUMMARY_COLUMNS.toArray(String[]::new));
        addSummary(t, patients, null);
        return t;
    }

    public static Table patientSummaryBy(Collection<PatientConcordance> patients, String column, Function<PatientConcordance, String> stratum) {
        List<String> header = new ArrayList<>(List.of("stratum_column", "stratum"));
        header.addAll(SUMMARY_COLUMNS);
        Table t = new Table(header.toArray(String[]::new));
        strata(patients, stratum).forEach((level, ps) -> addSummary(t, ps, List.of(column, level)));
        return t;
    }

    private static void addSummary(Table t, Collection<PatientConcordance> patients, List<Object> prefix) {
        Map<String, Function<PatientConcordance, Double>> metrics = new java.util.LinkedHashMap<>();
        metrics.put("shared", p -> p.primaryMet() == null ? null : (double) p.primaryMet().shared());
        metrics.put("primary_only", p -> p.primaryMet() == null ? null : (double) p.primaryMet().primaryOnly());
        metrics.put("metastasis_new", p -> p.primaryMet() == null ? null : (double) p.primaryMet().metastasisNew());
        metrics.put("plasma_only", p -> p.plasmaOnly() == null ? null : (double) p.plasmaOnly());
        metrics.put("percent_shared", p -> p.primaryMet() == null ? null : p.primaryMet().percentShared());
        for (var m : metrics.entrySet()) {
            double[] v = patients.stream().map(m.getValue()).filter(x -> x != null && !x.isNaN()).mapToDouble(Double::doubleValue).toArray();
            List<Object> row = new ArrayList<>(prefix == null ? List.of() : prefix);
            row.add(m.getKey());
            row.add(v.length);
            if (v.length == 0) {
                row.addAll(java.util.Collections.nCopies(6, (Object) null));
            } else {
                Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
                q.setData(v);
                row.addAll(List.of(q.evaluate(50), q.evaluate(25), q.evaluate(75),
                        java.util.Arrays.stream(v).min().getAsDouble(), java.util.Arrays.stream(v).max().getAsDouble(),
                        java.util.Arrays.stream(v).average().getAsDouble()));
            }
            t.add(row.toArray());
        }
    }

    /**
     * Mutations new in the metastasis by gene: patients with at least one (of those with a primary
     * and a metastasis, with Wilson CI) and the number of such variants. Patients without a variants
     * table count by gene status (mutated in the metastasis, not in the primary).
     */
    public static Table metastasisNewByGene(Collection<PatientConcordance> patients, List<String> genes) {
        Table t = new Table("gene", "patients_evaluable", "patients_with_new", "percent", "lower", "upper", "n_variants");
        for (String g : genes) {
            int evaluable = 0, with = 0, variants = 0;
            for (PatientConcordance p : patients) {
                Boolean flag = newInMetastasis(p, g);
                if (flag == null) {
                    continue;
                }
                evaluable++;
                with += flag ? 1 : 0;
                if (p.newInMet() != null) {
                    variants += (int) p.newInMet().stream().filter(v -> g.equals(v.gene())).count();
                } else {
                    variants += flag ? 1 : 0;
                }
            }
            Proportion pr = Proportion.wilson(with, evaluable);
            t.add(g, evaluable, with, 100 * pr.estimate(), 100 * pr.lower(), 100 * pr.upper(), variants);
        }
        return t;
    }

    /** Whether {@code gene} gained a mutation in the metastasis; null without both tissue samples. */
    static Boolean newInMetastasis(PatientConcordance p, String gene) {
        if (!p.has(SampleType.PRIMARY) || !p.has(SampleType.METASTASIS)) {
            return null;
        }
        if (p.newInMet() != null) {
            return p.newInMet().stream().anyMatch(v -> gene.equals(v.gene()));
        }
        Map<SampleType, Boolean> s = p.geneStatus().getOrDefault(gene, Map.of());
        Boolean prim = s.get(SampleType.PRIMARY), met = s.get(SampleType.METASTASIS);
        return prim == null || met == null ? null : (!prim && met);
    }

    /**
     * Oncoprint data: per patient and gene, the call in each sample type (1, 0, or NA when not
     * evaluable or absent), then each type's variant class ({@link OncoprintClasses}: missense,
     * truncating, inframe, splice, multi_hit, other; none when not mutated; NA when not evaluable,
     * absent or without consequence), then per type the cell's variants ({@code chrom:pos:ref>alt}, several
     * joined by {@code ;}) and their short protein changes in the same order ({@code .} for one without;
     * NA when not mutated or none has one).
     */
    public static Table oncoprint(Collection<PatientConcordance> patients, List<String> genes) {
        return oncoprint(patients, genes, OncoprintClasses::read);
    }

    /** As {@link #oncoprint(Collection, List)}, with each patient's classes given by {@code classesOf}. */
    static Table oncoprint(Collection<PatientConcordance> patients, List<String> genes, Function<PatientConcordance, OncoprintClasses> classesOf) {
        List<String> header = new ArrayList<>(List.of("patient", "gene", "primary", "metastasis", "plasma"));
        header.addAll(OncoprintClasses.columns());
        header.addAll(OncoprintClasses.variantColumns());
        Table t = new Table(header.toArray(String[]::new));
        List<String> features = new ArrayList<>(genes);
        features.add(RAS);
        features.add(BRAF_V600E);
        for (PatientConcordance p : patients) {
            OncoprintClasses classes = classesOf.apply(p);
            for (String g : features) {
                Map<SampleType, Boolean> s = calls(p, g);
                List<Object> row = new ArrayList<>(List.of(p.patient(), g));
                for (SampleType st : SampleType.COMPARED) {
                    row.add(!p.has(st) ? "" : s.get(st));
                }
                for (SampleType st : SampleType.COMPARED) {
                    row.add(!p.has(st) ? "" : classes.cell(g, st, s.get(st)));
                }
                for (SampleType st : SampleType.COMPARED) {
                    row.add(!p.has(st) ? "" : classes.variants(g, st, s.get(st)));
                    row.add(!p.has(st) ? "" : classes.proteins(g, st, s.get(st)));
                }
                t.add(row.toArray());
            }
        }
        return t;
    }
}
