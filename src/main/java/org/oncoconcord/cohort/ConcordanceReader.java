package org.oncoconcord.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractException;
import org.oncoconcord.contract.VariantsTsv;
import org.oncoconcord.core.SampleType;

/**
 * Reads a per-patient {@code ID.concordance.json} (docs/CONTRACTS.md) and its {@code ID.variants.tsv}
 * into a {@link PatientConcordance}, both through their typed contracts ({@link ConcordanceJson},
 * {@link VariantsTsv}: each file is parsed once). Several samples of one type are combined: a call is positive
 * when it is positive in any of them. Malformed input throws {@link Rejected} naming the key or line.
 */
public final class ConcordanceReader {
    private ConcordanceReader() {
    }

    /** A patient input that cannot be used, with the reason. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        public Rejected(String reason) {
            super(reason);
        }
    }

    /** Reads {@code json}; {@code variants} may be null (then {@code newInMet} is null). */
    public static PatientConcordance read(Path json, Path variants) throws Rejected {
        ConcordanceJson c;
        try {
            c = ConcordanceJson.read(json);
        } catch (ContractException e) {
            throw new Rejected(withoutFile(e.getMessage(), json));
        }
        if (c.patient() == null || c.patient().isBlank()) {
            throw new Rejected("key 'patient' missing or empty");
        }
        Map<String, SampleType> labels = new LinkedHashMap<>();
        if (c.samples().isEmpty()) {
            throw new Rejected("key 'samples' missing or empty");
        }
        for (int i = 0; i < c.samples().size(); i++) {
            ConcordanceJson.Sample s = c.samples().get(i);
            if (s.label() == null || s.label().isBlank()) {
                throw new Rejected("key 'samples[" + i + "].label' missing or empty");
            }
            SampleType t = SampleType.parseOrNull(s.type());
            if (t == null || !SampleType.COMPARED.contains(t)) {
                throw new Rejected("samples[" + i + "].type '" + s.type() + "' is not primary, metastasis or plasma");
            }
            labels.put(s.label(), t);
        }
        List<SampleType> types = labels.values().stream().distinct().sorted().toList();

        Map<String, Map<SampleType, Boolean>> genes = new TreeMap<>();
        for (Map.Entry<String, ConcordanceJson.Gene> e : c.genes().entrySet()) {
            genes.put(e.getKey(), byType(e.getValue().status(), labels, "genes." + e.getKey() + ".status"));
        }
        Map<SampleType, Boolean> ras = byType(rasCalls(c.rasStatus().status()), labels, "ras_status.status");
        Map<SampleType, Boolean> braf = byType(c.rasStatus().brafV600e(), labels, "ras_status.braf_v600e");

        PatientConcordance.PairCounts pm = null;
        for (int i = 0; i < c.pairs().size(); i++) {
            ConcordanceJson.Pair p = c.pairs().get(i);
            SampleType a = typeOf(p.a(), "a", labels, i), b = typeOf(p.b(), "b", labels, i);
            String where = "pairs[" + i + "].";
            if (a == SampleType.PRIMARY && b == SampleType.METASTASIS && pm == null) {
                pm = new PatientConcordance.PairCounts(count(p.shared(), where + "shared"), count(p.onlyA(), where + "only_a"),
                        count(p.onlyB(), where + "only_b"), (int) p.notEvaluable());
            } else if (a == SampleType.METASTASIS && b == SampleType.PRIMARY && pm == null) {
                pm = new PatientConcordance.PairCounts(count(p.shared(), where + "shared"), count(p.onlyB(), where + "only_b"),
                        count(p.onlyA(), where + "only_a"), (int) p.notEvaluable());
            }
        }
        Map<String, Integer> classes = new TreeMap<>();
        for (Map.Entry<String, Long> e : c.classes().entrySet()) {
            classes.put(e.getKey(), count(e.getValue(), "classes." + e.getKey()));
        }
        boolean hasPlasma = types.contains(SampleType.PLASMA);
        Integer plasmaOnly = hasPlasma ? classes.getOrDefault("plasma_only", 0) : null;
        PatientConcordance.PlasmaSignal signal = null;
        if (hasPlasma) {
            ConcordanceJson.Plasma pl = c.plasma();
            if (pl == null) {
                throw new Rejected("key 'plasma' missing (the patient has a plasma sample)");
            }
            ConcordanceJson.TumourFraction tf = pl.tumourFraction();
            ConcordanceJson.Detection det = pl.detection();
            signal = new PatientConcordance.PlasmaSignal(pl.tumourSignal(), orNaN(pl.maxSomaticVaf()),
                    tf == null ? Double.NaN : orNaN(tf.estimate()), tf == null ? Double.NaN : orNaN(tf.lower()),
                    tf == null ? Double.NaN : orNaN(tf.upper()), det == null ? 0 : (int) det.detected(),
                    det == null ? 0 : (int) det.missedInformative(), det == null ? 0 : (int) det.missedNotInformative(),
                    pl.label() == null ? "" : pl.label(), pl.clonalHaematopoiesis());
        }
        VariantsTsv table = null;
        List<PatientConcordance.NewVariant> newInMet = null;
        if (variants != null) {
            try {
                table = VariantsTsv.read(variants, List.copyOf(labels.keySet()));
            } catch (ContractException e) {
                throw new Rejected(e.getMessage());
            }
            newInMet = newInMetastasis(table, labels);
        }
        return new PatientConcordance(c.patient(), json, types, genes, ras, braf, pm, plasmaOnly, classes, signal, newInMet, c, table);
    }

    /** A contract error's message without the file name in front (the rejects table names the file). */
    private static String withoutFile(String message, Path json) {
        String prefix = json + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    /** Variants present in a metastasis and absent, though evaluable, in every primary (gene "." when not counted for it). */
    static List<PatientConcordance.NewVariant> newInMetastasis(VariantsTsv table, Map<String, SampleType> labels) {
        List<PatientConcordance.NewVariant> out = new ArrayList<>();
        if (!labels.containsValue(SampleType.PRIMARY) || !labels.containsValue(SampleType.METASTASIS)) {
            return out;
        }
        for (VariantsTsv.Row row : table.rows()) {
            boolean inMet = false, inPrimary = false, primaryEvaluable = false;
            for (Map.Entry<String, SampleType> e : labels.entrySet()) {
                VariantsTsv.Call call = row.calls().get(e.getKey());
                if (e.getValue() == SampleType.METASTASIS) {
                    inMet |= call.present();
                } else if (e.getValue() == SampleType.PRIMARY) {
                    inPrimary |= call.present();
                    primaryEvaluable |= call.evaluable();
                }
            }
            if (inMet && !inPrimary && primaryEvaluable) {
                // a variant that does not count for its gene (e.g. a UTR change under --gene-status protein-altering) is no new driver
                boolean counts = row.annotation() == null || row.annotation().counted();
                out.add(new PatientConcordance.NewVariant(row.chrom(), row.pos(), row.ref(), row.alt(), counts ? row.gene() : ".",
                        row.hotspot(), row.group()));
            }
        }
        return out;
    }

    /** RAS words (mutant | wild_type, and older spellings) as calls; null for not evaluable. */
    private static Map<String, Boolean> rasCalls(Map<String, String> status) throws Rejected {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : status.entrySet()) {
            out.put(e.getKey(), rasWord(e.getValue(), "ras_status.status." + e.getKey()));
        }
        return out;
    }

    /** Combines a label -> call map into a type -> call map (any positive wins; null when none evaluable). */
    private static Map<SampleType, Boolean> byType(Map<String, Boolean> calls, Map<String, SampleType> labels, String where) throws Rejected {
        Map<SampleType, Boolean> out = new EnumMap<>(SampleType.class);
        for (Map.Entry<String, Boolean> e : calls.entrySet()) {
            SampleType t = labels.get(e.getKey());
            if (t == null) {
                throw new Rejected(where + " names sample '" + e.getKey() + "' absent from 'samples'");
            }
            Boolean call = e.getValue();
            if (call != null) {
                out.merge(t, call, (x, y) -> x || y);
            } else {
                out.putIfAbsent(t, null);
            }
        }
        return out;
    }

    private static Boolean rasWord(String v, String where) throws Rejected {
        if (v == null) {
            return null;
        }
        String s = v.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (s) {
            case "mutant", "mutated", "mut" -> {
                return true;
            }
            case "wildtype", "wild_type", "wt" -> {
                return false;
            }
            case "not_evaluable", "na", "unknown", "." -> {
                return null;
            }
            default -> throw new Rejected(where + " is '" + v + "', expected mutant/wild_type/null");
        }
    }

    private static SampleType typeOf(String label, String side, Map<String, SampleType> labels, int i) throws Rejected {
        SampleType t = labels.get(label);
        if (t == null) {
            throw new Rejected("pairs[" + i + "]." + side + " '" + label + "' is not a sample label");
        }
        return t;
    }

    private static int count(long v, String where) throws Rejected {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new Rejected(where + " " + v + " is not a count");
        }
        return (int) v;
    }
}
