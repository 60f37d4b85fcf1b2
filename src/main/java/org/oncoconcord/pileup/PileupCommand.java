package org.oncoconcord.pileup;

import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.io.OutputSet;
import org.oncoconcord.options.Ranges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oncoconcord pileup}: REF/ALT read counts, depth and strand counts of every site in every
 * BAM/CRAM, with Mutect2-like read filters, and the evidence state of each variant per sample.
 */
@Command(name = "pileup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Count reads supporting REF and ALT at every site in every BAM/CRAM (one pass per file):",
                "duplicates, secondary, supplementary, unmapped and QC-fail reads excluded, MAPQ and base quality",
                "thresholds, overlapping mates counted once. Writes one row per site and sample with its evidence state",
                "(CALLED, BELOW_CALL_THRESHOLD, ABSENT, NOT_ASSESSABLE). See docs/PILEUP.md."})
public final class PileupCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--sites", required = true, description = "Sites: normalized VCF (genotypes mark CALLED samples) or TSV "
            + "contig,pos,ref,alt; repeatable: the union of the files (symbolic ALTs of their VCFs skipped).")
    List<Path> sites = new ArrayList<>();

    @Option(names = "--ignore-genotypes", description = "Every state comes from the reads alone; reads showing the ALT are "
            + "CALLED where the sample's VCF has an unfiltered call, else BELOW_CALL_THRESHOLD (the input of 'concordance --evidence').")
    boolean ignoreGenotypes;

    @Option(names = "--bam", required = true, description = "BAM or CRAM with index (repeatable); sample = its @RG SM.")
    List<Path> bams = new ArrayList<>();

    @Option(names = "--fasta", description = "Reference FASTA (+ .fai): needed for CRAM; site REF alleles are checked against it.")
    Path fasta;

    @Option(names = {"-o", "--out"}, required = true, description = "Output counts TSV.")
    Path out;

    @Option(names = "--label", paramLabel = "SM=LABEL", description = "Name the sample whose @RG SM is SM as LABEL in the "
            + "output and when matching the sites' called samples (e.g. the samplesheet's sample id; repeatable).")
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();

    @Option(names = "--min-mapq", defaultValue = "20", converter = Ranges.NonNegativeInt.class, description = "Minimum mapping quality (default ${DEFAULT-VALUE}).")
    int minMapq;

    @Option(names = "--min-baseq", defaultValue = "20", converter = Ranges.NonNegativeInt.class, description = "Minimum base quality at the site (default ${DEFAULT-VALUE}).")
    int minBaseq;

    @Option(names = "--min-alt-reads", defaultValue = "2", converter = Ranges.PositiveInt.class, description = "k: ALT reads needed for BELOW_CALL_THRESHOLD (default ${DEFAULT-VALUE}).")
    int minAltReads;

    @Option(names = "--min-depth", defaultValue = "10", converter = Ranges.PositiveInt.class, description = "Depth needed to call a variant ABSENT (default ${DEFAULT-VALUE}).")
    int minDepth;

    @Option(names = "--alpha", defaultValue = "0.01", converter = Ranges.OpenFraction.class, description = "Binomial test level against the site error rate (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-error-rate", defaultValue = "0.001", converter = Ranges.OpenFraction.class, description = "Floor of the per-site error rate (default ${DEFAULT-VALUE}).")
    double minErrorRate;

    static final String HEADER = "contig\tpos\tref\talt\tsample\tdepth\tref_count\talt_count\tother_count"
            + "\tref_fwd\tref_rev\talt_fwd\talt_rev\tvaf\terror_rate\tp_value\tstate";

    @Override
    public Integer call() throws IOException {
        // the output is registered first (an unwritable -o is found before the BAMs are read) and written all or none
        try (OutputSet outputs = new OutputSet().addAll(out)) {
            count(outputs);
            outputs.commitOrFail();
        }
        return 0;
    }

    private void count(OutputSet outputs) throws IOException {
        List<Site> siteList = sites.size() == 1 && !ignoreGenotypes ? SiteReader.read(sites.get(0))
                : SiteReader.readUnion(sites, ignoreGenotypes, note -> System.err.println("pileup: warning: " + note));
        if (fasta != null) {
            checkReference(siteList);
        }
        ReadFilters filters = new ReadFilters(minMapq, minBaseq);
        BamPileup pileup = new BamPileup(siteList, filters);
        List<String> samples = new ArrayList<>();
        List<String> readGroupSamples = new ArrayList<>();
        List<AlleleCounts[]> counts = new ArrayList<>();
        List<SAMSequenceDictionary> dicts = new ArrayList<>();
        for (Path bam : bams) {
            try (SamReader reader = open(bam)) {
                String sample = labels.getOrDefault(sampleName(bam, reader), sampleName(bam, reader));
                if (samples.contains(sample)) {
                    throw new UserException("--bam " + bam + ": sample " + sample + " (@RG SM) is given twice");
                }
                AlleleCounts[] c = new AlleleCounts[siteList.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = new AlleleCounts();
                }
                pileup.count(reader, c);
                samples.add(sample);
                readGroupSamples.add(sampleName(bam, reader));
                counts.add(c);
                dicts.add(reader.getFileHeader().getSequenceDictionary());
                if (!common.quiet()) {
                    System.err.println("pileup: " + bam + " (" + sample + ") done");
                }
            } catch (htsjdk.samtools.SAMException e) {
                throw new UserException("--bam " + bam + ": cannot read: " + e.getMessage(), e);
            }
        }
        EvidenceState.Rule rule = new EvidenceState.Rule(minAltReads, minDepth, alpha, minErrorRate);
        outputs.write(out, tmp -> write(tmp, siteList, samples, readGroupSamples, counts, dicts, rule));
    }

    private SamReader open(Path bam) {
        if (!Files.isRegularFile(bam)) {
            throw new UserException("--bam " + bam + ": not found");
        }
        boolean cram = bam.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cram");
        if (cram && fasta == null) {
            throw new UserException("--bam " + bam + ": a CRAM needs --fasta (the reference it was compressed against)");
        }
        SamReaderFactory f = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT);
        if (fasta != null) {
            f = f.referenceSequence(fasta);
        }
        return f.open(bam);
    }

    static String sampleName(Path bam, SamReader reader) {
        TreeSet<String> names = new TreeSet<>();
        for (SAMReadGroupRecord rg : reader.getFileHeader().getReadGroups()) {
            if (rg.getSample() != null) {
                names.add(rg.getSample());
            }
        }
        if (names.size() > 1) {
            throw new UserException("--bam " + bam + ": read groups name several samples " + names + "; give one sample per file");
        }
        if (names.isEmpty()) {
            String n = bam.getFileName().toString();
            return n.replaceFirst("\\.(bam|cram|sam)$", "");
        }
        return names.first();
    }

    private void checkReference(List<Site> siteList) {
        try (ReferenceSequenceFile ref = ReferenceSequenceFileFactory.getReferenceSequenceFile(fasta)) {
            if (!ref.isIndexed()) {
                throw new UserException("--fasta " + fasta + ": needs an index (.fai); run samtools faidx");
            }
            SAMSequenceDictionary dict = ref.getSequenceDictionary();
            for (Site s : siteList) {
                if (dict != null && dict.getSequence(s.contig()) == null) {
                    continue;
                }
                String bases = new String(ref.getSubsequenceAt(s.contig(), s.pos(), s.pos() + s.ref().length() - 1).getBases())
                        .toUpperCase(Locale.ROOT);
                if (!bases.equals(s.ref())) {
                    throw new UserException("sites file " + String.join(", ", sites.stream().map(Path::toString).toList()) + ": " + s.contig() + ":" + s.pos() + " REF " + s.ref()
                            + " differs from --fasta " + fasta + " (" + bases + "): wrong reference build?");
                }
            }
        } catch (IOException e) {
            throw new UserException("--fasta " + fasta + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void write(Path tmp, List<Site> siteList, List<String> samples, List<String> readGroupSamples, List<AlleleCounts[]> counts,
                       List<SAMSequenceDictionary> dicts, EvidenceState.Rule rule) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            w.write(HEADER);
            w.write('\n');
            for (Site s : siteList) {
                long other = 0;
                long depth = 0;
                for (AlleleCounts[] c : counts) {
                    other += c[s.index()].other();
                    depth += c[s.index()].depth();
                }
                double error = Math.max(rule.minErrorRate(), depth == 0 ? 0 : other / (2.0 * depth));
                for (int k = 0; k < samples.size(); k++) {
                    AlleleCounts c = counts.get(k)[s.index()];
                    boolean assessable = s.kind() != Site.Kind.COMPLEX && dicts.get(k).getSequence(s.contig()) != null;
                    // reads-only states: the sites' sample names are the label (variants.tsv) or the @RG SM (a normalized VCF's tumour column)
                    boolean called = s.calledIn().contains(samples.get(k))
                            || ignoreGenotypes && s.calledIn().contains(readGroupSamples.get(k));
                    EvidenceState state = ignoreGenotypes ? EvidenceState.fromReads(called, assessable, c, error, rule)
                            : EvidenceState.of(called, assessable, c, error, rule);
                    double p = EvidenceState.pValue(c.alt(), c.depth(), error);
                    w.write(String.join("\t", s.contig(), Integer.toString(s.pos()), s.ref(), s.alt(), samples.get(k),
                            Integer.toString(c.depth()), Integer.toString(c.ref()), Integer.toString(c.alt()),
                            Integer.toString(c.other()), Integer.toString(c.refForward()), Integer.toString(c.refReverse()),
                            Integer.toString(c.altForward()), Integer.toString(c.altReverse()),
                            c.depth() == 0 ? "NA" : String.format(Locale.ROOT, "%.4f", (double) c.alt() / c.depth()),
                            String.format(Locale.ROOT, "%.5g", error), String.format(Locale.ROOT, "%.4g", p), state.name()));
                    w.write('\n');
                }
            }
        }
    }
}
