package org.oncoconcord.annotate;

import org.oncoconcord.vcf.GenomeBuild;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.tribble.TribbleException;
import htsjdk.tribble.index.IndexFactory;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndex;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.variantcontext.VariantContextBuilder;
import htsjdk.variant.variantcontext.writer.Options;
import htsjdk.variant.variantcontext.writer.VariantContextWriter;
import htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.io.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oncoconcord annotate}: VEP-compatible INFO/CSQ on one canonical transcript per gene. */
@Command(name = "annotate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Consequence of every allele on one canonical (MANE Select) transcript per gene: SO term in "
                + "VEP's vocabulary and severity order, IMPACT, HGVSc, HGVSp, HGVSp_Short, exon/intron, cDNA/CDS/protein "
                + "position, written as a VEP-compatible INFO/CSQ with its Format header (bcftools +split-vep, vcf2maf).",
                "An input already annotated (CSQ, ANN or FUNCOTATION) is copied unchanged unless --reannotate."})
public final class AnnotateCommand implements Callable<Integer> {
    /** Below this many coding alleles the REF check cannot tell the build apart. */
    static final int MIN_CHECKED = 5;
    /** Share of coding alleles whose REF may disagree with the CDS before the build is refused. */
    static final double MAX_MISMATCH = 0.2;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--genome", paramLabel = "GRCh37|GRCh38",
            description = "Build of the input (selects the shipped transcript models). Default: the build that the --fasta "
                    + "contig lengths or the VCF header (##contig lengths, ##reference) show; needed when neither does, unless "
                    + "--gtf/--gff3 replace the shipped models. A build contradicting the FASTA or the header is refused.")
    GenomeBuild genome;

    @Option(names = "--fasta", paramLabel = "REF.fa",
            description = "Reference FASTA of the same build: codons come from it; a CDS base differing from the shipped models is an error.")
    Path fasta;

    @Option(names = "--gtf", paramLabel = "FILE",
            description = "Ensembl/GENCODE GTF replacing the shipped models (one transcript per gene: MANE_Select tag, else "
                    + "Ensembl_canonical, else the longest CDS); needs --fasta for the codons.")
    Path gtf;

    @Option(names = "--gff3", paramLabel = "FILE",
            description = "Ensembl/GENCODE/RefSeq GFF3 (plain or .gz) replacing the shipped models (one transcript per gene, "
                    + "chosen as for --gtf); needs --fasta for the codons.")
    Path gff3;

    @Option(names = "--reannotate", description = "Recompute even when the input carries CSQ, ANN or FUNCOTATION (its CSQ is replaced).")
    boolean reannotate;

    @Option(names = "--no-cds-check", description = "Annotate even when fewer than half of the --gtf/--gff3 coding sequences "
            + "spliced from --fasta are open reading frames (ATG ... stop), a sign of models of another build.")
    boolean noCdsCheck;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.vcf[.gz]", description = "Output VCF (.gz: BGZF + .tbi).")
    Path output;

    @Parameters(paramLabel = "IN.vcf[.gz]", description = "Input VCF (normalized: split multiallelics, left-aligned).")
    Path input;

    @Override
    public Integer call() throws IOException {
        if (genome == GenomeBuild.UNKNOWN) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--genome must be GRCh37 or GRCh38");
        }
        if (!Files.isReadable(input)) {
            throw new UserException(input + ": input VCF not found or not readable");
        }
        if (gtf != null && gff3 != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--gtf and --gff3 are alternatives: give one");
        }
        if ((gtf != null || gff3 != null) && fasta == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (gtf != null ? "--gtf" : "--gff3")
                    + " needs --fasta (a GTF/GFF3 has no sequence; codons come from the FASTA)");
        }
        GenomeBuild.Detection build = BuildChoice.resolve(genome, fasta, input);
        if (!build.known() && gtf == null && gff3 == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), BuildChoice.unknownMessage(build, "--genome"));
        }
        GenomeBuild chosen = build.build();
        TranscriptSet models = CsqAnnotator.models(chosen, fasta, gtf, gff3, !noCdsCheck);
        if (!common.quiet() && genome == null) {
            spec.commandLine().getErr().println("annotate: genome build " + build);
        }
        Annotator annotator = new Annotator(models);
        Stats stats = new Stats();
        boolean gz = output.getFileName().toString().endsWith(".gz");
        Path tbi = output.resolveSibling(output.getFileName() + ".tbi");
        // the VCF and its index are written all or none (a failure, or a build mismatch found while
        // annotating, leaves neither)
        try (OutputSet outputs = new OutputSet().addAll(output, gz ? tbi : null);
             VCFFileReader reader = open(input)) {
            VCFHeader header = reader.getFileHeader();
            String existing = ExistingAnnotations.keyOf(header);
            boolean copy = existing != null && !reannotate;
            VCFHeader outHeader = new VCFHeader(header);
            if (!copy) {
                java.util.Set<htsjdk.variant.vcf.VCFHeaderLine> lines = new java.util.LinkedHashSet<>();
                for (htsjdk.variant.vcf.VCFHeaderLine l : header.getMetaDataInInputOrder()) {
                    if (!(l instanceof VCFInfoHeaderLine info && info.getID().equals("CSQ"))) {
                        lines.add(l);
                    }
                }
                outHeader = new VCFHeader(lines, header.getGenotypeSamples());
                outHeader.addMetaDataLine(new VCFInfoHeaderLine("CSQ", VCFHeaderLineCount.UNBOUNDED, VCFHeaderLineType.String,
                        Csq.headerDescription(models.source())));
            }
            VCFHeader finalHeader = outHeader;
            outputs.write(output, tmp -> write(reader, finalHeader, tmp, copy ? null : annotator, stats, chosen));
            if (stats.buildMismatch()) {
                throw new UserException(input + ": " + stats.mismatchText(chosen) + "; no output written");
            }
            if (gz) {
                TabixIndex idx = index(output, outputs.temp(output));
                outputs.write(tbi, idx::write);
            }
            outputs.commitOrFail();
            if (!common.quiet()) {
                spec.commandLine().getErr().println(copy
                        ? "annotate: " + input + " already carries " + existing + " annotations: copied unchanged ("
                        + stats.records + " records; --reannotate to recompute)"
                        : "annotate: " + stats.records + " records, " + stats.alleles + " alleles annotated ("
                        + stats.proteinAltering + " protein-altering, " + stats.intergenic + " intergenic, "
                        + stats.skipped + " symbolic/spanning-deletion alleles without CSQ) -> " + output);
            }
        }
        return 0;
    }

    private VCFFileReader open(Path path) {
        try {
            return new VCFFileReader(path, false);
        } catch (TribbleException | IllegalArgumentException e) {
            throw new UserException(path + ": not a readable VCF: " + e.getMessage());
        }
    }

    private void write(VCFFileReader reader, VCFHeader header, Path tmp, Annotator annotator, Stats stats, GenomeBuild build)
            throws IOException {
        boolean gz = output.getFileName().toString().endsWith(".gz");
        OutputStream os = gz ? new BlockCompressedOutputStream(tmp.toFile()) : Files.newOutputStream(tmp);
        try (VariantContextWriter writer = new VariantContextWriterBuilder().setOutputStream(os)
                     .unsetOption(Options.INDEX_ON_THE_FLY).setOption(Options.ALLOW_MISSING_FIELDS_IN_HEADER).build()) {
            writer.writeHeader(header);
            long line = 0;
            var it = reader.iterator();
            while (true) {
                VariantContext vc;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    vc = it.next();
                } catch (TribbleException | IllegalArgumentException e) {
                    throw new UserException(input + ": bad VCF record after data record " + line + ": " + e.getMessage());
                }
                line++;
                stats.records++;
                writer.add(annotator == null ? vc : annotate(vc, annotator, stats));
            }
        }
        if (annotator != null && stats.buildMismatch()) {
            throw new UserException(input + ": " + stats.mismatchText(build));
        }
    }

    private VariantContext annotate(VariantContext vc, Annotator annotator, Stats stats) {
        List<String> alts = new ArrayList<>(vc.getAlternateAlleles().size());
        for (htsjdk.variant.variantcontext.Allele alt : vc.getAlternateAlleles()) {
            alts.add(alt.isSymbolic() || alt.isNoCall() ? "" : alt.getBaseString());
        }
        List<String> entries = CsqAnnotator.entries(annotator, stats, vc.getContig(), vc.getStart(),
                vc.getReference().getBaseString(), alts);
        VariantContextBuilder b = new VariantContextBuilder(vc).rmAttribute("CSQ");
        if (!entries.isEmpty()) {
            b.attribute("CSQ", entries);
        }
        return b.make();
    }

    /** The tabix index of the written BGZF VCF {@code written} (the temporary of {@code shown}). */
    private static TabixIndex index(Path shown, Path written) {
        try {
            return IndexFactory.createTabixIndex(written.toFile(), new VCFCodec(), TabixFormat.VCF, null);
        } catch (TribbleException e) {
            throw new UserException(shown + ": cannot index the output (is the input position-sorted?): " + e.getMessage()
                    + "; no output written");
        }
    }

    /** Counts for the summary line and the build check. */
    private static final class Stats extends CsqAnnotator.Counts {
    }
}
