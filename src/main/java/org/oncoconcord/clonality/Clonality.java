package org.oncoconcord.clonality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.core.SampleType;
import org.oncoconcord.core.UserException;
import org.oncoconcord.pileup.EvidenceRows;

/**
 * The clonality analysis of one patient (pure: rows in, tables out): per tumour sample its purity (given,
 * or estimated from its clonal cluster at the variants' local copy number, {@link PurityEstimate}; {@code not_estimable},
 * and no CCF, with fewer than 3 variants), per variant present in it (reads: CALLED or BELOW_CALL_THRESHOLD)
 * its CCF with 95% interval and clonal/subclonal label; per variant its MesKit class over the tumour
 * samples; per sample the MATH score of its VAFs; per pair of tumour samples the Jaccard index.
 */
public final class Clonality {
    private Clonality() {
    }

    /** Purity of one sample and where it came from (the given source, e.g. {@code samplesheet}; {@code estimated}; {@code not_estimable}). */
    record Purity(double value, String source) {
    }

    /** The outputs as text tables plus the MesKit rows. */
    public record Result(String ccfTable, List<MesKitCcfTable.Row> mesKitRows, String heterogeneityTable, String jaccardTable) {
    }

    public static final String CCF_HEADER = "patient\tsample\ttype\tchrom\tpos\tref\talt\tstate\talt_count\tdepth\tvaf\tpurity"
            + "\tpurity_source\tcopy_number\tccf\tccf_lower\tccf_upper\tclonal_status\tmeskit_class";
    public static final String HETEROGENEITY_HEADER = "patient\tsample\ttype\tn_variants\tpurity\tpurity_source\tmath";
    public static final String JACCARD_HEADER = "patient\ta\tb\ttype_a\ttype_b\tshared\tunion\tjaccard";

    /** Purity source written for a given purity when none is named. */
    public static final String GIVEN = "given";
    /** Purity source of a purity estimated from the sample's clonal cluster. */
    public static final String ESTIMATED = "estimated";

    public static Result analyse(String patient, List<EvidenceRows.Row> rows, Map<String, SampleType> types, Map<String, Double> givenPurity,
                                 Segments segments) {
        return analyse(patient, rows, types, givenPurity, GIVEN, segments, List.of());
    }

    /**
     * @param givenSource  the {@code purity_source} of the given purities (e.g. {@code samplesheet})
     * @param namedSamples further samples named on the command line (e.g. by {@code --sample-segments}) that must have rows
     */
    public static Result analyse(String patient, List<EvidenceRows.Row> rows, Map<String, SampleType> types, Map<String, Double> givenPurity,
                                 String givenSource, Segments segments, java.util.Collection<String> namedSamples) {
        List<String> samples = new ArrayList<>();
        Map<String, Map<String, EvidenceRows.Row>> bySite = new LinkedHashMap<>();
        for (EvidenceRows.Row r : rows) {
            if (!samples.contains(r.sample())) {
                samples.add(r.sample());
            }
            String key = r.contig() + ":" + r.pos() + ":" + r.ref() + ":" + r.alt();
            if (bySite.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.sample(), r) != null) {
                throw new UserException("--evidence: line " + r.line() + ": site " + r.site() + " in sample " + r.sample() + " is given twice");
            }
        }
        Set<String> named = union(types.keySet(), givenPurity.keySet());
        named.addAll(namedSamples);
        for (String s : named) {
            if (!samples.contains(s)) {
                throw new UserException("--type/--purity/--sample-segments name sample '" + s + "', which has no row in --evidence (samples: "
                        + samples + ")");
            }
        }
        List<String> tumour = samples.stream().filter(s -> isTumour(types.get(s))).toList();
        Map<String, Purity> purity = new LinkedHashMap<>();
        for (String s : tumour) {
            purity.put(s, purityOf(s, rows, givenPurity.get(s), givenSource, segments));
        }
        // CCF of every present variant in every tumour sample
        Map<EvidenceRows.Row, Ccf> ccf = new LinkedHashMap<>();
        Map<EvidenceRows.Row, Double> copyNumber = new LinkedHashMap<>();
        for (EvidenceRows.Row r : rows) {
            if (purity.containsKey(r.sample()) && !Double.isNaN(purity.get(r.sample()).value()) && presentWithReads(r)) {
                double cn = segments.copyNumber(r.sample(), r.contig(), r.pos());
                copyNumber.put(r, cn);
                ccf.put(r, Ccf.of(r.altCount(), r.depth(), purity.get(r.sample()).value(), cn, 1));
            }
        }
        // MesKit class per site over the tumour samples
        Map<String, MesKitClass> classes = new LinkedHashMap<>();
        for (var e : bySite.entrySet()) {
            int in = 0;
            boolean clonal = true;
            for (String s : tumour) {
                EvidenceRows.Row r = e.getValue().get(s);
                if (r != null && presentWithReads(r)) {
                    in++;
                    clonal &= ccf.containsKey(r) && ccf.get(r).clonal(); // no CCF (purity unknown): not called clonal
                }
            }
            if (in > 0) {
                classes.put(e.getKey(), MesKitClass.of(in, tumour.size(), clonal));
            }
        }
        StringBuilder table = new StringBuilder(CCF_HEADER).append('\n');
        List<MesKitCcfTable.Row> mesKit = new ArrayList<>();
        for (EvidenceRows.Row r : rows) {
            String key = r.contig() + ":" + r.pos() + ":" + r.ref() + ":" + r.alt();
            Ccf c = ccf.get(r);
            Purity p = purity.get(r.sample());
            MesKitClass cls = presentWithReads(r) && purity.containsKey(r.sample()) ? classes.get(key) : null;
            table.append(String.join("\t", patient, r.sample(), typeLabel(types.get(r.sample())), r.contig(), Integer.toString(r.pos()),
                    r.ref(), r.alt(), r.state().name(), Integer.toString(r.altCount()), Integer.toString(r.depth()),
                    r.depth() == 0 ? "NA" : ClonalityCommand.fmt((double) r.altCount() / r.depth()),
                    p == null ? "NA" : ClonalityCommand.fmt(p.value()), p == null ? "NA" : p.source(),
                    c == null ? "NA" : ClonalityCommand.fmt(copyNumber.get(r)),
                    c == null ? "NA" : ClonalityCommand.fmt(c.ccf()), c == null ? "NA" : ClonalityCommand.fmt(c.lower()),
                    c == null ? "NA" : ClonalityCommand.fmt(c.upper()), c == null ? "NA" : c.clonal() ? "Clonal" : "Subclonal",
                    cls == null ? "NA" : cls.name())).append('\n');
            if (c != null) {
                mesKit.add(new MesKitCcfTable.Row(patient, r.sample(), r.contig(), r.pos(), r.ref(), r.alt(), c, cls));
            }
        }
        StringBuilder het = new StringBuilder(HETEROGENEITY_HEADER).append('\n');
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        for (String s : tumour) {
            List<Double> vafs = new ArrayList<>();
            Set<String> set = new HashSet<>();
            for (EvidenceRows.Row r : rows) {
                if (r.sample().equals(s) && presentWithReads(r)) {
                    vafs.add((double) r.altCount() / r.depth());
                    set.add(r.contig() + ":" + r.pos() + ":" + r.ref() + ":" + r.alt());
                }
            }
            sets.put(s, set);
            Purity p = purity.get(s);
            het.append(String.join("\t", patient, s, typeLabel(types.get(s)), Integer.toString(vafs.size()), ClonalityCommand.fmt(p.value()),
                    p.source(), ClonalityCommand.fmt(Heterogeneity.math(vafs)))).append('\n');
        }
        StringBuilder jac = new StringBuilder(JACCARD_HEADER).append('\n');
        for (int a = 0; a < tumour.size(); a++) {
            for (int b = a + 1; b < tumour.size(); b++) {
                Set<String> sa = sets.get(tumour.get(a));
                Set<String> sb = sets.get(tumour.get(b));
                Set<String> union = new HashSet<>(sa);
                union.addAll(sb);
                long shared = sa.stream().filter(sb::contains).count();
                jac.append(String.join("\t", patient, tumour.get(a), tumour.get(b), typeLabel(types.get(tumour.get(a))),
                        typeLabel(types.get(tumour.get(b))), Long.toString(shared), Integer.toString(union.size()),
                        ClonalityCommand.fmt(Heterogeneity.jaccard(sa, sb)))).append('\n');
            }
        }
        return new Result(table.toString(), mesKit, het.toString(), jac.toString());
    }

    private static boolean presentWithReads(EvidenceRows.Row r) {
        return ClonalityCommand.present(r.state()) && r.depth() > 0;
    }

    /** The given purity, else the estimate from the sample's present variants at their local copy number (segments; else 2). */
    private static Purity purityOf(String sample, List<EvidenceRows.Row> rows, Double given, String givenSource, Segments segments) {
        if (given != null) {
            if (!(given > 0)) {
                throw new UserException("--purity " + sample + "=" + given + ": purity must be above 0");
            }
            return new Purity(given, givenSource);
        }
        List<EvidenceRows.Row> present = rows.stream().filter(r -> r.sample().equals(sample) && presentWithReads(r)).toList();
        if (present.size() < 3) { // no CCF for this sample (stated in its rows and heterogeneity.tsv); the others go on
            return new Purity(Double.NaN, "not_estimable");
        }
        int[] alt = present.stream().mapToInt(EvidenceRows.Row::altCount).toArray();
        int[] depth = present.stream().mapToInt(EvidenceRows.Row::depth).toArray();
        double[] copyNumber = present.stream().mapToDouble(r -> segments.copyNumber(sample, r.contig(), r.pos())).toArray();
        return new Purity(PurityEstimate.estimate(alt, depth, copyNumber), ESTIMATED);
    }

    private static boolean isTumour(SampleType t) {
        return t == null || t.isTissue();
    }

    private static String typeLabel(SampleType t) {
        return t == null ? "NA" : t.label();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }
}
