package org.oncoconcord.validate;

import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * Checks the VCFs of a samplesheet against the reference: the genome build of the FASTA, of
 * {@code --genome} and of each VCF header must agree (and within a patient, and across the study,
 * when neither is given), and every contig the VCFs use must be in the FASTA with the length their
 * header gives and room for their positions. All mismatches of a VCF are listed in one message.
 */
final class ReferenceCheck {

    /** What {@code --genome} may say: detect the build, or state it. */
    enum GenomeChoice {
        auto, GRCh37, GRCh38;

        GenomeBuild build() {
            return this == auto ? GenomeBuild.UNKNOWN : GenomeBuild.valueOf(name());
        }

        /** Reads {@code auto} or a build name as {@link GenomeBuild#parse} knows it (any case, hg19/hg38 too). */
        static final class Converter implements picocli.CommandLine.ITypeConverter<GenomeChoice> {
            @Override
            public GenomeChoice convert(String value) {
                if (value.equalsIgnoreCase("auto")) {
                    return auto;
                }
                return GenomeBuild.parse(value).map(b -> valueOf(b.name())).orElseThrow(() ->
                        new picocli.CommandLine.TypeConversionException("'" + value + "' is not auto, GRCh37 or GRCh38"));
            }
        }
    }

    /** One VCF of a valid samplesheet row: where it is named and what it holds. */
    record Vcf(int line, int column, String patient, Path path, VcfHeaders.Info info) {
    }

    /** The problems found and the build the run uses (UNKNOWN when nothing tells), with how it was found. */
    record Outcome(List<Problem> problems, GenomeBuild genome, String evidence) {
    }

    private static final int LIST_AT_MOST = 8;

    private ReferenceCheck() {
    }

    static Outcome check(String sheet, Path fasta, GenomeChoice choice, List<Vcf> vcfs) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> fastaContigs = null;
        GenomeBuild.Detection fastaBuild = null;
        if (fasta != null) {
            fastaContigs = readFastaContigs(fasta, problems);
            if (fastaContigs != null) {
                fastaBuild = GenomeBuild.fromContigLengths(fastaContigs);
            }
        }
        GenomeBuild stated = choice.build();
        if (stated != GenomeBuild.UNKNOWN && fastaBuild != null && fastaBuild.known() && fastaBuild.build() != stated) {
            problems.add(Problem.error(fasta.toString(), 0, 0, "", "the FASTA is " + fastaBuild + " but --genome is " + stated));
        }
        GenomeBuild reference;
        String referenceName;
        if (stated != GenomeBuild.UNKNOWN) {
            reference = stated;
            referenceName = "--genome " + stated;
        } else if (fastaBuild != null && fastaBuild.known()) {
            reference = fastaBuild.build();
            referenceName = fasta.getFileName() + " is " + fastaBuild;
        } else {
            reference = GenomeBuild.UNKNOWN;
            referenceName = null;
        }
        if (reference != GenomeBuild.UNKNOWN) {
            for (Vcf v : vcfs) {
                GenomeBuild.Detection b = v.info().build();
                if (b.known() && b.build() != reference) {
                    problems.add(Problem.error(sheet, v.line(), v.column(), "vcf", v.path().getFileName() + " is " + b
                            + " but " + referenceName + ": wrong genome build"));
                }
            }
        }
        GenomeBuild genome = reference;
        String evidence = referenceName;
        if (reference == GenomeBuild.UNKNOWN) {
            Map<GenomeBuild, List<Vcf>> byBuild = new LinkedHashMap<>();
            for (Vcf v : vcfs) {
                if (v.info().build().known()) {
                    byBuild.computeIfAbsent(v.info().build().build(), k -> new ArrayList<>()).add(v);
                }
            }
            GenomeBuild majority = byBuild.entrySet().stream()
                    .reduce((a, b) -> b.getValue().size() > a.getValue().size() ? b : a).map(Map.Entry::getKey).orElse(GenomeBuild.UNKNOWN);
            for (Vcf v : vcfs) {
                GenomeBuild.Detection b = v.info().build();
                if (b.known() && b.build() != majority) {
                    List<Vcf> others = byBuild.get(majority);
                    Vcf example = others.stream().filter(o -> o.patient().equals(v.patient())).findFirst().orElse(others.get(0));
                    String scope = example.patient().equals(v.patient()) ? "another VCF of patient '" + v.patient() + "'"
                            : others.size() + " other VCF" + (others.size() == 1 ? "" : "s") + " of the study";
                    problems.add(Problem.error(sheet, v.line(), v.column(), "vcf", v.path().getFileName() + " is " + b + " but "
                            + scope + " (line " + example.line() + ", " + example.path().getFileName() + ") is "
                            + example.info().build() + ": genome builds must not be mixed"));
                }
            }
            if (majority != GenomeBuild.UNKNOWN) {
                genome = majority;
                evidence = byBuild.get(majority).size() + " VCF header(s), e.g. " + byBuild.get(majority).get(0).path().getFileName()
                        + ": " + byBuild.get(majority).get(0).info().build().evidence();
            }
        }
        if (fastaContigs != null) {
            for (Vcf v : vcfs) {
                contigProblem(sheet, v, fasta, fastaContigs).ifPresent(problems::add);
            }
        } else {
            for (Vcf v : vcfs) {
                contigProblem(sheet, v, null, v.info().headerContigs()).ifPresent(problems::add);
            }
        }
        return new Outcome(problems, genome, evidence != null ? evidence : "not detected: " + (fastaBuild != null ? "FASTA: " + fastaBuild.evidence() + "; " : "")
                + "no VCF header gives GRCh37/GRCh38 contig lengths or names its reference");
    }

    /**
     * One problem listing every contig of {@code v} that {@code reference} lacks, has with another
     * length, or is too short for; {@code fasta} null: the VCF's own header is the reference (only
     * positions beyond its lengths are checked).
     */
    private static java.util.Optional<Problem> contigProblem(String sheet, Vcf v, Path fasta, Map<String, Long> reference) {
        Map<String, Map.Entry<String, Long>> byCanonical = new LinkedHashMap<>();
        reference.forEach((name, len) -> byCanonical.putIfAbsent(ContigNames.canonical(name), Map.entry(name, len == null ? 0L : len)));
        List<String> missing = new ArrayList<>(), lengths = new ArrayList<>(), beyond = new ArrayList<>();
        for (var e : v.info().recordContigs().entrySet()) {
            var ref = byCanonical.get(ContigNames.canonical(e.getKey()));
            if (ref == null) {
                if (fasta != null) {
                    missing.add(e.getKey());
                }
            } else if (ref.getValue() > 0 && e.getValue() > ref.getValue()) {
                beyond.add(e.getKey() + ":" + e.getValue() + " (length " + ref.getValue() + ")");
            }
        }
        if (fasta != null) {
            for (var e : v.info().headerContigs().entrySet()) {
                var ref = byCanonical.get(ContigNames.canonical(e.getKey()));
                if (ref != null && e.getValue() != null && !e.getValue().equals(ref.getValue())) {
                    lengths.add(e.getKey() + " " + e.getValue() + " vs " + ref.getKey() + " " + ref.getValue());
                }
            }
        }
        if (missing.isEmpty() && lengths.isEmpty() && beyond.isEmpty()) {
            return java.util.Optional.empty();
        }
        String against = fasta != null ? fasta.getFileName().toString() : "its own ##contig lengths";
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " contig" + (missing.size() == 1 ? "" : "s") + " of its records not in the FASTA: " + list(missing));
        }
        if (!lengths.isEmpty()) {
            parts.add(lengths.size() + " ##contig length" + (lengths.size() == 1 ? "" : "s") + " differ from the FASTA's: " + list(lengths));
        }
        if (!beyond.isEmpty()) {
            parts.add(beyond.size() + " contig" + (beyond.size() == 1 ? "" : "s") + " with positions beyond the end: " + list(beyond));
        }
        return java.util.Optional.of(Problem.error(sheet, v.line(), v.column(), "vcf", v.path().getFileName() + " does not fit "
                + against + ": " + String.join("; ", parts) + " (wrong or partial reference?)"));
    }

    private static String list(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(items.size(), LIST_AT_MOST)));
        return items.size() > LIST_AT_MOST ? shown + " and " + (items.size() - LIST_AT_MOST) + " more" : shown;
    }

    /** Contig -> length of the FASTA, from its {@code .fai} or, without one, by indexing it in memory; null after a problem. */
    static Map<String, Long> readFastaContigs(Path fasta, List<Problem> problems) {
        String name = fasta.toString();
        if (!Files.exists(fasta)) {
            problems.add(Problem.error(name, 0, 0, "", "file not found"));
            return null;
        }
        if (!Files.isRegularFile(fasta) || !Files.isReadable(fasta)) {
            problems.add(Problem.error(name, 0, 0, "", "not a readable file"));
            return null;
        }
        Path fai = fasta.resolveSibling(fasta.getFileName() + ".fai");
        try {
            Map<String, Long> out;
            if (Files.isRegularFile(fai)) {
                out = GenomeBuild.readFai(fai);
            } else {
                out = new LinkedHashMap<>();
                for (FastaSequenceIndexEntry e : FastaSequenceIndexCreator.buildFromFasta(fasta)) {
                    out.put(e.getContig(), e.getSize());
                }
            }
            if (out.isEmpty()) {
                problems.add(Problem.error(Files.isRegularFile(fai) ? fai.toString() : name, 0, 0, "", "no sequences"));
                return null;
            }
            return out;
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
            problems.add(Problem.error(name, 0, 0, "", "not a readable FASTA: " + (why.length() > 200 ? why.substring(0, 200) + "..." : why)));
            return null;
        }
    }
}
