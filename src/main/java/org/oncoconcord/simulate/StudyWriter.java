package org.oncoconcord.simulate;

import htsjdk.samtools.reference.FastaReferenceWriter;
import htsjdk.samtools.reference.FastaReferenceWriterBuilder;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.zip.DeflaterFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oncoconcord.core.Progress;
import org.oncoconcord.io.AtomicFiles;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;

/**
 * Writes a simulated study to a folder: {@code reference.fa(.fai)}, {@code genes.tsv},
 * {@code samplesheet.csv}, {@code clinical.csv}, {@code vcf/<patient>.<sample>.vcf.gz} (BGZF) and
 * {@code truth.json}. Each file is written atomically; nothing depends on time or hash order, so
 * the same cohort gives the same bytes.
 */
public final class StudyWriter {
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private StudyWriter() {
    }

    /** A written BAM (path relative to the study folder) and its planted read counts per site. */
    record SampleBam(String file, List<SiteBamWriter.SiteCount> sites) {
    }

    public static void write(SimulatedCohort c, Path out, boolean quiet) throws IOException {
        Files.createDirectories(out.resolve("vcf"));
        writeReference(c.genome(), out);
        AtomicFiles.writeString(out.resolve("genes.tsv"), genesTsv(c.genome()));
        AtomicFiles.writeString(out.resolve("genes.gtf"), GeneModelWriter.gtf());
        AtomicFiles.writeString(out.resolve("genes.gff3"), GeneModelWriter.gff3());
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, List<Planted.Call>> missed = CallerMisses.choose(c);
        try (Progress progress = new Progress("simulate: write VCFs", c.patients().size(), quiet)) {
            for (int pi = 0; pi < c.patients().size(); pi++) {
                Patient p = c.patients().get(pi);
                for (int si = 0; si < p.samples().size(); si++) {
                    Sample s = p.samples().get(si);
                    String rel = "vcf/" + p.id() + "." + s.id() + ".vcf.gz";
                    files.put(s.id(), rel);
                    Rng rng = new Rng(Rng.stream(c.seed(), 2, pi + 1L, s.stream()));
                    // germline calls (added with a WBC sample) draw their normal depth from their own stream, so
                    // every other record of the file keeps the one it has without them
                    Rng germlineRng = new Rng(Rng.stream(c.seed(), 2, pi + 1L, s.stream(), BloodDraws.STREAM));
                    java.util.Set<String> germline = new java.util.HashSet<>();
                    for (Planted.Call call : s.calls()) {
                        if (call.source() != null && call.source().origin() == Planted.Origin.GERMLINE) {
                            germline.add(call.variant().chrom() + ":" + call.variant().pos());
                        }
                    }
                    List<RawRecord> records = RawRecord.of(c.genome(), s, c.config().files(), rng);
                    List<Integer> normalDepths = new ArrayList<>();
                    for (RawRecord r : records) {
                        Rng from = germline.contains(r.chrom() + ":" + r.pos()) ? germlineRng : rng;
                        normalDepths.add(Math.max(20, from.negativeBinomial(c.config().cohort().tissueDepthMean(),
                                c.config().cohort().tissueDepthShape())));
                    }
                    if (!missed.getOrDefault(s.id(), List.of()).isEmpty()) {
                        // caller misses: their records are dropped after every draw, so the other records keep their quirks
                        dropMissed(c.genome(), records, normalDepths, missed.get(s.id()));
                    }
                    boolean tissue = s.type().equals("primary") || s.type().equals("metastasis");
                    String text = DialectWriter.render(c.genome(), p.id(), s.id(), !tissue, s.style(), records, normalDepths);
                    writeBgzf(out.resolve(rel), text);
                }
                progress.advance(1);
            }
        }
        Map<String, SampleBam> bams = writeBams(c, out);
        AtomicFiles.writeString(out.resolve("samplesheet.csv"), samplesheet(c, files, bams));
        AtomicFiles.writeString(out.resolve("clinical.csv"), clinical(c));
        String truth = TruthJson.mapper().writer(TruthJson.printer()).writeValueAsString(TruthJson.build(c, files, bams, missed));
        AtomicFiles.writeString(out.resolve("truth.json"), truth + "\n");
    }

    /** Removes the records of the missed calls (each written as a record of its own) and their normal depths. */
    private static void dropMissed(SyntheticGenome g, List<RawRecord> records, List<Integer> normalDepths, List<Planted.Call> missed) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Planted.Call call : missed) {
            keys.add(call.variant().key());
        }
        int dropped = 0;
        for (int i = records.size() - 1; i >= 0; i--) {
            RawRecord r = records.get(i);
            if (r.alts().size() == 1 && keys.contains(Alleles.normalize(g, new Variant(r.chrom(), r.pos(), r.ref(), r.alts().get(0))).key())) {
                records.remove(i);
                normalDepths.remove(i);
                dropped++;
            }
        }
        if (dropped != keys.size()) {
            throw new IllegalStateException("caller misses: " + dropped + " records dropped for " + keys.size() + " missed calls");
        }
    }

    /** BAMs of the samples chosen by the config's {@code bams} section, each from its own random stream. */
    private static Map<String, SampleBam> writeBams(SimulatedCohort c, Path out) throws IOException {
        var cfg = c.config().bams();
        Map<String, SampleBam> bams = new LinkedHashMap<>();
        for (String id : cfg.patients()) {
            if (c.patients().stream().noneMatch(p -> p.id().equals(id))) {
                throw new org.oncoconcord.core.UserException("simulation config: bams.patients: no patient '" + id + "' among the "
                        + c.patients().size() + " simulated (ids P001...)");
            }
        }
        for (int pi = 0; pi < c.patients().size(); pi++) {
            Patient p = c.patients().get(pi);
            if (!cfg.patients().contains(p.id())) {
                continue;
            }
            Files.createDirectories(out.resolve("bam"));
            for (Sample s : p.samples()) {
                if (!cfg.sampleTypes().contains(s.type())) {
                    continue;
                }
                String rel = "bam/" + p.id() + "." + s.id() + ".bam";
                String sm = DialectWriter.tumourColumn(s.style().dialect(), s.id());
                List<SiteBamWriter.SiteCount> sites = SiteBamWriter.write(out.resolve(rel), c.genome(), p, s, sm, c.config(),
                        Rng.stream(c.seed(), SiteBamWriter.STREAM, pi + 1L, s.stream()));
                bams.put(s.id(), new SampleBam(rel, sites));
            }
        }
        return bams;
    }

    static void writeBgzf(Path target, String text) throws IOException {
        AtomicFiles.write(target, tmp -> {
            try (OutputStream os = new BlockCompressedOutputStream(tmp, 6, new DeflaterFactory())) {
                os.write(text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static void writeReference(SyntheticGenome g, Path out) throws IOException {
        Path fa = out.resolve("reference.fa").toAbsolutePath();
        Path fai = out.resolve("reference.fa.fai").toAbsolutePath();
        Path tmpFa = AtomicFiles.tempFor(fa);
        Path tmpFai = AtomicFiles.tempFor(fai);
        try {
            try (FastaReferenceWriter w = new FastaReferenceWriterBuilder().setFastaFile(tmpFa).setIndexFile(tmpFai)
                    .setMakeDictOutput(false).setBasesPerLine(60).build()) {
                for (String contig : g.contigs()) {
                    w.addSequence(new htsjdk.samtools.reference.ReferenceSequence(contig, g.contigIndex(contig), g.sequence(contig)));
                }
            }
            AtomicFiles.move(tmpFa, fa);
            AtomicFiles.move(tmpFai, fai);
        } finally {
            Files.deleteIfExists(tmpFa);
            Files.deleteIfExists(tmpFai);
        }
    }

    static String genesTsv(SyntheticGenome g) {
        StringBuilder b = new StringBuilder();
        b.append("# gene and hotspot annotation of the synthetic genome written by oncoconcord simulate (reference.fa)\n");
        b.append("kind\tgene\tchrom\tstart\tend\tref\talt\tlabel\tgroup\tsource\n");
        for (GeneLayout.Gene gene : GeneLayout.GENES) {
            b.append("gene\t").append(gene.name()).append('\t').append(gene.contig()).append('\t').append(gene.start())
                    .append('\t').append(gene.end()).append("\t.\t.\t.\t").append(gene.group())
                    .append("\tsynthetic genome (oncoconcord simulate)\n");
        }
        for (GeneLayout.Codon c : GeneLayout.CODONS) {
            GeneLayout.Gene gene = GeneLayout.gene(c.gene());
            GeneModel m = GeneLayout.model(c.gene());
            int pos = Math.min(GeneLayout.codonBase(c, 0), GeneLayout.codonBase(c, 2));
            if (c.group().equals("BRAF_V600E")) {
                GeneLayout.HotspotMutation h = GeneLayout.hotspotMutation("BRAF", "V600E");
                int p = GeneLayout.codonBase(c, h.index());
                b.append("hotspot\tBRAF\t").append(gene.contig()).append('\t').append(p).append('\t').append(p).append('\t')
                        .append(g.base(gene.contig(), p)).append('\t').append(m.plus() ? h.alt() : Codons.complement(h.alt()))
                        .append("\tV600E\tBRAF_V600E\tsynthetic genome; codon as COSMIC BRAF V600\n");
                continue;
            }
            b.append("hotspot\t").append(c.gene()).append('\t').append(gene.contig()).append('\t').append(pos).append('\t')
                    .append(pos + 2).append("\t.\t.\t").append(c.label()).append('\t').append(c.group())
                    .append("\tsynthetic genome; codon as COSMIC ").append(c.gene()).append(' ').append(c.label()).append('\n');
        }
        return b.toString();
    }

    /**
     * The samplesheet; a {@code bam} column only when some sample has one (so studies without BAMs keep their bytes);
     * the planted {@code purity} of the tissue samples with reads (the pipeline uses it only for their clonality).
     */
    private static String samplesheet(SimulatedCohort c, Map<String, String> files, Map<String, SampleBam> bams) throws IOException {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(b, CSV)) {
            List<String> header = new ArrayList<>(List.of("patient", "sample", "type", "vcf", "tumor_sample", "collection_day", "timepoint",
                    "purity"));
            if (!bams.isEmpty()) {
                header.add("bam");
            }
            p.printRecord(header);
            for (Patient pt : c.patients()) {
                for (Sample s : pt.samples()) {
                    boolean plasma = s.type().equals("plasma");
                    List<Object> row = new ArrayList<>(java.util.Arrays.asList(pt.id(), s.id(), s.type(), files.get(s.id()),
                            DialectWriter.tumourColumn(s.style().dialect(), s.id()), plasma ? s.collectionDay() : "", plasma ? s.timepoint() : "",
                            tissue(s) && bams.containsKey(s.id()) ? String.format(java.util.Locale.ROOT, "%.3f", s.tumourFraction()) : ""));
                    if (!bams.isEmpty()) {
                        row.add(bams.containsKey(s.id()) ? bams.get(s.id()).file() : "");
                    }
                    p.printRecord(row);
                }
            }
        }
        return b.toString();
    }

    private static boolean tissue(Sample s) {
        return s.type().equals("primary") || s.type().equals("metastasis");
    }

    /** {@code clinical.csv}; empty fields are missing values ({@code death_cause}: {@link DeathCause}). */
    static String clinical(SimulatedCohort c) throws IOException {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(b, CSV)) {
            p.printRecord("patient", "os_days", "os_event", "rfs_days", "rfs_event", "age", "sex", "stage",
                    "metastatic_site", "msi_status", "metastasis_days", "death_cause");
            for (int i = 0; i < c.patients().size(); i++) {
                Patient pt = c.patients().get(i);
                var cl = pt.clinical();
                p.printRecord(pt.id(), cl.osDays(), cl.osEvent() ? 1 : 0, cl.rfsDays() == null ? "" : cl.rfsDays(),
                        cl.rfsEvent() == null ? "" : (cl.rfsEvent() ? 1 : 0), cl.age(), cl.sex(), cl.stage(),
                        cl.metastaticSite() == null ? "" : cl.metastaticSite(), cl.msi() ? "MSI-H" : "MSS",
                        cl.metastasisDays() == null ? "" : cl.metastasisDays(), DeathCause.of(c.seed(), i + 1, cl));
            }
        }
        return b.toString();
    }
}
