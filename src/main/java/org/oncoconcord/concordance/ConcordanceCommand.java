package org.oncoconcord.concordance;

import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.core.SampleType;
import org.oncoconcord.normalize.Normalize;
import org.oncoconcord.normalize.NormalizeRequest;
import org.oncoconcord.io.OutputSet;
import org.oncoconcord.options.Ranges;
import org.oncoconcord.vcf.GenomeBuild;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oncoconcord concordance}: per-patient mutation concordance of primary, metastasis and plasma. */
@Command(name = "concordance", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Allele-level concordance (CHROM, POS, REF, ALT) of one patient's normalized, "
                + "position-sorted VCFs: per pair shared / only / not evaluable, sensitivity and PPV of plasma "
                + "against tissue, per-gene and RAS/BRAF status, low-VAF plasma misses.",
                "Writes DIR/ID.concordance.json and DIR/ID.variants.tsv."})
public final class ConcordanceCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--patient", required = true, description = "Patient id (names the outputs).")
    String patient;

    @Option(names = "--sample", required = true, paramLabel = "LABEL=TYPE:FILE",
            description = "A sample: label, type (primary|metastasis|plasma|normal) and VCF; 2 or more tissue/plasma samples; "
                    + "several plasma are serial draws (--timepoint/--collection-day; docs/PLASMA.md); normal = the white blood cells (buffy coat) of the blood draw, at most one: plasma calls "
                    + "it shares are labelled CH or germline and left out of the tissue/plasma comparison (docs/PLASMA.md).")
    List<String> sampleSpecs;

    @Option(names = "--timepoint", paramLabel = "LABEL=TEXT", description = "Timepoint of a plasma draw (baseline, post-op, "
            + "relapse or other text): the baseline draw is the one compared with tissue; every draw is in serial_plasma.")
    Map<String, String> timepoints = new LinkedHashMap<>();

    @Option(names = "--collection-day", paramLabel = "LABEL=DAYS", converter = {Ranges.Text.class, Ranges.FiniteDouble.class}, description = "Days from surgery of a plasma draw "
            + "(negative before it); without a baseline draw, the earliest is compared with tissue.")
    Map<String, Double> collectionDays = new LinkedHashMap<>();

    @Option(names = "--regions", paramLabel = "LABEL=BED", description = "Regions the sample's assay covers.")
    Map<String, Path> regions = new LinkedHashMap<>();

    @Option(names = "--min-vaf", paramLabel = "LABEL=X", converter = {Ranges.Text.class, Ranges.Fraction.class}, description = "Calls of the sample with VAF below X do not count.")
    Map<String, Double> minVaf = new LinkedHashMap<>();

    @Option(names = "--min-depth", paramLabel = "LABEL=N", converter = {Ranges.Text.class, Ranges.NonNegativeInt.class},
            description = "Calls below depth N do not count, and sites with known depth below N are not evaluable in the sample.")
    Map<String, Integer> minDepth = new LinkedHashMap<>();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Annotation annotation;

    static final class Annotation {
        @Option(names = "--genome", paramLabel = "auto|GRCh37|GRCh38", description = "Use the shipped gene and hotspot table of "
                + "this build; auto (the default): the build the input VCF headers show (##contig lengths, ##reference). "
                + "A build the headers contradict is an error.")
        String genome;

        @Option(names = "--genes", paramLabel = "FILE", description = "Gene/hotspot TSV (docs/CONTRACTS.md) or gene BED replacing the shipped table.")
        Path genes;
    }

    @Option(names = "--fasta", paramLabel = "REF.fa",
            description = "Inputs are raw: normalize each first with 'oncoconcord normalize -f REF.fa -m -' (left-align, split, "
                    + "standard AD/DP/AF) into a temporary folder under DIR.")
    Path fasta;

    @Option(names = "--gene-status", paramLabel = "all|coding|protein-altering|hotspot", defaultValue = "protein-altering",
            description = "Which variants make a gene mutated (with --genome: by the consequence on its MANE Select transcript; "
                    + "RAS and BRAF V600E from the protein change). Default: ${DEFAULT-VALUE}. With --genes: any overlap.")
    String geneStatus;

    @Option(names = "--gtf", paramLabel = "FILE", description = "Transcript models (Ensembl/GENCODE GTF) replacing the shipped "
            + "MANE Select models for gene status and the consequence columns, one transcript per gene as annotate --gtf; "
            + "needs --reference or --fasta for the codons (docs/ANNOTATE.md).")
    Path gtf;

    @Option(names = "--gff3", paramLabel = "FILE", description = "As --gtf for a GFF3 file (Ensembl, GENCODE or RefSeq; plain or gzipped).")
    Path gff3;

    @Option(names = "--reference", paramLabel = "REF.fa", description = "Reference FASTA (with .fai) the codons of --gtf/--gff3 "
            + "models are read from, for inputs that are already normalized (--fasta also normalizes them).")
    Path reference;

    @Option(names = "--reannotate", description = "Annotate every variant with our engine even when its VCF carries VEP CSQ, "
            + "SnpEff ANN or Funcotator FUNCOTATION (default: those are read, the canonical/MANE transcript entry per gene; docs/ANNOTATE.md).")
    boolean reannotate;

    @Option(names = "--no-cds-check", description = "With --gtf/--gff3: go on even when fewer than half of their coding "
            + "sequences spliced from the reference are open reading frames (ATG ... stop), a sign of models of another build.")
    boolean noCdsCheck;

    @Option(names = "--include-filtered", description = "Count records whatever their FILTER (default: only PASS or '.').")
    boolean includeFiltered;

    @Option(names = "--plasma-min-alt", paramLabel = "N", converter = Ranges.PositiveInt.class, defaultValue = "" + ConcordanceEngine.PLASMA_MIN_ALT,
            description = "Alt reads the plasma assay needs to call a variant: a tissue variant missed in plasma is "
                    + "informative when P(alt >= N | depth, tumour fraction) >= 0.95 (docs/PLASMA.md). Default: ${DEFAULT-VALUE}.")
    int plasmaMinAlt;

    @Option(names = "--ch-genes", split = ",", paramLabel = "GENE,...",
            description = "Without a normal (WBC) sample, plasma-only calls in these genes are possible clonal haematopoiesis "
                    + "(TP53 is handled by --ch-tp53-max-vaf). Default: DNMT3A,TET2,ASXL1,PPM1D,JAK2,SF3B1,SRSF2,U2AF1,CBL,GNB1.")
    List<String> chGenes = new ArrayList<>(ChRules.DEFAULT_GENES);

    @Option(names = "--possible-ch", paramLabel = "count|exclude", defaultValue = "exclude",
            converter = PossibleChConverter.class,
            description = "Whether possible-CH plasma calls (gene-list rule, no WBC sample) count in the tissue/plasma "
                    + "comparison. Default: ${DEFAULT-VALUE}.")
    PossibleCh possibleCh;

    @Option(names = "--ch-tp53-max-vaf", paramLabel = "X", defaultValue = "" + ChRules.TP53_MAX_VAF,
            converter = org.oncoconcord.options.Ranges.Fraction.class,
            description = "Without a WBC sample, a plasma-only TP53 call is possible CH only below this plasma VAF. "
                    + "Default: ${DEFAULT-VALUE}.")
    double chTp53MaxVaf;

    @Option(names = "--germline-min-wbc-vaf", paramLabel = "X", defaultValue = "" + ChRules.GERMLINE_MIN_WBC_VAF,
            converter = org.oncoconcord.options.Ranges.Fraction.class,
            description = "A plasma call shared with the WBC sample is germline at or above this WBC VAF, else CH. "
                    + "Default: ${DEFAULT-VALUE}.")
    double germlineMinWbcVaf;

    /** {@code count|exclude}, any case. */
    static final class PossibleChConverter implements CommandLine.ITypeConverter<PossibleCh> {
        @Override
        public PossibleCh convert(String value) {
            for (PossibleCh p : PossibleCh.values()) {
                if (p.label().equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not count or exclude");
        }
    }

    @Option(names = "--evidence", paramLabel = "FILE", description = "Read-level evidence: the output of 'oncoconcord pileup "
            + "--ignore-genotypes' over the union of the patient's normalized sites (sample = the --sample label). A variant a sample's "
            + "VCF lacks but its reads show below the call threshold counts as present there; absent with enough reads is evaluable, "
            + "too few reads not evaluable. Also writes DIR/ID.variants.evidence.tsv (docs/PILEUP.md).")
    Path evidence;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    /** The build in use once the inputs are read: stated by --genome or detected from the headers. */
    private GenomeBuild resolvedBuild;

    @Override
    public Integer call() throws IOException {
        if (!patient.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw usage("--patient '" + patient + "' must match [A-Za-z0-9][A-Za-z0-9._-]*");
        }
        List<SampleSpec> samples = samples();
        if (gtf != null && gff3 != null) {
            throw usage("--gtf and --gff3 are alternatives: give one");
        }
        if ((gtf != null || gff3 != null) && reference == null && fasta == null) {
            throw usage((gtf != null ? "--gtf" : "--gff3") + " needs --reference (or --fasta): a GTF/GFF3 has no sequence; codons come from the FASTA");
        }
        if (reference != null && gtf == null && gff3 == null) {
            throw usage("--reference is only used with --gtf or --gff3");
        }
        for (Path p : new Path[] {gtf, gff3, reference}) {
            if (p != null) {
                requireFile(p, p == gtf ? "--gtf" : p == gff3 ? "--gff3" : "--reference");
            }
        }
        GeneTable genes = null;
        String genome = annotation == null || annotation.genome == null ? "auto" : annotation.genome;
        if (!genome.equalsIgnoreCase("auto") && GenomeBuild.parse(genome).isEmpty()) {
            throw usage("--genome '" + genome + "' is not auto, GRCh37 or GRCh38");
        }
        if (annotation != null && annotation.genes != null) {
            requireFile(annotation.genes, "--genes");
            genes = GeneTable.read(annotation.genes);
        }
        Path json = out.resolve(patient + ".concordance.json");
        Path tsv = out.resolve(patient + ".variants.tsv");
        Path evidenceTsv = out.resolve(patient + ".variants.evidence.tsv");
        if (evidence != null) {
            requireFile(evidence, "--evidence");
        }
        Path serialTsv = out.resolve(patient + ".serial_plasma.tsv");
        List<PlasmaDraw> draws = draws(samples);
        OutputSet set = new OutputSet().addAll(json, tsv);
        if (evidence != null) {
            set.addAll(evidenceTsv);
        }
        if (SerialPlasma.isSerial(draws)) {
            set.addAll(serialTsv);
        }
        try (OutputSet outputs = set) { // all files or none
            Path normDir = null;
            List<SampleSpec> given = samples;
            try {
                if (fasta != null) {
                    requireFile(fasta, "--fasta");
                    normDir = Files.createTempDirectory(out.toAbsolutePath(), "." + patient + ".normalized.");
                    samples = normalizeAll(samples, normDir);
                }
                Map<String, Path> vcfs = new LinkedHashMap<>();
                samples.forEach(sp -> vcfs.put("sample " + sp.label(), sp.vcf()));
                GenomeBuild build;
                try {
                    build = GenomeBuild.forInputs(genome, vcfs, genes == null);
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage());
                }
                resolvedBuild = build;
                run(samples, given, draws, genes != null ? genes : GeneTable.shipped(build.name()), outputs, json, tsv,
                        evidenceTsv, serialTsv);
            } finally {
                if (normDir != null) {
                    try (var files = Files.list(normDir)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(normDir);
                }
            }
            outputs.commitOrFail();
        }
        return 0;
    }

    /**
     * The consequence-based gene status: on the --gtf/--gff3 models when given, else on the shipped
     * models of the build in use; null with --genes and no models (any overlap counts).
     */
    private org.oncoconcord.annotate.GeneStatusRule geneRule() {
        org.oncoconcord.annotate.GeneStatus mode = org.oncoconcord.annotate.GeneStatus.parse(geneStatus);
        if (mode == null) {
            throw usage("--gene-status '" + geneStatus + "' is not all, coding, protein-altering or hotspot");
        }
        if (models == null) {
            models = models();
        }
        return models == null ? null : new org.oncoconcord.annotate.GeneStatusRule(new org.oncoconcord.annotate.Annotator(models), mode);
    }

    /** The transcript models gene status uses (read once), or null for overlap. */
    private org.oncoconcord.annotate.TranscriptSet models;

    private org.oncoconcord.annotate.TranscriptSet models() {
        if (gtf != null || gff3 != null) {
            return org.oncoconcord.annotate.CsqAnnotator.models(resolvedBuild, reference != null ? reference : fasta, gtf, gff3,
                    !noCdsCheck);
        }
        if ((annotation != null && annotation.genes != null) || resolvedBuild == null || resolvedBuild == GenomeBuild.UNKNOWN) {
            return null; // a custom gene table: any overlap counts
        }
        return org.oncoconcord.annotate.TranscriptSet.shipped(resolvedBuild);
    }

    /** The transcript models of the gene rule, as concordance.json names them. */
    private String modelsDescription() {
        if (gtf != null || gff3 != null) {
            return models == null ? null : models.source();
        }
        return resolvedBuild == null ? null : "shipped MANE Select " + resolvedBuild.name();
    }

    /** Normalizes every input as {@code oncoconcord normalize -f FASTA -m -} does ({@link Normalize}); the normalized copies live in {@code dir}. */
    private List<SampleSpec> normalizeAll(List<SampleSpec> samples, Path dir) {
        List<SampleSpec> out = new ArrayList<>();
        for (SampleSpec s : samples) {
            Path norm = dir.resolve(s.label() + ".vcf.gz");
            try {
                Normalize.run(new NormalizeRequest(fasta, s.vcf(), norm, false, null));
            } catch (UserException e) {
                throw new UserException("--fasta: normalizing sample " + s.label() + " (" + s.vcf() + ") failed: " + e.getMessage(), e);
            }
            out.add(new SampleSpec(s.label(), s.type(), norm, s.regions(), s.minVaf(), s.minDepth()));
        }
        return out;
    }

    private void run(List<SampleSpec> samples, List<SampleSpec> given, List<PlasmaDraw> draws, GeneTable genes, OutputSet outputs,
                     Path json, Path tsv, Path evidenceTsv, Path serialTsv) throws IOException {
        List<SampleSpec> plasmas = samples.stream().filter(sp -> sp.type() == SampleType.PLASMA).toList();
        PlasmaDraw.Chosen chosen = plasmas.isEmpty() ? null : PlasmaDraw.choose(draws);
        SampleSpec comparisonPlasma = chosen == null ? null : plasmas.get(chosen.index());
        SampleSpec wbc = samples.stream().filter(sp -> sp.type() == SampleType.NORMAL).findFirst().orElse(null);
        List<Integer> comparedIndex = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            SampleSpec sp = samples.get(i);
            if (sp.type() != SampleType.NORMAL && (sp.type() != SampleType.PLASMA || sp == comparisonPlasma)) {
                comparedIndex.add(i);
            }
        }
        List<SampleSpec> compared = comparedIndex.stream().map(samples::get).toList();
        ConcordanceJson summary;
        EvidenceOverlay overlay = evidence == null ? null : EvidenceOverlay.read(evidence, compared.stream().map(SampleSpec::label).toList(),
                plasmas.stream().filter(sp -> sp != comparisonPlasma).map(SampleSpec::label).collect(java.util.stream.Collectors.toSet()));
        try (AsciiWriter w = new AsciiWriter(Files.newOutputStream(outputs.temp(tsv)));
             EvidenceOverlay ov = overlay) {
            if (ov != null) {
                ov.writeTo(Files.newBufferedWriter(outputs.temp(evidenceTsv)));
            }
            summary = engine(compared, genes, wbc).withEvidence(ov).run(patient, w, common.quiet());
        } catch (IOException e) { // reading errors are UncheckedIOException/UserException: this is the TSV
            throw OutputSet.cannotWrite(tsv, e);
        }
        if (fasta != null) {
            List<ConcordanceJson.Sample> ss = new ArrayList<>();
            for (int i = 0; i < summary.samples().size(); i++) {
                ss.add(summary.samples().get(i).normalized(given.get(comparedIndex.get(i)).vcf().toString(), fasta.toString()));
            }
            summary = summary.withSamples(ss);
        }
        if (overlay != null) {
            summary = summary.withEvidence(overlay.summary());
        }
        if (SerialPlasma.isSerial(draws)) {
            summary = summary.withSerialPlasma(serial(samples, draws, chosen, summary, genes, wbc, outputs.temp(tsv),
                    outputs.temp(serialTsv)));
        }
        ConcordanceJson written = summary;
        outputs.write(json, tmp -> ContractJson.write(tmp, written));
    }

    /** The engine with this command's settings, on {@code compared} (tissue and at most one plasma) and the WBC sample. */
    private ConcordanceEngine engine(List<SampleSpec> compared, GeneTable genes, SampleSpec wbc) {
        org.oncoconcord.annotate.GeneStatusRule rule = geneRule();
        return new ConcordanceEngine(compared, includeFiltered, genes).withGeneStatus(rule)
                .withConsequenceSource(modelsDescription(), !reannotate).withPlasmaMinAlt(plasmaMinAlt)
                .withBloodOrigin(new ChRules(chGenes, possibleCh, chTp53MaxVaf, germlineMinWbcVaf), wbc);
    }

    /**
     * Every plasma draw against the tissue: the comparison draw's result is the main run's; each other
     * draw gets its own run (tissue + that draw + WBC) into a temporary variants table, whose rows go
     * to {@code serialTmp} and which is then deleted.
     */
    private ConcordanceJson.SerialPlasma serial(List<SampleSpec> samples, List<PlasmaDraw> draws, PlasmaDraw.Chosen chosen,
                                                ConcordanceJson main, GeneTable genes, SampleSpec wbc, Path mainTsv, Path serialTmp)
            throws IOException {
        List<SampleSpec> tissue = samples.stream().filter(sp -> sp.type().isTissue()).toList();
        List<SampleSpec> plasmas = samples.stream().filter(sp -> sp.type() == SampleType.PLASMA).toList();
        List<ConcordanceJson.PlasmaDrawResult> results = new ArrayList<>();
        try (var rows = Files.newBufferedWriter(serialTmp, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            rows.write(SerialPlasma.HEADER);
            rows.write('\n');
            for (int i = 0; i < plasmas.size(); i++) {
                PlasmaDraw draw = draws.get(i);
                if (i == chosen.index()) {
                    results.add(SerialPlasma.result(draw, true, main));
                    SerialPlasma.appendRows(mainTsv, draw, rows);
                    continue;
                }
                List<SampleSpec> compared = new ArrayList<>(tissue);
                compared.add(plasmas.get(i));
                Path tmp = Files.createTempFile(out.toAbsolutePath(), "." + patient + ".serial.", ".tsv");
                try {
                    ConcordanceJson run;
                    try (AsciiWriter w = new AsciiWriter(Files.newOutputStream(tmp))) {
                        run = engine(compared, genes, wbc).run(patient, w, true);
                    }
                    results.add(SerialPlasma.result(draw, false, run));
                    SerialPlasma.appendRows(tmp, draw, rows);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
        return new ConcordanceJson.SerialPlasma(plasmas.get(chosen.index()).label(), chosen.rule().label(), results);
    }

    /** The plasma samples' draws (timepoint, collection day), in the order given. */
    private List<PlasmaDraw> draws(List<SampleSpec> samples) {
        return samples.stream().filter(sp -> sp.type() == SampleType.PLASMA)
                .map(sp -> new PlasmaDraw(sp.label(), timepoints.get(sp.label()), collectionDays.get(sp.label()))).toList();
    }

    private List<SampleSpec> samples() {
        List<SampleSpec> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        int normals = 0;
        for (String s : sampleSpecs) {
            SampleSpec sp;
            try {
                sp = SampleSpec.parse(s);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            if (!labels.add(sp.label())) {
                throw usage("--sample label '" + sp.label() + "' is given twice");
            }
            requireFile(sp.vcf(), "--sample " + sp.label());
            if (regions.containsKey(sp.label())) {
                requireFile(regions.get(sp.label()), "--regions " + sp.label());
                sp = sp.withRegions(regions.get(sp.label()));
            }
            if (minVaf.containsKey(sp.label())) {
                sp = sp.withMinVaf(minVaf.get(sp.label()));
            }
            if (minDepth.containsKey(sp.label())) {
                sp = sp.withMinDepth(minDepth.get(sp.label()));
            }
            normals += sp.type() == SampleType.NORMAL ? 1 : 0;
            out.add(sp);
        }
        if (out.size() - normals < 2) {
            throw usage("give at least two tissue/plasma --sample (a normal sample is not compared)");
        }
        if (normals > 1) {
            throw usage("at most one normal (white blood cell) --sample per patient (got " + normals + ")");
        }
        for (Map<String, ?> m : List.of(timepoints, collectionDays)) {
            for (String l : m.keySet()) {
                if (out.stream().noneMatch(sp -> sp.label().equals(l) && sp.type() == SampleType.PLASMA)) {
                    throw usage("--timepoint/--collection-day name label '" + l + "', which is not a plasma --sample");
                }
            }
        }
        for (var e : timepoints.entrySet()) {
            if (!e.getValue().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw usage("--timepoint " + e.getKey() + "='" + e.getValue() + "' must match [A-Za-z0-9][A-Za-z0-9._-]*");
            }
        }
        for (var e : collectionDays.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw usage("--collection-day " + e.getKey() + "=" + e.getValue() + " is not a finite number of days");
            }
        }
        if (out.stream().noneMatch(sp -> sp.type().isTissue()) && draws(out).size() > 1) {
            throw usage("serial plasma draws are each compared with tissue: give a primary or metastasis --sample");
        }
        String conflict = PlasmaDraw.conflict(draws(out));
        if (conflict != null) {
            throw usage(conflict);
        }
        for (Map<String, ?> m : List.of(regions, minVaf, minDepth)) {
            for (String l : m.keySet()) {
                if (!labels.contains(l)) {
                    throw usage("option names label '" + l + "', which no --sample has");
                }
            }
        }
        return out;
    }

    private static void requireFile(Path p, String what) {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UserException(what + ": file " + p + " does not exist or is not readable");
        }
    }

    private CommandLine.ParameterException usage(String msg) {
        return new CommandLine.ParameterException(spec.commandLine(), msg);
    }
}
