package org.oncoconcord.concordance;

import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.core.Proportion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.core.Progress;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.core.SampleType;

/**
 * Compares the calls of one patient's samples by a streaming merge-join of their position-sorted
 * VCFs: memory does not grow with the number of records. Writes one {@code variants.tsv} row per
 * distinct allele as it goes and returns the summary that becomes {@code concordance.json}.
 */
public final class ConcordanceEngine {
    private static final int VAF_BINS = 10_000;
    private static final int MAX_LISTED = 200;

    private final List<SampleSpec> samples;
    private final boolean includeFiltered;
    private final GeneTable genes;
    private final int n;
    private final Regions[] regions;
    private final int[] minDepthOf;
    private final int[] typeBit;
    private final boolean[] tissue;

    // accumulators
    private final long[] nVariants;
    private final long[] duplicates;
    private final double[] maxVaf;
    private final long[][] vafHist;
    private final long[][] shared;
    private final long[][] onlyA;
    private final long[][] onlyB;
    private final long[][] notEvalA;
    private final long[][] notEvalB;
    private final Map<String, Long> classes = new LinkedHashMap<>();
    private final Map<String, boolean[]> geneStatus = new LinkedHashMap<>();
    private final Map<String, List<String>> geneVariants = new LinkedHashMap<>();
    private final Map<String, Long> geneVariantCount = new LinkedHashMap<>();
    private final boolean[] ras;
    private final boolean[] braf;
    private final List<List<String>> rasHits = new ArrayList<>();
    private final int plasma;
    private long missed;
    private long missedWithEvidence;
    private long missedNotEvaluable;
    private long detected;
    private double maxSharedPlasmaVaf = Double.NaN;
    private long distinct;
    private final boolean[] present;
    private final boolean[] evaluable;
    private final double[] vaf;
    private final int[] depth;
    private final boolean[] evidence;
    private final int[] siteDepth;
    private final String[] classByMask;
    /** "\t.\t.\t.\tCLASS": the gene, hotspot, group and class columns of a row outside the gene table. */
    private final byte[][] tailByMask;
    private final byte[] tailSharedAll = unannotatedTail(VariantClass.SHARED_ALL);
    private final byte[] tailNotEvaluable = unannotatedTail(VariantClass.NOT_EVALUABLE);
    private final long[] classCountByMask = new long[1 << SampleType.values().length];
    private long sharedAllCount;
    private long notEvaluableCount;
    private final List<Call> alleles = new ArrayList<>(2);
    /** Per allele: the sample of the call whose existing annotation is used (-1: none). */
    private int annotatedIn;
    /** Per allele: the gene/hotspot/group/class columns of its row outside the gene table ({@link #classify}). */
    private byte[] rowTail;
    private String lastContig;
    private String lastChrom;
    private String styleExample;

    /** Consequence-based gene status (null: a gene is mutated by any overlapping variant). */
    private org.oncoconcord.annotate.GeneStatusRule geneRule;
    /** The transcript models of {@link #geneRule} as concordance.json names them. */
    private String models;
    /** Use a VCF's own CSQ/ANN/FUNCOTATION when present (false: --reannotate). */
    private boolean useExisting = true;
    /** Distinct alleles whose consequence came from a VCF's annotation / from our engine. */
    private long fromVcf;
    private long computed;
    /** Where the current allele's consequence came from: a VCF's annotation key or {@link #ENGINE}. */
    private String lastSource;
    private static final String ENGINE = "oncoconcord";
    /** The consequence columns of an intergenic allele annotated by our engine (cached: the common row). */
    private byte[] intergenicColumns;
    /** Per sample label, the annotation its VCF header declares (CSQ, ANN, FUNCOTATION). */
    private final Map<String, String> declared = new LinkedHashMap<>();

    /** Tissue variants' plasma evidence for the tumour fraction (docs/PLASMA.md). */
    private PlasmaEvidence plasmaEvidence = new PlasmaEvidence(PLASMA_MIN_ALT);
    /** Default alt reads a plasma call needs (detection probability; --plasma-min-alt). */
    public static final int PLASMA_MIN_ALT = 3;

    /** Rules for plasma calls of blood origin, and the patient's white-blood-cell sample (null: none). */
    private ChRules chRules = ChRules.defaults();
    private SampleSpec wbc;
    /** Labels plasma calls of blood origin while the engine runs (docs/PLASMA.md). */
    private BloodOrigin bloodOrigin;

    /** Clonal-haematopoiesis / germline rules for plasma calls; {@code wbc}: the patient's normal sample or null. */
    public ConcordanceEngine withBloodOrigin(ChRules rules, SampleSpec wbc) {
        this.chRules = rules;
        this.wbc = wbc;
        return this;
    }

    /** Read-level evidence laid over the calls before classification (null: the VCFs alone). */
    private EvidenceOverlay evidenceOverlay;
    /** With evidence: the current allele's per-sample view from the VCFs alone, before the overlay. */
    private boolean[] vcfPresent;
    private boolean[] vcfEvaluable;

    /** Lays read-level evidence over each variant's per-sample calls before it is classified (docs/PILEUP.md). */
    public ConcordanceEngine withEvidence(EvidenceOverlay overlay) {
        this.evidenceOverlay = overlay;
        this.vcfPresent = new boolean[n];
        this.vcfEvaluable = new boolean[n];
        return this;
    }

    /** Alt reads the plasma assay needs to call a variant (for the detection probability of misses). */
    public ConcordanceEngine withPlasmaMinAlt(int minAlt) {
        this.plasmaEvidence = new PlasmaEvidence(minAlt);
        return this;
    }

    /**
     * Gene status, RAS and BRAF V600E from the consequence on the canonical transcript
     * ({@code --gene-status}); without it a gene counts any overlapping variant.
     */
    public ConcordanceEngine withGeneStatus(org.oncoconcord.annotate.GeneStatusRule rule) {
        this.geneRule = rule;
        return this;
    }


    /**
     * Names the gene rule's transcript models ({@code models}, for concordance.json) and whether a
     * VCF's own CSQ/ANN/FUNCOTATION annotation is used instead of our engine when present
     * ({@code useExisting}; false: {@code --reannotate}).
     */
    public ConcordanceEngine withConsequenceSource(String models, boolean useExisting) {
        this.models = models;
        this.useExisting = useExisting;
        return this;
    }

    public ConcordanceEngine(List<SampleSpec> samples, boolean includeFiltered, GeneTable genes) {
        this.samples = List.copyOf(samples);
        this.includeFiltered = includeFiltered;
        this.genes = genes;
        this.n = samples.size();
        this.regions = new Regions[n];
        this.minDepthOf = new int[n];
        this.typeBit = new int[n];
        this.tissue = new boolean[n];
        int p = -1;
        for (int i = 0; i < n; i++) {
            SampleSpec s = samples.get(i);
            regions[i] = s.regions() == null ? null : Regions.readBed(s.regions());
            minDepthOf[i] = s.minDepth();
            typeBit[i] = 1 << s.type().ordinal();
            tissue[i] = s.type().isTissue();
            if (s.type() == SampleType.PLASMA) {
                p = i;
            }
            rasHits.add(new ArrayList<>());
        }
        this.plasma = p;
        present = new boolean[n];
        evaluable = new boolean[n];
        vaf = new double[n];
        depth = new int[n];
        evidence = new boolean[n];
        siteDepth = new int[n];
        classByMask = new String[1 << SampleType.values().length];
        tailByMask = new byte[classByMask.length][];
        for (int mask = 1; mask < classByMask.length; mask++) {
            Set<SampleType> ts = EnumSet.noneOf(SampleType.class);
            for (SampleType st : SampleType.values()) {
                if ((mask & (1 << st.ordinal())) != 0) {
                    ts.add(st);
                }
            }
            classByMask[mask] = VariantClass.name(ts);
            tailByMask[mask] = unannotatedTail(classByMask[mask]);
        }
        nVariants = new long[n];
        duplicates = new long[n];
        maxVaf = new double[n];
        java.util.Arrays.fill(maxVaf, Double.NaN);
        vafHist = new long[n][VAF_BINS + 1];
        shared = new long[n][n];
        onlyA = new long[n][n];
        onlyB = new long[n][n];
        notEvalA = new long[n][n];
        notEvalB = new long[n][n];
        ras = new boolean[n];
        braf = new boolean[n];
        for (String c : VariantClass.possible(samples.stream().map(SampleSpec::type).toList())) {
            classes.put(c, 0L);
        }
        for (String g : genes.genes()) {
            geneStatus.put(g, new boolean[n]);
            geneVariants.put(g, new ArrayList<>());
            geneVariantCount.put(g, 0L);
        }
    }

    /** Runs the comparison, writing variants.tsv rows to {@code tsv}; returns the JSON summary. */
    public ConcordanceJson run(String patient, AsciiWriter tsv, boolean quiet) throws IOException {
        List<VcfCallReader> readers = new ArrayList<>();
        try (Progress progress = new Progress("concordance " + patient, -1, quiet);
             BloodOrigin blood = new BloodOrigin(chRules, plasma >= 0 ? wbc : null)) {
            bloodOrigin = blood;
            for (SampleSpec s : samples) {
                VcfCallReader r = new VcfCallReader(s, includeFiltered);
                readers.add(r);
                if (r.annotationSource() != null) {
                    declared.put(s.label(), r.annotationSource().key());
                }
            }
            List<List<String>> headerContigs = readers.stream().map(VcfCallReader::headerContigs).toList();
            List<List<String>> chains = new ArrayList<>(readers.stream()
                    .map(r -> r.headerContigs().isEmpty() ? r.scanContigs() : r.headerContigs()).toList());
            chains.addAll(blood.contigChains());
            ContigOrder order = new ContigOrder(chains);
            blood.setOrder(order);
            for (List<String> hc : headerContigs) {
                if (!hc.isEmpty() && styleExample == null) {
                    styleExample = hc.get(0);
                }
            }
            readers.forEach(r -> r.setOrder(order));
            VcfCallReader[] readerArr = readers.toArray(VcfCallReader[]::new);
            writeHeader(tsv);
            Call[][] at = new Call[n][4];
            int[] atN = new int[n];
            while (nextSite(readerArr, order, at, atN, tsv)) {
                progress.advance(1);
            }
            return summary(patient, readers);
        } finally {
            for (VcfCallReader r : readers) {
                r.close();
            }
        }
    }

    /**
     * Takes the calls of all samples at the next position (into at / atN) and processes them; false
     * at the end. One call per site, so that the JIT compiles it as a whole method rather than
     * on-stack-replacing run's loop.
     */
    private boolean nextSite(VcfCallReader[] readers, ContigOrder order, Call[][] at, int[] atN, AsciiWriter tsv)
            throws IOException {
        Call min = null;
        for (int i = 0; i < n; i++) {
            Call h = readers[i].peek();
            if (h != null && (min == null || compare(order, h, min) < 0)) {
                min = h;
            }
        }
        if (min == null) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            atN[i] = 0;
            VcfCallReader r = readers[i];
            Call h;
            while ((h = r.peek()) != null && h.pos() == min.pos() && h.contig().equals(min.contig())) {
                if (atN[i] == at[i].length) {
                    at[i] = java.util.Arrays.copyOf(at[i], at[i].length * 2);
                }
                at[i][atN[i]++] = r.next();
            }
        }
        site(min, at, atN, tsv);
        return true;
    }

    private static int compare(ContigOrder order, Call a, Call b) {
        int c = a.contig().equals(b.contig()) ? 0 : order.compare(a.contig(), b.contig());
        return c != 0 ? c : Integer.compare(a.pos(), b.pos());
    }

    private void writeHeader(AsciiWriter tsv) throws IOException {
        List<String> labels = new ArrayList<>();
        samples.forEach(s -> labels.add(s.label()));
        tsv.write(String.join("\t", org.oncoconcord.contract.VariantsTsv.header(labels)) + "\n");
    }

    /** All calls of all samples at one position. */
    private void site(Call first, Call[][] at, int[] atN, AsciiWriter tsv) throws IOException {
        if (styleExample == null) {
            styleExample = first.display();
        }
        int[] siteDepth = this.siteDepth;
        List<Call> alleles = this.alleles;
        alleles.clear();
        for (int i = 0; i < n; i++) {
            siteDepth[i] = -1;
            for (int k = 0; k < atN[i]; k++) {
                Call c = at[i][k];
                siteDepth[i] = Math.max(siteDepth[i], c.depth());
                if (c.status() == CallStatus.COUNTED) {
                    boolean seen = false;
                    for (int j = 0; j < alleles.size(); j++) {
                        Call a = alleles.get(j);
                        seen |= a.ref().equals(c.ref()) && a.alt().equals(c.alt());
                    }
                    if (!seen) {
                        alleles.add(c);
                    }
                }
            }
        }
        if (alleles.size() > 1) {
            alleles.sort((x, y) -> x.ref().equals(y.ref()) ? x.alt().compareTo(y.alt()) : x.ref().compareTo(y.ref()));
        }
        for (int j = 0; j < alleles.size(); j++) {
            variant(alleles.get(j), at, atN, siteDepth, tsv);
        }
    }

    /**
     * One distinct allele of a site: reads its call in every sample, judges its consequence and
     * blood origin, adds it to the counts (presence, pairs, class, plasma misses, genes) and writes
     * its variants.tsv row.
     */
    private void variant(Call v, Call[][] at, int[] atN, int[] siteDepth, AsciiWriter tsv) throws IOException {
        distinct++;
        Call annotated = readSamples(v, at, atN, siteDepth);
        List<GeneTable.Entry> hits = genes.matching(v.contig(), v.pos(), v.ref(), v.alt());
        org.oncoconcord.annotate.GeneStatusRule.Verdict verdict = geneRule == null ? null : verdict(v, annotated, annotatedIn);
        BloodOrigin.Label blood = plasma >= 0 && present[plasma] ? judgeBloodOrigin(v, hits, verdict) : null;
        boolean bloodExcluded = bloodOrigin.excludes(blood);
        if (bloodExcluded) { // out of every count; the row still shows the plasma call (its class says why)
            present[plasma] = false;
            evaluable[plasma] = false;
        }
        countPresence();
        countPairs();
        String cls = classify(bloodExcluded ? blood : null);
        if (evidenceOverlay != null) {
            evidenceOverlay.classified(vcfOnlyClass(blood, hits, verdict), cls);
        }
        if (plasma >= 0) {
            countPlasmaDetection(v, bloodExcluded);
        }
        writeVariantRow(tsv, v, hits, verdict, cls, bloodExcluded ? plasma : -1);
    }

    /**
     * Fills the per-sample arrays ({@link #present}, {@link #evidence}, {@link #vaf}, {@link #depth},
     * {@link #evaluable}) for allele {@code v} from the calls at its site; counts duplicate calls.
     * Returns the first call (in sample order) carrying an existing annotation, or null
     * ({@link #annotatedIn}: its sample).
     */
    private Call readSamples(Call v, Call[][] at, int[] atN, int[] siteDepth) {
        boolean[] present = this.present;
        boolean[] evaluable = this.evaluable;
        double[] vaf = this.vaf;
        int[] depth = this.depth;
        boolean[] evidence = this.evidence;
        Call annotated = null;
        annotatedIn = -1;
        for (int i = 0; i < n; i++) {
            Call counted = null;
            Call any = null;
            for (int k = 0; k < atN[i]; k++) {
                Call c = at[i][k];
                if (c.ref().equals(v.ref()) && c.alt().equals(v.alt())) {
                    if (c.status() == CallStatus.COUNTED) {
                        if (counted != null) {
                            duplicates[i]++;
                        } else {
                            counted = c;
                        }
                    } else if (any == null) {
                        any = c;
                    }
                }
            }
            Call shown = counted != null ? counted : any;
            if (annotated == null && shown != null && shown.existing() != null) {
                annotated = shown;
                annotatedIn = i;
            }
            present[i] = counted != null;
            evidence[i] = counted == null && any != null;
            vaf[i] = shown != null ? shown.vaf() : Double.NaN;
            depth[i] = shown != null && shown.depth() >= 0 ? shown.depth() : siteDepth[i];
            boolean covered = regions[i] == null || regions[i].contains(v.contig(), v.pos());
            int minDepth = minDepthOf[i];
            boolean deepEnough = minDepth <= 0 || depth[i] < 0 || depth[i] >= minDepth;
            evaluable[i] = present[i] || (covered && deepEnough);
        }
        if (evidenceOverlay != null) { // read-level states laid over the VCF view (docs/PILEUP.md)
            System.arraycopy(present, 0, vcfPresent, 0, n);
            System.arraycopy(evaluable, 0, vcfEvaluable, 0, n);
            evidenceOverlay.apply(v, present, evaluable, vaf, depth);
        }
        return annotated;
    }

    /** Per sample: variants present, their highest VAF and the VAF histogram (for the median). */
    private void countPresence() {
        for (int i = 0; i < n; i++) {
            if (present[i]) {
                nVariants[i]++;
                if (!Double.isNaN(vaf[i])) {
                    maxVaf[i] = Double.isNaN(maxVaf[i]) ? vaf[i] : Math.max(maxVaf[i], vaf[i]);
                    int bin = (int) Math.round(Math.min(1, Math.max(0, vaf[i])) * VAF_BINS);
                    vafHist[i][bin]++;
                }
            }
        }
    }

    /** Per pair of samples: shared, only in one (absent and evaluable in the other) or not evaluable. */
    private void countPairs() {
        boolean[] present = this.present;
        boolean[] evaluable = this.evaluable;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (present[a] && present[b]) {
                    shared[a][b]++;
                } else if (present[a]) {
                    if (evaluable[b]) {
                        onlyA[a][b]++;
                    } else {
                        notEvalA[a][b]++;
                    }
                } else if (present[b]) {
                    if (evaluable[a]) {
                        onlyB[a][b]++;
                    } else {
                        notEvalB[a][b]++;
                    }
                }
            }
        }
    }

    /**
     * The variant's class (the blood-origin label of an excluded plasma call, else by the sample
     * types it is present in), counted; {@link #rowTail} gets its row's gene/hotspot/group/class
     * columns for a variant outside the gene table.
     */
    private String classify(BloodOrigin.Label excludedAs) {
        boolean all = true;
        boolean absentUnevaluable = false;
        int mask = 0;
        for (int i = 0; i < n; i++) {
            all &= present[i];
            absentUnevaluable |= !present[i] && !evaluable[i];
            if (present[i]) {
                mask |= typeBit[i];
            }
        }
        if (excludedAs != null) {
            String cls = excludedAs.label();
            rowTail = unannotatedTail(cls);
            classes.merge(cls, 1L, Long::sum);
            return cls;
        }
        if (all) {
            sharedAllCount++;
            rowTail = tailSharedAll;
            return VariantClass.SHARED_ALL;
        }
        if (absentUnevaluable) {
            notEvaluableCount++;
            rowTail = tailNotEvaluable;
            return VariantClass.NOT_EVALUABLE;
        }
        classCountByMask[mask]++;
        rowTail = tailByMask[mask];
        return classByMask[mask];
    }

    /** Plasma detection of tissue variants: detected, missed (with sub-threshold evidence) or not evaluable. */
    private void countPlasmaDetection(Call v, boolean bloodExcluded) {
        boolean inTissue = false;
        for (int i = 0; i < n; i++) {
            inTissue |= present[i] && tissue[i];
        }
        if (present[plasma] || bloodExcluded) { // a CH/germline call's depth measures the plasma sequencing too
            plasmaEvidence.plasmaCallDepth(depth[plasma]);
        }
        if (!inTissue) {
            return;
        }
        recordTissueHit(v);
        if (present[plasma]) {
            detected++;
            if (!Double.isNaN(vaf[plasma])) {
                maxSharedPlasmaVaf = Double.isNaN(maxSharedPlasmaVaf) ? vaf[plasma] : Math.max(maxSharedPlasmaVaf, vaf[plasma]);
            }
        } else if (!evaluable[plasma]) {
            missedNotEvaluable++;
        } else {
            missed++;
            if (evidence[plasma]) {
                missedWithEvidence++;
            }
        }
    }

    /**
     * Records a variant in the gene summaries and writes its variants.tsv row; {@code shownAnyway}
     * is a sample whose call the row shows though it is out of the counts (an excluded plasma call
     * of blood origin), or -1.
     */
    private void writeVariantRow(AsciiWriter tsv, Call v, List<GeneTable.Entry> hits,
                                 org.oncoconcord.annotate.GeneStatusRule.Verdict verdict, String cls, int shownAnyway)
            throws IOException {
        if (!v.contig().equals(lastContig)) {
            lastContig = v.contig();
            lastChrom = styleExample == null ? v.display() : ContigNames.inStyleOf(v.contig(), styleExample);
        }
        String chrom = lastChrom;
        if (hits.isEmpty()) {
            writeRow(tsv, chrom, v, rowTail, shownAnyway);
            writeConsequence(tsv, verdict, false);
        } else {
            String[] cols = annotate(hits, chrom, v, verdict);
            writeRow(tsv, chrom, v, tail(cols[0], cols[1], cols[2], cls), shownAnyway);
            writeConsequence(tsv, verdict, cols[3] != null);
        }
    }

    /**
     * The consequence verdict of an allele: from the CSQ/ANN/FUNCOTATION of the first sample whose
     * call carries one (unless --reannotate), else from our engine.
     */
    private org.oncoconcord.annotate.GeneStatusRule.Verdict verdict(Call v, Call annotated, int sample) {
        if (useExisting && annotated != null) {
            org.oncoconcord.annotate.GeneStatusRule.Verdict fromTool;
            try {
                fromTool = geneRule.judgeExisting(annotated.existing().entries());
            } catch (IllegalArgumentException e) {
                throw new org.oncoconcord.core.UserException(samples.get(sample).vcf() + ": data record " + annotated.record()
                        + " (" + annotated.display() + ":" + annotated.pos() + "): INFO/" + annotated.existing().source().key()
                        + ": " + e.getMessage(), e);
            }
            if (fromTool != null) {
                fromVcf++;
                lastSource = annotated.existing().source().key();
                return fromTool;
            }
        }
        computed++;
        lastSource = ENGINE;
        return geneRule.judge(v.contig(), v.pos(), v.ref(), v.alt());
    }

    /** Labels a plasma call of blood origin (CH, germline, possible CH) or returns null for tumour DNA. */
    private BloodOrigin.Label judgeBloodOrigin(Call v, List<GeneTable.Entry> hits,
                                               org.oncoconcord.annotate.GeneStatusRule.Verdict verdict) {
        java.util.Set<String> geneNames = bloodGenes(hits, verdict);
        boolean inTissue = false;
        for (int i = 0; i < n; i++) {
            inTissue |= present[i] && tissue[i];
        }
        return bloodOrigin.judge(v, v.display() + ":" + v.pos() + ":" + v.ref() + ">" + v.alt(), geneNames, inTissue,
                vaf[plasma], depth[plasma]);
    }

    /** The genes a plasma call lies in for the blood-origin rules: the gene table's and the consequence's. */
    private static java.util.Set<String> bloodGenes(List<GeneTable.Entry> hits,
                                                    org.oncoconcord.annotate.GeneStatusRule.Verdict verdict) {
        java.util.Set<String> geneNames = new java.util.LinkedHashSet<>();
        hits.forEach(e -> geneNames.add(e.gene()));
        if (verdict != null) {
            verdict.effects().forEach(a -> {
                // in the gene: not only up/downstream of it (VEP lists genes within 5 kb)
                boolean flanking = a.consequences().stream().allMatch(c -> c == org.oncoconcord.annotate.Consequence.UPSTREAM_GENE_VARIANT
                        || c == org.oncoconcord.annotate.Consequence.DOWNSTREAM_GENE_VARIANT
                        || c == org.oncoconcord.annotate.Consequence.INTERGENIC_VARIANT);
                if (!a.gene().isEmpty() && !flanking) {
                    geneNames.add(a.gene());
                }
            });
        }
        return geneNames;
    }

    /**
     * With evidence: the class the variant has from the VCFs alone (what a run without {@code --evidence}
     * gives it), from the per-sample view before the overlay; {@code blood}: the evidence view's blood-origin
     * label. The overlay only adds presence and never touches a present sample's VAF, so a plasma call of the
     * VCFs has the same label in both views, except without a WBC sample where the gene-list rule needs it
     * absent from the tissue: a tissue presence that only the reads show can lift that label.
     */
    private String vcfOnlyClass(BloodOrigin.Label blood, List<GeneTable.Entry> hits,
                                org.oncoconcord.annotate.GeneStatusRule.Verdict verdict) {
        boolean[] p = vcfPresent;
        boolean[] e = vcfEvaluable;
        BloodOrigin.Label label = null;
        if (plasma >= 0 && p[plasma]) {
            label = blood;
            boolean inTissue = false;
            for (int i = 0; i < n; i++) {
                inTissue |= p[i] && tissue[i];
            }
            if (wbc == null && label == null && !inTissue) { // BloodOrigin.judge's gene-list rule, in the VCF view
                for (String g : bloodGenes(hits, verdict)) {
                    if (label == null && chRules.listed(g, vaf[plasma])) {
                        label = BloodOrigin.Label.POSSIBLE_CH;
                    }
                }
            }
        }
        if (bloodOrigin.excludes(label)) {
            return label.label();
        }
        boolean all = true;
        boolean absentUnevaluable = false;
        int mask = 0;
        for (int i = 0; i < n; i++) {
            all &= p[i];
            absentUnevaluable |= !p[i] && !e[i];
            mask |= p[i] ? typeBit[i] : 0;
        }
        return all ? VariantClass.SHARED_ALL : absentUnevaluable ? VariantClass.NOT_EVALUABLE : classByMask[mask];
    }

    /** Records a tissue-positive variant evaluable in plasma for the tumour fraction and detection analysis. */
    private void recordTissueHit(Call v) {
        if (!evaluable[plasma]) {
            return;
        }
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (present[i] && tissue[i] && !Double.isNaN(vaf[i]) && (best < 0 || vaf[i] > vaf[best])) {
                best = i;
            }
        }
        if (best < 0) {
            for (int i = 0; i < n && best < 0; i++) {
                best = present[i] && tissue[i] ? i : -1;
            }
        }
        boolean inAllTissue = true;
        for (int i = 0; i < n; i++) {
            inAllTissue &= !tissue[i] || present[i];
        }
        plasmaEvidence.add(new PlasmaEvidence.Hit(v.display() + ":" + v.pos() + ":" + v.ref() + ">" + v.alt(), best,
                vaf[best], inAllTissue, present[plasma], vaf[plasma], depth[plasma]));
    }

    /**
     * Records a variant that overlaps genes / hotspots in the gene, RAS and BRAF summaries (from
     * {@link #present}); returns its gene, hotspot and group columns.
     */
    private String[] annotate(List<GeneTable.Entry> hits, String chrom, Call v,
                              org.oncoconcord.annotate.GeneStatusRule.Verdict verdict) {
        boolean[] present = this.present;
        List<String> gs = new ArrayList<>(2);
        List<String> hs = new ArrayList<>(2);
        List<String> grs = new ArrayList<>(2);
        for (GeneTable.Entry e : hits) {
            if (!gs.contains(e.gene())) {
                gs.add(e.gene());
            }
            if (!e.isGene()) {
                hs.add(e.name());
                if (!e.group().equals(".") && !grs.contains(e.group())) {
                    grs.add(e.group());
                }
            }
        }
        String geneCol = String.join(",", gs);
        String hotspotCol = hs.isEmpty() ? "." : String.join(",", hs);
        String groupCol = grs.isEmpty() ? "." : String.join(",", grs);
        String id = chrom + ":" + v.pos() + ":" + v.ref() + ">" + v.alt();
        String shown = hs.isEmpty() ? id : String.join(",", hs) + " (" + id + ")";
        boolean anyCounted = false;
        for (String g : gs) {
            if (verdict != null) {
                boolean atHotspot = false;
                for (GeneTable.Entry e : hits) {
                    atHotspot |= !e.isGene() && e.gene().equals(g);
                }
                if (!verdict.counts(g, geneRule.modelled(g), atHotspot)) {
                    continue;
                }
                org.oncoconcord.annotate.GeneEffect a = verdict.on(g);
                if (a != null && !a.hgvspShort().isEmpty()) {
                    shown = g + " " + a.hgvspShort() + " (" + id + ")";
                }
            }
            anyCounted = true;
            boolean[] st = geneStatus.get(g);
            for (int i = 0; i < n; i++) {
                st[i] |= present[i];
            }
            geneVariantCount.merge(g, 1L, Long::sum);
            List<String> lst = geneVariants.get(g);
            if (lst.size() < MAX_LISTED) {
                lst.add(shown);
            }
        }
        boolean rasMutation = verdict == null ? grs.contains("RAS") : verdict.rasHotspot();
        boolean brafMutation = verdict == null ? grs.contains("BRAF_V600E") : verdict.brafV600e();
        for (int i = 0; i < n; i++) {
            if (present[i]) {
                if (rasMutation) {
                    ras[i] = true;
                    rasHits.get(i).add(shown);
                }
                if (brafMutation) {
                    braf[i] = true;
                }
            }
        }
        return new String[] {geneCol, hotspotCol, groupCol, anyCounted ? "1" : null};
    }

    /**
     * Ends a variants.tsv row with its consequence columns (replacing the row's newline):
     * the most severe consequence over the canonical transcripts, its IMPACT, HGVSc, HGVSp_Short,
     * and whether the variant counts for a gene's status.
     */
    private void writeConsequence(AsciiWriter tsv, org.oncoconcord.annotate.GeneStatusRule.Verdict verdict,
                                  boolean counted) throws IOException {
        if (verdict == null) {
            tsv.write(counted ? "\t.\t.\t.\t.\t1\t.\n" : "\t.\t.\t.\t.\t0\t.\n");
            return;
        }
        boolean intergenic = !counted && lastSource == ENGINE && geneRule.isIntergenic(verdict);
        if (intergenic && intergenicColumns != null) { // most rows: the same columns every time
            tsv.reserve(intergenicColumns.length);
            tsv.put(intergenicColumns);
            return;
        }
        org.oncoconcord.annotate.GeneEffect a = verdict.worst();
        String line = "\t" + orDot(a.consequenceTerms()) + "\t" + (a.impact() == null ? "." : a.impact()) + "\t"
                + orDot(a.hgvsc()) + "\t" + orDot(a.hgvspShort()) + "\t" + (counted ? '1' : '0') + "\t" + lastSource + "\n";
        if (intergenic) {
            intergenicColumns = line.getBytes(StandardCharsets.ISO_8859_1);
        }
        tsv.reserve(line.length());
        tsv.put(line);
    }

    private static String orDot(String s) {
        return s.isEmpty() ? "." : s;
    }

    private static byte[] unannotatedTail(String cls) {
        return tail(".", ".", ".", cls);
    }

    private static byte[] tail(String gene, String hotspot, String group, String cls) {
        return ("\t" + gene + "\t" + hotspot + "\t" + group + "\t" + cls).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * One variants.tsv row (docs/CONTRACTS.md), up to its consequence columns, from the per-sample arrays of {@link #variant};
     * {@code tail} holds the gene, hotspot, group and class columns with their leading tabs; sample {@code shownAnyway}
     * (or -1) is shown present and evaluable though out of the counts.
     */
    private void writeRow(AsciiWriter tsv, String chrom, Call v, byte[] tail, int shownAnyway) throws IOException {
        String ref = v.ref();
        String alt = v.alt();
        tsv.reserve(chrom.length() + ref.length() + alt.length() + tail.length + AsciiWriter.MAX_LONG + 3
                + n * (AsciiWriter.MAX_FRACTION + AsciiWriter.MAX_LONG + 8) + 1);
        tsv.put(chrom);
        tsv.put('\t');
        tsv.putLong(v.pos());
        tsv.put('\t');
        tsv.put(ref);
        tsv.put('\t');
        tsv.put(alt);
        tsv.put(tail);
        for (int i = 0; i < n; i++) {
            tsv.put('\t');
            boolean shown = i == shownAnyway;
            tsv.put(present[i] || shown ? '1' : '0');
            tsv.put('\t');
            if (Double.isNaN(vaf[i])) {
                tsv.put('.');
            } else {
                tsv.putFraction(vaf[i]);
            }
            tsv.put('\t');
            if (depth[i] < 0) {
                tsv.put('.');
            } else {
                tsv.putLong(depth[i]);
            }
            tsv.put('\t');
            tsv.put(evaluable[i] || shown ? '1' : '0');
        }
    }

    static double round(double x, int places) {
        double f = Math.pow(10, places);
        return Math.round(x * f) / f;
    }

    /** A JSON number rounded to 6 places, null for NaN (unknown). */
    static Double num(double x) {
        return Double.isNaN(x) ? null : round(x, 6);
    }

    private double medianVaf(int i) {
        long total = 0;
        for (long c : vafHist[i]) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long lo = (total - 1) / 2;
        long hi = total / 2;
        double loV = Double.NaN;
        double hiV = Double.NaN;
        long seen = 0;
        for (int b = 0; b <= VAF_BINS; b++) {
            long c = vafHist[i][b];
            if (c == 0) {
                continue;
            }
            if (Double.isNaN(loV) && lo < seen + c) {
                loV = b / (double) VAF_BINS;
            }
            if (hi < seen + c) {
                hiV = b / (double) VAF_BINS;
                break;
            }
            seen += c;
        }
        return (loV + hiV) / 2;
    }

    private ConcordanceJson summary(String patient, List<VcfCallReader> readers) {
        List<ConcordanceJson.Sample> ss = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SampleSpec s = samples.get(i);
            VcfCallReader.ReadStats st = readers.get(i).stats();
            ss.add(new ConcordanceJson.Sample(s.label(), s.type().label(), s.vcf().toString(), readers.get(i).tumourSample(),
                    s.regions() == null ? null : s.regions().toString(), s.minVaf(), s.minDepth(), nVariants[i],
                    num(maxVaf[i]), num(medianVaf(i)), st.records, st.alleles, st.filtered, st.belowMinVaf,
                    st.belowMinDepth, st.skippedSymbolic, duplicates[i], null));
        }
        List<ConcordanceJson.Pair> pairs = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                pairs.add(pair(a, b));
            }
        }
        classes.merge(VariantClass.SHARED_ALL, sharedAllCount, Long::sum);
        for (int mask = 1; mask < classCountByMask.length; mask++) {
            if (classCountByMask[mask] > 0) {
                classes.merge(classByMask[mask], classCountByMask[mask], Long::sum);
            }
        }
        classes.merge(VariantClass.NOT_EVALUABLE, notEvaluableCount, Long::sum);
        if (evidenceOverlay != null) {
            evidenceOverlay.classOrder(classes.keySet());
        }
        Map<String, ConcordanceJson.Gene> gs = new LinkedHashMap<>();
        for (var e : geneStatus.entrySet()) {
            Map<String, Boolean> st = new LinkedHashMap<>();
            boolean agree = true;
            for (int i = 0; i < n; i++) {
                st.put(samples.get(i).label(), e.getValue()[i]);
                agree &= e.getValue()[i] == e.getValue()[0];
            }
            gs.put(e.getKey(), new ConcordanceJson.Gene(st, agree, geneVariantCount.get(e.getKey()), geneVariants.get(e.getKey())));
        }
        Map<String, String> rasSt = new LinkedHashMap<>();
        Map<String, List<String>> rasVar = new LinkedHashMap<>();
        Map<String, Boolean> brafSt = new LinkedHashMap<>();
        boolean rasAgree = true;
        boolean brafAgree = true;
        for (int i = 0; i < n; i++) {
            String l = samples.get(i).label();
            rasSt.put(l, ras[i] ? "mutant" : "wild_type");
            rasVar.put(l, rasHits.get(i));
            brafSt.put(l, braf[i]);
            rasAgree &= ras[i] == ras[0];
            brafAgree &= braf[i] == braf[0];
        }
        ConcordanceJson.RasStatus rs = new ConcordanceJson.RasStatus(rasSt, rasAgree, rasVar, brafSt, brafAgree);
        ConcordanceJson.Plasma p = null;
        if (plasma >= 0) {
            boolean signal = detected > 0;
            double[] medians = new double[n];
            for (int i = 0; i < n; i++) {
                medians[i] = medianVaf(i);
            }
            PlasmaEvidence.Summary ev = plasmaEvidence.summary(medians);
            p = new ConcordanceJson.Plasma(samples.get(plasma).label(), num(maxVaf[plasma]), num(maxSharedPlasmaVaf), signal,
                    detected, missed, signal ? missed : 0, signal ? 0 : missed, missedWithEvidence, missedNotEvaluable,
                    ev.tumourFraction(), ev.detection(), bloodOrigin.summary());
        }
        return new ConcordanceJson(patient, VersionProvider.version(), genes.description(), includeFiltered, distinct, ss,
                pairs, classes, gs, rs, p, null, geneRule == null ? null
                : new ConcordanceJson.Consequences(models, declared, !useExisting, fromVcf, computed), null);
    }

    private ConcordanceJson.Pair pair(int a, int b) {
        SampleSpec sa = samples.get(a);
        SampleSpec sb = samples.get(b);
        long sh = shared[a][b];
        long union = sh + onlyA[a][b] + onlyB[a][b];
        ConcordanceJson.Interval sensitivity = null;
        ConcordanceJson.Interval ppv = null;
        boolean tissuePlasma = sa.type().isTissue() != sb.type().isTissue();
        if (tissuePlasma) {
            long onlyTissue = sa.type().isTissue() ? onlyA[a][b] : onlyB[a][b];
            long onlyPlasma = sa.type().isTissue() ? onlyB[a][b] : onlyA[a][b];
            sensitivity = wilson(sh, sh + onlyTissue);
            ppv = wilson(sh, sh + onlyPlasma);
        }
        return new ConcordanceJson.Pair(sa.label(), sb.label(), sa.type().label(), sb.type().label(), nVariants[a],
                nVariants[b], sh, onlyA[a][b], onlyB[a][b], notEvalA[a][b] + notEvalB[a][b], notEvalA[a][b], notEvalB[a][b],
                union == 0 ? null : round(sh / (double) union, 6), sensitivity, ppv);
    }

    /** x / total with its Wilson 95% interval, rounded as every number of the JSON. */
    static ConcordanceJson.Interval wilson(long x, long total) {
        Proportion w = Proportion.wilson((int) x, (int) total);
        return new ConcordanceJson.Interval(num(w.estimate()), num(w.lower()), num(w.upper()), x, total);
    }
}
