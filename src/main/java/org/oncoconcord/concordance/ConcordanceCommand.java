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
            description = "A sample: label, type (primary|metastasis|plasma|normal) and VCF; 2 or more tissue/plasma samples, "
                    + "at most one plasma; normal = the white blood cells (buffy coat) of the blood draw, at most one: plasma calls "
                    + "it shares are labelled CH or germline and left out of the tissue/plasma comparison (docs/PLASMA.md).")
    List<String> sampleSpecs;

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
        try (OutputSet outputs = new OutputSet().addAll(json, tsv)) { // both files or none
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
                run(samples, given, genes != null ? genes : GeneTable.shipped(build.name()), outputs, json, tsv);
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
        String build = resolvedBuild == null || resolvedBuild == GenomeBuild.UNKNOWN ? "given" : resolvedBuild.name();
        if (gtf != null || gff3 != null) {
            Path codons = reference != null ? reference : fasta;
            org.oncoconcord.annotate.TranscriptSet read = gtf != null ? org.oncoconcord.annotate.GtfReader.read(gtf)
                    : org.oncoconcord.annotate.Gff3Reader.read(gff3);
            try (org.oncoconcord.annotate.ReferenceBases ref = new org.oncoconcord.annotate.ReferenceBases(codons)) {
                return read.withReference(ref, build);
            } catch (IOException e) {
                throw new UserException(codons + ": cannot read: " + e.getMessage(), e);
            }
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
                Normalize.splitAndLeftAlign(fasta, s.vcf(), norm, false);
            } catch (UserException e) {
                throw new UserException("--fasta: normalizing sample " + s.label() + " (" + s.vcf() + ") failed: " + e.getMessage(), e);
            }
            out.add(new SampleSpec(s.label(), s.type(), norm, s.regions(), s.minVaf(), s.minDepth()));
        }
        return out;
    }

    private void run(List<SampleSpec> samples, List<SampleSpec> given, GeneTable genes, OutputSet outputs, Path json, Path tsv)
            throws IOException {
        ConcordanceJson summary;
        try (AsciiWriter w = new AsciiWriter(Files.newOutputStream(outputs.temp(tsv)))) {
            List<SampleSpec> compared = samples.stream().filter(sp -> sp.type() != SampleType.NORMAL).toList();
            SampleSpec wbc = samples.stream().filter(sp -> sp.type() == SampleType.NORMAL).findFirst().orElse(null);
            summary = new ConcordanceEngine(compared, includeFiltered, genes).withGeneStatus(geneRule())
                    .withConsequenceSource(modelsDescription(), !reannotate).withPlasmaMinAlt(plasmaMinAlt)
                    .withBloodOrigin(new ChRules(chGenes, possibleCh, chTp53MaxVaf, germlineMinWbcVaf), wbc)
                    .run(patient, w, common.quiet());
        } catch (IOException e) { // reading errors are UncheckedIOException/UserException: this is the TSV
            throw OutputSet.cannotWrite(tsv, e);
        }
        if (fasta != null) {
            List<SampleSpec> givenCompared = given.stream().filter(sp -> sp.type() != SampleType.NORMAL).toList();
            List<ConcordanceJson.Sample> ss = new ArrayList<>();
            for (int i = 0; i < summary.samples().size(); i++) {
                ss.add(summary.samples().get(i).normalized(givenCompared.get(i).vcf().toString(), fasta.toString()));
            }
            summary = summary.withSamples(ss);
        }
        ConcordanceJson written = summary;
        outputs.write(json, tmp -> ContractJson.write(tmp, written));
    }

    private List<SampleSpec> samples() {
        List<SampleSpec> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        int plasma = 0;
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
            plasma += sp.type() == SampleType.PLASMA ? 1 : 0;
            normals += sp.type() == SampleType.NORMAL ? 1 : 0;
            out.add(sp);
        }
        if (out.size() - normals < 2) {
            throw usage("give at least two tissue/plasma --sample (a normal sample is not compared)");
        }
        if (normals > 1) {
            throw usage("at most one normal (white blood cell) --sample per patient (got " + normals + ")");
        }
        if (plasma > 1) {
            throw usage("at most one plasma --sample per patient (got " + plasma + ")");
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
