package org.oncoconcord.vcf;

import htsjdk.samtools.util.IOUtil;
import htsjdk.tribble.readers.LineIteratorImpl;
import htsjdk.tribble.readers.SynchronousLineReader;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncoconcord.core.ContigNames;

/**
 * The human reference build (GRCh37 or GRCh38) a FASTA index or a VCF header belongs to, detected
 * from the lengths of the primary chromosomes (1-22, X, Y; with or without {@code chr}) or, when no
 * lengths are given, from the reference named in the header ({@code ##reference},
 * {@code ##assembly}, {@code ##new_reference_genome}, the target of a {@code ##liftOver...} chain).
 */
public enum GenomeBuild {
    GRCh37, GRCh38, UNKNOWN;

    /** A detected build and how it was found (or why it could not be), for messages. */
    public record Detection(GenomeBuild build, String evidence) {
        public boolean known() {
            return build != UNKNOWN;
        }

        @Override
        public String toString() {
            return build + " (" + evidence + ")";
        }
    }

    private static final String[] PRIMARY = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
            "15", "16", "17", "18", "19", "20", "21", "22", "X", "Y"};
    private static final long[] GRCH37 = {249250621, 243199373, 198022430, 191154276, 180915260, 171115067, 159138663,
            146364022, 141213431, 135534747, 135006516, 133851895, 115169878, 107349540, 102531392, 90354753, 81195210,
            78077248, 59128983, 63025520, 48129895, 51304566, 155270560, 59373566};
    private static final long[] GRCH38 = {248956422, 242193529, 198295559, 190214555, 181538259, 170805979, 159345973,
            145138636, 138394717, 133797422, 135086622, 133275309, 114364328, 107043718, 101991189, 90338345, 83257441,
            80373285, 58617616, 64444167, 46709983, 50818468, 156040895, 57227415};

    private static final Pattern LIFTOVER_TARGET = Pattern.compile("(?i)(?:hg|grch|b)(?:19|37|38)to(hg19|hg38|grch37|grch38|b37|b38)");
    private static final Pattern BUILD_WORD = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(hg19|hg38|grch37|grch38|b37|b38|hs37d5|hs37|hs38|hs38dh|ncbi37|ncbi38|ucsc\\.hg19|ucsc\\.hg38)(?![0-9])");

    /** The build named by a user: GRCh37/hg19/b37 or GRCh38/hg38/b38 (any case); empty otherwise. */
    public static Optional<GenomeBuild> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "grch37", "hg19", "b37", "hs37d5", "ncbi37" -> Optional.of(GRCh37);
            case "grch38", "hg38", "b38", "hs38", "hs38dh", "ncbi38" -> Optional.of(GRCh38);
            default -> Optional.empty();
        };
    }

    /**
     * The build whose primary chromosome lengths the given contigs have. Contigs are named in
     * either style; contigs of other names or lengths are ignored. Lengths of both builds: unknown.
     */
    public static Detection fromContigLengths(Map<String, Long> lengths) {
        int n37 = 0, n38 = 0;
        String example37 = null, example38 = null;
        for (var e : lengths.entrySet()) {
            if (e.getValue() == null || e.getValue() <= 0) {
                continue;
            }
            String c = ContigNames.canonical(e.getKey()).toUpperCase(Locale.ROOT);
            for (int i = 0; i < PRIMARY.length; i++) {
                if (PRIMARY[i].equals(c)) {
                    if (GRCH37[i] == e.getValue()) {
                        n37++;
                        example37 = example37 == null ? e.getKey() + " length " + e.getValue() : example37;
                    } else if (GRCH38[i] == e.getValue()) {
                        n38++;
                        example38 = example38 == null ? e.getKey() + " length " + e.getValue() : example38;
                    }
                }
            }
        }
        if (n37 > 0 && n38 > 0) {
            return new Detection(UNKNOWN, "contig lengths of both builds: " + n37 + " GRCh37 (e.g. " + example37 + "), "
                    + n38 + " GRCh38 (e.g. " + example38 + ")");
        }
        if (n37 > 0) {
            return new Detection(GRCh37, n37 + " contig length" + (n37 == 1 ? "" : "s") + " of GRCh37, e.g. " + example37);
        }
        if (n38 > 0) {
            return new Detection(GRCh38, n38 + " contig length" + (n38 == 1 ? "" : "s") + " of GRCh38, e.g. " + example38);
        }
        return new Detection(UNKNOWN, lengths.isEmpty() ? "no contigs" : "no human chromosome of GRCh37 or GRCh38 length");
    }

    /** The build of a FASTA index ({@code .fai}: name, length, ... per line). */
    public static Detection fromFai(Path fai) throws IOException {
        return fromContigLengths(readFai(fai));
    }

    /** Contig name -> length of a {@code .fai}, in file order; a malformed line throws naming it. */
    public static Map<String, Long> readFai(Path fai) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(fai, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                try {
                    if (f.length < 2) {
                        throw new NumberFormatException();
                    }
                    out.put(f[0], Long.parseLong(f[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IOException(fai + ":" + n + ": not a FASTA index line (name<TAB>length...)");
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(fai + ": not a FASTA index (binary content)");
        }
        return out;
    }

    /**
     * The build of a VCF header: its {@code ##contig} lengths when they identify one, else the
     * reference it names. Unknown when neither does.
     */
    public static Detection fromVcfHeader(VCFHeader header) {
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (VCFContigHeaderLine c : header.getContigLines()) {
            String len = c.getGenericFields().get("length");
            try {
                lengths.put(c.getID(), len == null ? null : Long.parseLong(len.trim()));
            } catch (NumberFormatException e) {
                lengths.put(c.getID(), null);
            }
        }
        Detection byLength = fromContigLengths(lengths);
        if (byLength.known()) {
            return new Detection(byLength.build(), "##contig " + byLength.evidence());
        }
        Detection byName = fromHeaderText(header);
        if (byName.known()) {
            return byName;
        }
        return byLength.evidence().startsWith("contig lengths of both") ? byLength
                : new Detection(UNKNOWN, "no ##contig lengths of GRCh37/GRCh38 and no ##reference naming a build");
    }

    /** The build named by {@code ##reference}, {@code ##assembly}, contig {@code assembly=} or a liftOver chain target. */
    static Detection fromHeaderText(VCFHeader header) {
        for (VCFHeaderLine line : header.getOtherHeaderLines()) {
            String key = line.getKey().toLowerCase(Locale.ROOT);
            String value = line.getValue() == null ? "" : line.getValue();
            if (key.startsWith("liftover")) {
                Matcher m = LIFTOVER_TARGET.matcher(value);
                if (m.find()) {
                    GenomeBuild b = parse(m.group(1)).orElse(UNKNOWN);
                    return new Detection(b, "##" + line.getKey() + "=" + value);
                }
            }
        }
        for (VCFHeaderLine line : header.getOtherHeaderLines()) {
            String key = line.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("reference") || key.equals("assembly") || key.equals("new_reference_genome")) {
                String value = line.getValue() == null ? "" : line.getValue();
                Optional<GenomeBuild> b = buildNamedIn(value);
                if (b.isPresent()) {
                    return new Detection(b.get(), "##" + line.getKey() + "=" + value);
                }
            }
        }
        for (VCFContigHeaderLine c : header.getContigLines()) {
            String assembly = c.getGenericFields().get("assembly");
            Optional<GenomeBuild> b = buildNamedIn(assembly == null ? "" : assembly);
            if (b.isPresent()) {
                return new Detection(b.get(), "##contig assembly=" + assembly);
            }
        }
        return new Detection(UNKNOWN, "no reference named");
    }

    /** The build named by a word in {@code text} (a path or label): hg19, GRCh37, b37, ... ; empty when none or both. */
    static Optional<GenomeBuild> buildNamedIn(String text) {
        Matcher m = BUILD_WORD.matcher(text);
        GenomeBuild found = null;
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT).replace("ucsc.", "");
            GenomeBuild b = w.contains("19") || w.contains("37") ? GRCh37 : GRCh38;
            if (found != null && found != b) {
                return Optional.empty();
            }
            found = b;
        }
        return Optional.ofNullable(found);
    }

    /** Reads the header of a VCF (plain, gzip or BGZF) with htsjdk; throws with htsjdk's reason when it is not one. */
    public static VCFHeader readHeader(Path vcf) throws IOException {
        try (InputStream in = IOUtil.openFileForReading(vcf)) {
            var lines = new LineIteratorImpl(new SynchronousLineReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            Object header = new VCFCodec().readActualHeader(lines);
            if (!(header instanceof VCFHeader h)) {
                throw new IOException(vcf + ": no VCF header");
            }
            return h;
        }
    }

    /** The build of a VCF file's header. */
    public static Detection fromVcf(Path vcf) throws IOException {
        return fromVcfHeader(readHeader(vcf));
    }

    /**
     * The build of one patient's input VCFs (label -> file) for picking the shipped gene table:
     * {@code stated} ({@code auto}/null, or a build name) is checked against every header that
     * shows a build; with {@code auto} the headers decide. Throws {@link IllegalArgumentException}
     * naming the files when headers disagree with each other or with {@code stated}, or when
     * {@code needBuild} and nothing tells the build.
     */
    public static GenomeBuild forInputs(String stated, Map<String, Path> vcfs, boolean needBuild) {
        boolean auto = stated == null || stated.equalsIgnoreCase("auto");
        GenomeBuild given = auto ? UNKNOWN : parse(stated).orElseThrow(() ->
                new IllegalArgumentException("--genome '" + stated + "' is not auto, GRCh37 or GRCh38"));
        GenomeBuild found = UNKNOWN;
        String foundIn = null;
        for (var e : vcfs.entrySet()) {
            Detection d;
            try {
                d = fromVcf(e.getValue());
            } catch (IOException | RuntimeException ex) {
                continue; // an unreadable header is reported by the reader with its line
            }
            if (!d.known()) {
                continue;
            }
            String here = e.getKey() + " (" + e.getValue() + ") is " + d;
            if (given != UNKNOWN && d.build() != given) {
                throw new IllegalArgumentException("--genome " + given + " but " + here + ": wrong genome build");
            }
            if (found != UNKNOWN && d.build() != found) {
                throw new IllegalArgumentException("genome builds are mixed: " + foundIn + " but " + here);
            }
            found = d.build();
            foundIn = here;
        }
        GenomeBuild build = given != UNKNOWN ? given : found;
        if (build == UNKNOWN && needBuild) {
            throw new IllegalArgumentException("--genome auto: no input VCF header shows its build (no ##contig lengths of "
                    + "GRCh37/GRCh38, no ##reference naming one): give --genome GRCh37|GRCh38 or --genes FILE");
        }
        return build;
    }
}
