package org.oncoconcord.concordance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.core.UserException;
import org.oncoconcord.pileup.EvidenceRows;
import org.oncoconcord.pileup.EvidenceState;
import org.oncoconcord.pileup.Site;

/**
 * Read-level evidence ({@code oncoconcord pileup} output, {@code concordance --evidence}) laid over each
 * sample's VCF calls before a variant is classified (docs/PILEUP.md): a variant the sample's VCF does not
 * count but whose reads show it below the caller's threshold becomes present ({@code subthreshold}); absent
 * with enough depth is absent and evaluable (a measured fact, whatever the BED says); not assessable
 * (too few reads) is not evaluable. A call the VCF counts stays a call. Every change is written to a
 * sidecar table beside variants.tsv, with the VCF-only view, and counted in the summary, as are the
 * variants' classes from the VCFs alone and the class changes ({@link #classified}, from the engine).
 */
public final class EvidenceOverlay implements AutoCloseable {
    /** Columns of the sidecar {@code <patient>.variants.evidence.tsv}. */
    public static final String SIDECAR_HEADER = "chrom\tpos\tref\talt\tsample\tstate\talt_count\tdepth"
            + "\tvcf_present\tvcf_evaluable\tpresent\tevaluable\tchange";

    /** What the evidence did to one variant in one sample. */
    public enum Change {
        /** Not counted by the VCF, present in the reads below the call threshold: now present. */
        SUBTHRESHOLD,
        /** Not counted and not evaluable by the VCF view (BED, depth), absent with enough reads: now evaluable. */
        MEASURED_ABSENT,
        /** Not counted, evaluable by the VCF view, too few reads to tell: now not evaluable. */
        NOT_ASSESSABLE,
        /** Counted by the VCF (kept), or the reads agree with the VCF view. */
        NONE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Row(EvidenceState state, int depth, int alt) {
    }

    private final Path file;
    private final List<String> labels;
    private final boolean[] hasRows;
    private final Map<String, Row[]> rows;
    private final long rowCount;
    private final Set<String> used = new HashSet<>();
    private final long[][] counts; // [sample][presentInVcf, subthreshold, measuredAbsent, notAssessable, unchanged]
    /** Variants per class from the VCFs alone, and per (VCF class, evidence class) where the two differ. */
    private final Map<String, Long> classesVcf = new LinkedHashMap<>();
    private final Map<List<String>, Long> classChanges = new LinkedHashMap<>();
    private List<String> classOrder = List.of();
    private Writer sidecar;

    private EvidenceOverlay(Path file, List<String> labels, boolean[] hasRows, Map<String, Row[]> rows, long rowCount) {
        this.file = file;
        this.labels = List.copyOf(labels);
        this.hasRows = hasRows;
        this.rows = rows;
        this.rowCount = rowCount;
        this.counts = new long[labels.size()][5];
    }

    /**
     * Reads a pileup TSV; {@code labels}: the compared samples in the engine's order. A row naming another
     * sample, a bad number or state, or a site and sample given twice is an error naming the file and line.
     */
    public static EvidenceOverlay read(Path file, List<String> labels) {
        return read(file, labels, Set.of());
    }

    /**
     * As {@link #read(Path, List)}, skipping the rows of {@code skipped} samples (the patient's other
     * serial plasma draws, compared with the tissue in their own runs without read evidence).
     */
    public static EvidenceOverlay read(Path file, List<String> labels, Set<String> skipped) {
        Map<String, Row[]> rows = new HashMap<>();
        boolean[] hasRows = new boolean[labels.size()];
        long[] n = new long[1];
        EvidenceRows.read(file, "--evidence", r -> {
            String where = "--evidence " + file + ": line " + r.line() + ": ";
            int s = labels.indexOf(r.sample());
            if (s < 0 && skipped.contains(r.sample())) {
                return;
            }
            if (s < 0) {
                throw new UserException(where + "sample '" + r.sample() + "' is not a compared --sample of this patient "
                        + labels + " (give 'pileup --label SM=LABEL')");
            }
            Row[] perSample = rows.computeIfAbsent(key(r.contig(), r.pos(), r.ref(), r.alt()), k -> new Row[labels.size()]);
            if (perSample[s] != null) {
                throw new UserException(where + "site " + r.site() + " in sample " + labels.get(s) + " is given twice");
            }
            perSample[s] = new Row(r.state(), r.depth(), r.altCount());
            hasRows[s] = true;
            n[0]++;
        });
        return new EvidenceOverlay(file, labels, hasRows, rows, n[0]);
    }

    /** Canonical contig, position and minimal alleles (as pileup trims them). */
    private static String key(String contig, int pos, String ref, String alt) {
        Site s = Site.trimmed(0, contig, pos, ref, alt, Set.of());
        return ContigNames.canonical(s.contig()) + ":" + s.pos() + ":" + s.ref() + ":" + s.alt();
    }

    /** Writes the sidecar rows (one per variant and sample with evidence) to {@code out} from now on. */
    public void writeTo(Writer out) throws IOException {
        this.sidecar = out;
        out.write(SIDECAR_HEADER);
        out.write('\n');
    }

    /**
     * Applies the evidence to one variant; the arrays are the engine's per-sample view from the VCFs
     * (index = sample), changed in place. A sample with evidence rows but none for this variant is an error:
     * the pileup did not cover the patient's sites.
     */
    public void apply(Call v, boolean[] present, boolean[] evaluable, double[] vaf, int[] depth) {
        String key = key(v.contig(), v.pos(), v.ref(), v.alt());
        Row[] r = rows.get(key);
        for (int i = 0; i < labels.size(); i++) {
            if (!hasRows[i]) {
                continue;
            }
            Row row = r == null ? null : r[i];
            if (row == null) {
                throw new UserException("--evidence " + file + ": no row for " + v.display() + ":" + v.pos() + " " + v.ref() + ">"
                        + v.alt() + " in sample " + labels.get(i) + "; run 'oncoconcord pileup --ignore-genotypes' over the union of "
                        + "the patient's normalized VCFs (docs/PILEUP.md)");
            }
            used.add(key);
            boolean vcfPresent = present[i];
            boolean vcfEvaluable = evaluable[i];
            Change change = Change.NONE;
            if (!vcfPresent) {
                // reads showing the ALT: CALLED (the VCF has an unfiltered call the comparison does not count, e.g. below
                // --min-vaf or --plasma-min-alt) or BELOW_CALL_THRESHOLD (no call)
                if (row.state() == EvidenceState.BELOW_CALL_THRESHOLD || row.state() == EvidenceState.CALLED) {
                    present[i] = true;
                    evaluable[i] = true;
                    vaf[i] = row.depth() == 0 ? Double.NaN : row.alt() / (double) row.depth();
                    depth[i] = row.depth();
                    change = Change.SUBTHRESHOLD;
                } else if (row.state() == EvidenceState.ABSENT && !vcfEvaluable) {
                    evaluable[i] = true;
                    change = Change.MEASURED_ABSENT;
                } else if (row.state() == EvidenceState.NOT_ASSESSABLE && vcfEvaluable) {
                    evaluable[i] = false;
                    change = Change.NOT_ASSESSABLE;
                }
            }
            counts[i][vcfPresent ? 0 : change == Change.NONE ? 4 : change.ordinal() + 1]++;
            if (sidecar != null) {
                try {
                    sidecar.write(String.join("\t", v.display(), Integer.toString(v.pos()), v.ref(), v.alt(), labels.get(i),
                            shownState(row.state(), vcfPresent).name(), Integer.toString(row.alt()), Integer.toString(row.depth()), bit(vcfPresent),
                            bit(vcfEvaluable), bit(present[i]), bit(evaluable[i]), change.label()));
                    sidecar.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Counts one compared variant's class from the VCFs alone ({@code vcfClass}: the class a run without the
     * evidence gives it) and with the evidence ({@code evidenceClass}); the engine calls it once per variant.
     */
    void classified(String vcfClass, String evidenceClass) {
        classesVcf.merge(vcfClass, 1L, Long::sum);
        if (!vcfClass.equals(evidenceClass)) {
            classChanges.merge(List.of(vcfClass, evidenceClass), 1L, Long::sum);
        }
    }

    /** The keys of concordance.json {@code classes}, in order: {@code classes_vcf} lists them first (0 when none). */
    void classOrder(Collection<String> classes) {
        this.classOrder = List.copyOf(classes);
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    /** What the evidence changed, per sample with evidence (concordance.json {@code evidence}). */
    public ConcordanceJson.Evidence summary() {
        List<ConcordanceJson.EvidenceSample> samples = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (hasRows[i]) {
                long[] c = counts[i];
                samples.add(new ConcordanceJson.EvidenceSample(labels.get(i), c[0] + c[1] + c[2] + c[3] + c[4], c[0], c[1], c[2], c[3], c[4]));
            }
        }
        long usedRows = 0;
        for (String k : used) {
            for (Row row : rows.get(k)) {
                usedRows += row == null ? 0 : 1;
            }
        }
        return new ConcordanceJson.Evidence(file.toString(), rowCount, usedRows, rowCount - usedRows, samples, vcfClasses(),
                changes());
    }

    /** The VCF-only class counts: every key of {@code classes} in its order, then classes only this view has. */
    private Map<String, Long> vcfClasses() {
        Map<String, Long> out = new LinkedHashMap<>();
        classOrder.forEach(c -> out.put(c, classesVcf.getOrDefault(c, 0L)));
        classesVcf.forEach(out::putIfAbsent);
        return out;
    }

    /** The class changes, ordered by the VCF class then the evidence class as {@link #vcfClasses} orders them. */
    private List<ConcordanceJson.ClassChange> changes() {
        List<String> order = new ArrayList<>(vcfClasses().keySet());
        classChanges.keySet().forEach(k -> {
            if (!order.contains(k.get(1))) {
                order.add(k.get(1));
            }
        });
        return classChanges.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<List<String>, Long> e) -> order.indexOf(e.getKey().get(0)))
                        .thenComparingInt(e -> order.indexOf(e.getKey().get(1))))
                .map(e -> new ConcordanceJson.ClassChange(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }

    @Override
    public void close() throws IOException {
        if (sidecar != null) {
            sidecar.close();
        }
    }

    /** The state written beside the VCF view: reads showing the ALT of a counted call are {@code CALLED}, never below the threshold. */
    static EvidenceState shownState(EvidenceState reads, boolean vcfPresent) {
        return vcfPresent && reads == EvidenceState.BELOW_CALL_THRESHOLD ? EvidenceState.CALLED : reads;
    }
}
