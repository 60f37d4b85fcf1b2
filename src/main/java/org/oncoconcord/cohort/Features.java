package org.oncoconcord.cohort;

import org.oncoconcord.core.SampleType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code features.tsv} for survival modelling and its sidecar {@code features.columns.tsv}
 * ({@code column kind available_at}). Columns: {@code patient}; the clinical columns as given;
 * {@code <GENE>_primary}, {@code ras_mutant_primary}, {@code braf_v600e_primary} (baseline: known
 * at diagnosis of the primary); {@code ras_mutant_metastasis}, {@code n_metastasis_new},
 * {@code any_driver_metastasis_new}, {@code <GENE>_metastasis_new}, {@code plasma_detected}
 * (post_metastasis: known only once the metastasis, and the plasma drawn with it, are sequenced).
 * A "driver" new in the metastasis is a new variant inside an annotated CRC gene, excluding the
 * clonal-haematopoiesis genes {@link #CH_GENES}. Missing values are {@code NA}.
 */
public final class Features {
    /** Clonal-haematopoiesis genes: annotated to explain plasma-only calls, not tumour drivers. */
    public static final Set<String> CH_GENES = Set.of("DNMT3A", "TET2", "ASXL1", "PPM1D", "JAK2", "CHEK2", "SF3B1", "SRSF2", "GNAS", "CBL");

    private static final Pattern OUTCOME = Pattern.compile("(?i).*(_days|_event|_time|_status|_months|_cause)$");
    private static final Pattern POST_METASTASIS_CLINICAL = Pattern.compile("(?i).*metasta.*");

    private Features() {
    }

    /** The features table and its column description. */
    public record Result(Table features, Table columns) {
    }

    public static Result build(Collection<PatientConcordance> patients, List<String> genes, ClinicalTable clinical) {
        return build(patients, genes, clinical, null);
    }

    /** With {@code mrd} (patient -> status; null: no serial plasma) the MRD columns of {@link MrdFeatures} come last. */
    public static Result build(Collection<PatientConcordance> patients, List<String> genes, ClinicalTable clinical,
                               Map<String, MrdFeatures.Mrd> mrd) {
        List<String> tumourGenes = genes.stream().filter(g -> !CH_GENES.contains(g)).toList();
        List<String[]> cols = new ArrayList<>();
        cols.add(new String[] {"patient", "id", "baseline"});
        for (String c : clinical.columns()) {
            boolean outcome = OUTCOME.matcher(c).matches();
            cols.add(new String[] {c, outcome ? "outcome" : "clinical",
                    !outcome && POST_METASTASIS_CLINICAL.matcher(c).matches() ? "post_metastasis" : "baseline"});
        }
        for (String g : tumourGenes) {
            cols.add(new String[] {g + "_primary", "mutation", "baseline"});
        }
        cols.add(new String[] {"ras_mutant_primary", "mutation", "baseline"});
        cols.add(new String[] {"braf_v600e_primary", "mutation", "baseline"});
        cols.add(new String[] {"ras_mutant_metastasis", "mutation", "post_metastasis"});
        cols.add(new String[] {"n_metastasis_new", "mutation_count", "post_metastasis"});
        cols.add(new String[] {"any_driver_metastasis_new", "mutation", "post_metastasis"});
        for (String g : tumourGenes) {
            cols.add(new String[] {g + "_metastasis_new", "mutation", "post_metastasis"});
        }
        cols.add(new String[] {"plasma_detected", "mutation", "post_metastasis"});
        if (mrd != null) { // known only at the post-operative draw: analysed from that day (docs/PLASMA.md)
            cols.add(new String[] {MrdFeatures.DETECTED, "ctdna", "post_operative"});
            cols.add(new String[] {MrdFeatures.DAYS, "day", "post_operative"});
        }

        Table columns = new Table("column", "kind", "available_at");
        cols.forEach(c -> columns.add((Object[]) c));
        Table features = new Table(cols.stream().map(c -> c[0]).toArray(String[]::new));
        for (PatientConcordance p : patients) {
            List<Object> row = new ArrayList<>();
            row.add(p.patient());
            for (String c : clinical.columns()) {
                String v = clinical.value(p.patient(), c);
                row.add(v == null || v.isEmpty() ? "NA" : v);
            }
            for (String g : tumourGenes) {
                row.add(p.geneStatus().getOrDefault(g, Map.of()).get(SampleType.PRIMARY));
            }
            row.add(p.ras().get(SampleType.PRIMARY));
            row.add(p.braf().get(SampleType.PRIMARY));
            row.add(p.ras().get(SampleType.METASTASIS));
            boolean both = p.primaryMet() != null;
            row.add(both ? p.primaryMet().metastasisNew() : null);
            row.add(both ? anyDriverNew(p, tumourGenes) : null);
            for (String g : tumourGenes) {
                row.add(CohortAnalysis.newInMetastasis(p, g));
            }
            row.add(p.plasma() == null ? null : p.plasma().tumourSignal());
            if (mrd != null) {
                MrdFeatures.Mrd m = mrd.getOrDefault(p.patient(), MrdFeatures.Mrd.UNKNOWN);
                row.add(m.detected());
                row.add(m.day());
            }
            features.add(row.toArray());
        }
        return new Result(features, columns);
    }

    private static Boolean anyDriverNew(PatientConcordance p, List<String> tumourGenes) {
        if (p.newInMet() != null) {
            return p.newInMet().stream().anyMatch(v -> v.inGene() && !CH_GENES.contains(v.gene().toUpperCase(Locale.ROOT)));
        }
        boolean any = false;
        for (String g : tumourGenes) {
            any |= Boolean.TRUE.equals(CohortAnalysis.newInMetastasis(p, g));
        }
        return any;
    }
}
