package org.oncoconcord.cohort;

import org.oncoconcord.core.SampleType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.oncoconcord.contract.FeaturesTsv;
import org.oncoconcord.contract.FeaturesTsv.AvailableAt;
import org.oncoconcord.contract.FeaturesTsv.Kind;

/**
 * {@code features.tsv} for survival modelling (column names: contract.FeaturesTsv) and its sidecar {@code features.columns.tsv}
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

    private static final String MUTATION = Kind.MUTATION.label(), BASELINE = AvailableAt.BASELINE.label(),
            POST = AvailableAt.POST_METASTASIS.label();

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
        cols.add(new String[] {FeaturesTsv.PATIENT, Kind.ID.label(), AvailableAt.BASELINE.label()});
        for (String c : clinical.columns()) {
            boolean outcome = OUTCOME.matcher(c).matches();
            cols.add(new String[] {c, (outcome ? Kind.OUTCOME : Kind.CLINICAL).label(),
                    (!outcome && POST_METASTASIS_CLINICAL.matcher(c).matches() ? AvailableAt.POST_METASTASIS : AvailableAt.BASELINE).label()});
        }
        for (String g : tumourGenes) {
            cols.add(new String[] {FeaturesTsv.primary(g), MUTATION, BASELINE});
        }
        cols.add(new String[] {FeaturesTsv.RAS_MUTANT_PRIMARY, MUTATION, BASELINE});
        cols.add(new String[] {FeaturesTsv.BRAF_V600E_PRIMARY, MUTATION, BASELINE});
        cols.add(new String[] {FeaturesTsv.RAS_MUTANT_METASTASIS, MUTATION, POST});
        cols.add(new String[] {FeaturesTsv.N_METASTASIS_NEW, Kind.MUTATION_COUNT.label(), POST});
        cols.add(new String[] {FeaturesTsv.ANY_DRIVER_METASTASIS_NEW, MUTATION, POST});
        for (String g : tumourGenes) {
            cols.add(new String[] {FeaturesTsv.metastasisNew(g), MUTATION, POST});
        }
        cols.add(new String[] {FeaturesTsv.PLASMA_DETECTED, MUTATION, POST});
        if (mrd != null) { // known only at the post-operative draw: analysed from that day (docs/PLASMA.md)
            cols.add(new String[] {MrdFeatures.DETECTED, Kind.CTDNA.label(), AvailableAt.POST_OPERATIVE.label()});
            cols.add(new String[] {MrdFeatures.DAYS, Kind.DAY.label(), AvailableAt.POST_OPERATIVE.label()});
        }

        Table columns = new Table(FeaturesTsv.COLUMN, FeaturesTsv.KIND, FeaturesTsv.AVAILABLE_AT);
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
