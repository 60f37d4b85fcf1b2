package org.oncoconcord.cohort;

import org.oncoconcord.core.SampleType;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncoconcord.annotate.GeneStatusRule;
import org.oncoconcord.annotate.MutationClass;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.VariantsTsv;

/**
 * The oncoprint's variant class, variants and protein changes per patient, gene (or RAS / BRAF_V600E)
 * and sample type, from the patient's {@code variants.tsv}: the {@link MutationClass} of the counted
 * variants present in that type's samples ({@code multi_hit} when there are several distinct ones),
 * their keys and their short protein changes ({@code hgvsp_short}). RAS = counted KRAS/NRAS variants
 * changing codon 12, 13, 59, 61, 117 or 146; BRAF_V600E = BRAF {@code p.V600E}. A table without
 * annotation columns lists every variant of a gene (and of its RAS / BRAF_V600E group) without class
 * or protein change.
 */
final class OncoprintClasses {
    /** Class of a mutated cell whose variants carry no consequence (no variants.tsv, or {@code --genes}). */
    static final String UNKNOWN = "";
    /** Class of an evaluable, not mutated cell. */
    static final String NONE = "none";
    /** Separator of several variants (and their protein changes) in one cell. */
    static final String JOIN = ";";
    /** Protein change of a listed variant that has none (non-coding, splice, not annotated). */
    static final String NO_PROTEIN = ".";
    private static final Pattern CODONS = Pattern.compile("^p\\.[A-Z*](\\d+)(?:_[A-Z*](\\d+))?");

    /** One variant of a cell: its key, short protein change ({@code .} when none) and class (null: no consequence). */
    record Hit(String key, String protein, MutationClass mutationClass) {
    }

    private final Map<String, Map<SampleType, Map<String, Hit>>> byFeature;

    private OncoprintClasses(Map<String, Map<SampleType, Map<String, Hit>>> byFeature) {
        this.byFeature = byFeature;
    }

    /** The variants table written beside a concordance JSON ({@code ID.variants.tsv}). */
    static Path variantsTableOf(Path json) {
        String stem = json.getFileName().toString().replaceFirst("\\.concordance\\.json$", "");
        return json.resolveSibling(stem + ".variants.tsv");
    }

    /** From the patient's variants table (none: every mutated cell is of unknown class, without variants). */
    static OncoprintClasses read(PatientConcordance p) {
        return read(p.json(), p.variants());
    }

    /** From a patient's concordance JSON (sample types) and variants table (null: none). */
    static OncoprintClasses read(ConcordanceJson json, VariantsTsv table) {
        Map<String, Map<SampleType, Map<String, Hit>>> byFeature = new HashMap<>();
        if (table == null) {
            return new OncoprintClasses(byFeature);
        }
        Map<String, SampleType> types = sampleTypes(json);
        for (VariantsTsv.Row r : table.rows()) {
            Set<String> features;
            Hit hit;
            if (table.annotated()) {
                if (!r.annotation().counted()) {
                    continue;
                }
                MutationClass k = MutationClass.ofConsequence(r.annotation().consequence());
                String protein = r.annotation().hgvspShort();
                features = features(r.gene(), protein, k);
                hit = new Hit(r.key(), protein.isEmpty() ? NO_PROTEIN : protein, k);
            } else {
                features = new LinkedHashSet<>(r.genes());
                for (String g : r.group().split(",")) {
                    if (g.equals(CohortAnalysis.RAS) || g.equals(CohortAnalysis.BRAF_V600E)) {
                        features.add(g);
                    }
                }
                hit = new Hit(r.key(), NO_PROTEIN, null);
            }
            for (var e : types.entrySet()) {
                if (r.calls().get(e.getKey()).present()) {
                    for (String f : features) {
                        byFeature.computeIfAbsent(f, x -> new EnumMap<>(SampleType.class))
                                .computeIfAbsent(e.getValue(), x -> new LinkedHashMap<>()).put(r.key(), hit);
                    }
                }
            }
        }
        return new OncoprintClasses(byFeature);
    }

    /** The genes of a counted variant, plus RAS / BRAF_V600E when its protein change makes them. */
    static Set<String> features(String genes, String hgvspShort, MutationClass k) {
        Set<String> out = new LinkedHashSet<>();
        for (String g : genes.split(",")) {
            if (!g.isEmpty() && !g.equals(".")) {
                out.add(g);
            }
        }
        if ((out.contains("KRAS") || out.contains("NRAS")) && k != MutationClass.OTHER && rasCodon(hgvspShort)) {
            out.add(CohortAnalysis.RAS);
        }
        if (out.contains("BRAF") && hgvspShort.equals("p.V600E")) {
            out.add(CohortAnalysis.BRAF_V600E);
        }
        return out;
    }

    /** Whether a short protein change ({@code p.G12D}, {@code p.G12_G13delinsDD}) spans a RAS hotspot codon. */
    static boolean rasCodon(String hgvspShort) {
        Matcher m = CODONS.matcher(hgvspShort);
        if (!m.find()) {
            return false;
        }
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        for (int c = first; c <= last; c++) {
            if (GeneStatusRule.RAS_CODONS.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The class column of one cell: the class when mutated ({@code multi_hit} for several
     * variants with a class; {@link #UNKNOWN}, written NA, when no counted variant with a consequence
     * explains it), {@link #NONE} when evaluable and not mutated, NA ({@code ""}) when not evaluable or
     * the sample type is absent.
     */
    String cell(String feature, SampleType type, Boolean mutated) {
        if (mutated == null) {
            return "";
        }
        if (!mutated) {
            return NONE;
        }
        List<MutationClass> found = hits(feature, type).stream().map(Hit::mutationClass).filter(java.util.Objects::nonNull).toList();
        if (found.isEmpty()) {
            return UNKNOWN;
        }
        return found.size() > 1 ? MutationClass.MULTI_HIT.label() : found.get(0).label();
    }

    /** The variants of a mutated cell, keys joined by {@code ;} in table order; NA ({@code ""}) when not mutated or none is known. */
    String variants(String feature, SampleType type, Boolean mutated) {
        if (!Boolean.TRUE.equals(mutated)) {
            return "";
        }
        return String.join(JOIN, hits(feature, type).stream().map(Hit::key).toList());
    }

    /**
     * The protein changes of a mutated cell, one per variant of {@link #variants} in its order ({@code .}
     * for a variant without one), joined by {@code ;}; NA ({@code ""}) when not mutated or no variant has one.
     */
    String proteins(String feature, SampleType type, Boolean mutated) {
        if (!Boolean.TRUE.equals(mutated)) {
            return "";
        }
        List<String> p = hits(feature, type).stream().map(Hit::protein).toList();
        return p.stream().allMatch(NO_PROTEIN::equals) ? "" : String.join(JOIN, p);
    }

    private List<Hit> hits(String feature, SampleType type) {
        return List.copyOf(byFeature.getOrDefault(feature, Map.of()).getOrDefault(type, Map.of()).values());
    }

    /** Sample label -> type from the concordance JSON's {@code samples}. */
    static Map<String, SampleType> sampleTypes(ConcordanceJson json) {
        Map<String, SampleType> types = new LinkedHashMap<>();
        for (ConcordanceJson.Sample s : json.samples()) {
            types.put(s.label(), SampleType.parseOrNull(s.type()));
        }
        return types;
    }

    /** The class columns' names, one per sample type ({@code primary_class}, ...). */
    static List<String> columns() {
        return SampleType.COMPARED.stream().map(t -> t.label() + "_class").toList();
    }

    /** The variant and protein columns, per sample type ({@code primary_variants primary_protein ...}). */
    static List<String> variantColumns() {
        List<String> out = new java.util.ArrayList<>();
        for (SampleType t : SampleType.COMPARED) {
            out.add(t.label() + "_variants");
            out.add(t.label() + "_protein");
        }
        return out;
    }
}
