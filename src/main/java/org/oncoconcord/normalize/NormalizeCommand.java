package org.oncoconcord.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.io.DistinctPaths;
import org.oncoconcord.io.OutputSet;
import org.oncoconcord.options.Ranges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oncoconcord normalize}: bcftools-norm-compatible normalization plus somatic standardisation. */
@Command(name = "normalize", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Left-align and normalize indels, check/fix REF, split or join multiallelics, remove duplicates",
            "(bcftools norm options), and standardise somatic callers' depths to FORMAT/AD, DP, AF of the tumour sample."})
public final class NormalizeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = {"-f", "--fasta-ref"}, paramLabel = "FASTA", description = "Reference sequence (.fai built if missing).")
    Path fasta;

    @Option(names = {"-c", "--check-ref"}, paramLabel = "e|w|x|s", defaultValue = "e",
            description = "On REF mismatch: exit (e), warn (w), exclude (x), set/fix (s) [e]; letters combine, e.g. wx.")
    String checkRef;

    @Option(names = {"-m", "--multiallelics"}, paramLabel = "-|+[TYPE]", preprocessor = TakeNextArgument.class,
            description = "Split (-) or join (+) multiallelics; TYPE snps|indels|both|any [both].")
    String multiallelics;

    @Option(names = "--force", description = "With -m-, drop fields whose value count does not fit their Number.")
    boolean force;

    @Option(names = "--keep-sum", paramLabel = "TAG", description = "With -m-, keep the sum of TAG (AD) in the REF value.")
    String keepSum;

    @Option(names = {"-d", "--rm-dup"}, paramLabel = "TYPE", description = "Remove duplicates: snps|indels|both|all|exact|none|any.")
    String rmDup;

    @Option(names = {"-a", "--atomize"}, description = "Decompose complex variants (MNPs become consecutive SNVs), as bcftools norm -a.")
    boolean atomize;

    @Option(names = "--atom-overlaps", paramLabel = ".|*", defaultValue = "*",
            description = "With --atomize, overlapping alleles as the star allele (*) or missing (.) [*].")
    String atomOverlaps;

    @Option(names = "--old-rec-tag", paramLabel = "TAG", description = "Annotate modified records with INFO/TAG = the original.")
    String oldRecTag;

    @Option(names = {"-N", "--do-not-normalize"}, description = "Do not left-align/trim (with -m or -c s).")
    boolean doNotNormalize;

    @Option(names = {"-s", "--strict-filter"}, description = "With -m+, merged site's FILTER as bcftools -s.")
    boolean strictFilter;

    @Option(names = {"-w", "--site-win"}, defaultValue = "1000", paramLabel = "INT", converter = Ranges.PositiveInt.class,
            description = "Window for re-sorting records moved by realignment [1000].")
    int siteWin;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output .vcf or .vcf.gz (+ .tbi) [stdout].")
    Path output;

    @Option(names = "--tumor-sample", paramLabel = "NAME", description = "Tumour sample (default ##tumor_sample=, a TUMOR column, or the caller's convention).")
    String tumorSample;

    @Option(names = "--no-standardize", description = "Do not write standard AD/DP/AF.")
    boolean noStandardize;

    @Option(names = "--pass-only", description = "Keep only FILTER PASS or '.' records.")
    boolean passOnly;

    @Option(names = "--min-depth", paramLabel = "N", converter = Ranges.NonNegativeInt.class,
            description = "Reject records with tumour DP < N (N >= 0).")
    Integer minDepth;

    @Option(names = "--min-vaf", paramLabel = "X", converter = Ranges.Fraction.class,
            description = "Reject records with tumour AF < X (0 <= X <= 1).")
    Double minVaf;

    @Option(names = "--rejects", paramLabel = "FILE.tsv", description = "Write every record not written, with its reason.")
    Path rejects;

    @Option(names = "--stats", paramLabel = "FILE.json", description = "Write counts as JSON.")
    Path stats;

    @picocli.CommandLine.ArgGroup(exclusive = true)
    BadRecords badRecords;

    @Option(names = "--annotate", description = "Add the consequence of every allele as INFO/CSQ (the engine of `oncoconcord"
            + " annotate`) to the records as they are written; the build from --genome, else -f's contig lengths or the VCF header; codons from -f when given.")
    boolean annotate;

    @Option(names = "--genome", paramLabel = "GRCh37|GRCh38", description = "With --annotate: the build (selects the shipped transcript models).")
    org.oncoconcord.vcf.GenomeBuild genome;

    @Option(names = "--gtf", paramLabel = "FILE", description = "With --annotate: Ensembl/GENCODE GTF replacing the shipped models (needs -f).")
    Path gtf;

    @Option(names = "--gff3", paramLabel = "FILE", description = "With --annotate: GFF3 (plain or .gz) replacing the shipped models (needs -f).")
    Path gff3;

    @Option(names = "--no-cds-check", description = "With --gtf/--gff3: annotate even when fewer than half of their coding "
            + "sequences spliced from -f are open reading frames (ATG ... stop), a sign of models of another build.")
    boolean noCdsCheck;

    /** What a malformed record does: stop the run (--strict, the default) or go to the rejects (--lenient). */
    static final class BadRecords {
        @Option(names = "--strict", description = "A malformed record (bad allele, non-numeric value, too few columns, POS"
                + " beyond the contig) stops the run with exit 1 [default].")
        boolean strict;

        @Option(names = "--lenient", description = "A malformed record goes to --rejects with its reason and the run goes"
                + " on (counted in --stats by reason).")
        boolean lenient;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "IN", description = "Input VCF (plain, gzip, BGZF) or BCF, or - (stdin) [-].")
    String input = "-";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Lets {@code -m -any} take "-any" as its value although it looks like an option. */
    static final class TakeNextArgument implements picocli.CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, picocli.CommandLine.Model.CommandSpec commandSpec,
                picocli.CommandLine.Model.ArgSpec argSpec, java.util.Map<String, Object> info) {
            if (args.isEmpty()) {
                return false;
            }
            String v = args.pop();
            String sep = String.valueOf(info.get("separator"));
            if (!sep.isEmpty() && !"null".equals(sep) && v.startsWith(sep)) {
                v = v.substring(sep.length());
            }
            argSpec.setValue(v);
            return true;
        }
    }

    /** The --annotate settings (null without it); usage errors for options that do not fit together. */
    private CsqOptions csqOptions() {
        if (!annotate) {
            if (genome != null || gtf != null || gff3 != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--genome, --gtf and --gff3 need --annotate");
            }
            return null;
        }
        if (genome == org.oncoconcord.vcf.GenomeBuild.UNKNOWN) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--genome must be GRCh37 or GRCh38");
        }
        if (gtf != null && gff3 != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--gtf and --gff3 are alternatives: give one");
        }
        if ((gtf != null || gff3 != null) && fasta == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (gtf != null ? "--gtf" : "--gff3")
                    + " needs -f/--fasta-ref (a GTF/GFF3 has no sequence; codons come from the FASTA)");
        }
        for (Path p : new Path[] {gtf, gff3}) {
            if (p != null && !java.nio.file.Files.isReadable(p)) {
                throw new org.oncoconcord.core.UserException(p + ": transcript models not found or not readable");
            }
        }
        var build = org.oncoconcord.annotate.BuildChoice.resolve(genome, fasta, input.equals("-") ? null : Path.of(input));
        if (!build.known() && gtf == null && gff3 == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), org.oncoconcord.annotate.BuildChoice.unknownMessage(build, "--genome"));
        }
        return new CsqOptions(build.build(), gtf, gff3, !noCdsCheck);
    }

    @Override
    public Integer call() throws Exception {
        char multi = 0;
        String multiType = "both";
        if (multiallelics != null) {
            String m = multiallelics.trim();
            if (m.isEmpty() || (m.charAt(0) != '-' && m.charAt(0) != '+')) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-m expects '-' or '+' (then snps|indels|both|any)");
            }
            multi = m.charAt(0);
            if (m.length() > 1) {
                multiType = m.substring(1);
                if (!multiType.matches("snps|indels|both|any")) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-m type not recognised: " + multiType);
                }
            }
        }
        if (!checkRef.matches("[ewxs]+")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-c expects letters of e, w, x, s");
        }
        String check = checkRef;
        if (!check.equals("e") && check.contains("e")) {
            check = "e";
        }
        if (!check.contains("e") && !check.contains("w") && !check.contains("x") && !check.contains("s")) {
            check = "e";
        }
        if (rmDup != null && !rmDup.matches("snps|indels|both|all|exact|none|any")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-d type not recognised: " + rmDup);
        }
        if (check.contains("s") && fasta == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-c s needs --fasta-ref");
        }
        if (multi == '-' && rmDup != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "cannot combine -d and -m-");
        }
        if (!atomOverlaps.equals("*") && !atomOverlaps.equals(".")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--atom-overlaps expects '*' or '.'");
        }
        NormalizeOptions o = new NormalizeOptions(fasta, RefCheck.of(check), Multiallelics.of(multi),
                MultiallelicTypes.parse(multiType), force, keepSum, rmDup == null ? null : DuplicateRule.parse(rmDup), oldRecTag,
                doNotNormalize, strictFilter, siteWin, tumorSample, passOnly, minDepth, minVaf, noStandardize, atomize,
                atomOverlaps.equals("*"), badRecords != null && badRecords.lenient);
        CsqOptions csq = csqOptions();
        Path out = output == null || output.toString().equals("-") ? null : output;
        Path index = Normalize.indexOf(out);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("input", input.equals("-") ? null : Path.of(input));
        files.put("-o", out);
        files.put("the index of -o", index);
        files.put("--stats", stats);
        files.put("--rejects", rejects);
        files.put("--fasta-ref", fasta);
        files.put("--gtf", gtf);
        files.put("--gff3", gff3);
        Optional<String> clash = DistinctPaths.firstClash(files);
        if (clash.isPresent()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), clash.get());
        }
        NormalizeStats s = Normalize.run(o, csq, input, out, rejects, stats, common.quiet());
        if (!common.quiet()) {
            System.err.printf("Lines   total/split/realigned/skipped:\t%d/%d/%d/%d%n", s.in, s.splitRecords, s.realigned,
                    s.refSkipped);
        }
        return 0;
    }
}
