package org.oncoconcord.annotate;

import org.oncoconcord.vcf.GenomeBuild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.ContigNames;

/**
 * One canonical transcript per gene, indexed by contig. The shipped tables (MANE Select v1.0, see
 * {@code PROVENANCE.md} beside them) are loaded with {@link #shipped(GenomeBuild)}.
 */
public final class TranscriptSet {
    private final String source;
    private final Map<String, List<Transcript>> byContig = new HashMap<>();
    private final Map<String, Transcript> byGene = new LinkedHashMap<>();

    public TranscriptSet(String source, List<Transcript> transcripts) {
        this.source = source;
        for (Transcript t : transcripts) {
            if (byGene.putIfAbsent(t.gene(), t) != null) {
                throw new UserException(source + ": more than one transcript for gene " + t.gene());
            }
            byContig.computeIfAbsent(ContigNames.canonical(t.chrom()), k -> new ArrayList<>()).add(t);
        }
    }

    /** Where the models come from (shown in headers and reports). */
    public String source() {
        return source;
    }

    public List<Transcript> all() {
        return List.copyOf(byGene.values());
    }

    public Transcript gene(String gene) {
        return byGene.get(gene);
    }

    /** The canonical names ({@code ContigNames.canonical}) of the contigs holding transcripts. */
    public java.util.Set<String> contigs() {
        return java.util.Collections.unmodifiableSet(byContig.keySet());
    }

    /** Transcripts of a contig (any naming style), possibly empty. */
    public List<Transcript> onContig(String chrom) {
        return byContig.getOrDefault(ContigNames.canonical(chrom), List.of());
    }

    /** The shipped MANE Select models of a build, with the shipped CDS sequences. */
    public static TranscriptSet shipped(GenomeBuild genome) {
        if (genome == GenomeBuild.UNKNOWN) {
            throw new IllegalArgumentException("no shipped transcript models for an unknown genome build");
        }
        String table = "transcripts." + genome + ".tsv";
        Map<String, String> cds = readCds();
        List<Transcript> list = new ArrayList<>();
        try (InputStream in = resource(table)) {
            for (CSVRecord r : tsv(in)) {
                list.add(parse(table, r, cds.get(r.get("transcript"))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped " + table, e);
        }
        return new TranscriptSet("shipped MANE Select v1.0 " + genome + " (" + list.size() + " genes)", list);
    }

    private static Transcript parse(String table, CSVRecord r, String cds) {
        try {
            return new Transcript(r.get("gene"), r.get("transcript"), r.get("ensembl_transcript"), r.get("protein"),
                    r.get("chrom"), r.get("strand").equals("+"),
                    Integer.parseInt(r.get("tx_start")), Integer.parseInt(r.get("tx_end")),
                    Integer.parseInt(r.get("cds_start")), Integer.parseInt(r.get("cds_end")),
                    ints(r.get("exon_starts")), ints(r.get("exon_ends")), cds);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(table + " line " + r.getRecordNumber() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readCds() {
        Map<String, String> cds = new HashMap<>();
        try (InputStream in = resource("cds.tsv")) {
            for (CSVRecord r : tsv(in)) {
                cds.put(r.get("transcript"), r.get("sequence"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped cds.tsv", e);
        }
        return cds;
    }

    private static Iterable<CSVRecord> tsv(InputStream in) throws IOException {
        return CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    private static InputStream resource(String name) {
        InputStream in = TranscriptSet.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("shipped resource " + name + " missing from the jar");
        }
        return in;
    }

    private static int[] ints(String list) {
        String[] parts = list.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
        }
        return out;
    }

    /**
     * The same models with codons from the reference: each CDS spliced from the FASTA must equal the
     * shipped CDS (a difference means the FASTA is another build or reference); models without a
     * shipped CDS take the FASTA's. Transcripts on contigs the FASTA lacks keep the shipped CDS.
     */
    public TranscriptSet withReference(ReferenceBases reference, String buildName) {
        return withReference(reference, buildName, true);
    }

    /**
     * As {@link #withReference(ReferenceBases, String)}; {@code checkOrfs}: models without a shipped CDS
     * (GTF, GFF3) must mostly splice into open reading frames ({@link #refuseNonOrfs}).
     */
    public TranscriptSet withReference(ReferenceBases reference, String buildName, boolean checkOrfs) {
        int onFasta = 0;
        int spliced = 0;
        int orfs = 0;
        List<Transcript> list = new ArrayList<>();
        for (Transcript t : byGene.values()) {
            if (!reference.hasContig(t.chrom())) {
                list.add(t);
                continue;
            }
            onFasta++;
            String fromFasta = splice(t, reference);
            if (t.cds() != null && !t.cds().equals(fromFasta)) {
                int i = 0;
                while (t.cds().charAt(i) == fromFasta.charAt(i)) {
                    i++;
                }
                throw new UserException(reference.path() + ": the reference disagrees with the " + buildName
                        + " CDS of " + t.gene() + " " + t.id() + " at c." + (i + 1) + " (" + t.chrom() + ":"
                        + t.genomicOfCds(i) + " reads " + fromFasta.charAt(i) + ", the transcript has "
                        + t.cds().charAt(i) + "): is the FASTA " + buildName + "? (check --genome)");
            }
            if (t.cds() == null) {
                spliced++;
                orfs += isOrf(fromFasta) ? 1 : 0;
            }
            list.add(t.withCds(fromFasta));
        }
        if (onFasta == 0 && !byGene.isEmpty()) {
            throw disjointContigs(reference);
        }
        if (checkOrfs) {
            refuseNonOrfs(reference, spliced, orfs);
        }
        return new TranscriptSet(source + ", codons from " + reference.path().getFileName(), list);
    }

    /** Models at least this many CDS from the FASTA are checked by {@link #refuseNonOrfs} (a small panel is not). */
    static final int ORF_CHECK_MIN = 10;

    /**
     * A GTF/GFF3 of the FASTA's build splices into open reading frames (ATG ... stop, whole codons) for
     * nearly every transcript; one of another build (same contig names, other coordinates) for about 1 in
     * 1,000. Fewer than half: the error names the counts and the way out ({@code --no-cds-check}).
     */
    private void refuseNonOrfs(ReferenceBases reference, int spliced, int orfs) {
        if (spliced >= ORF_CHECK_MIN && orfs * 2 < spliced) {
            throw new UserException(reference.path() + ": only " + orfs + " of the " + spliced + " coding sequences of " + source
                    + " spliced from it start with ATG and end with a stop codon (for models of the FASTA's genome build"
                    + " nearly all do): are the models of the reference's build? (--no-cds-check annotates anyway)");
        }
    }

    /** ATG, whole codons, a stop codon at the end. */
    static boolean isOrf(String cds) {
        int n = cds.length();
        if (n < 6 || n % 3 != 0 || !cds.startsWith("ATG")) {
            return false;
        }
        return cds.startsWith("TAA", n - 3) || cds.startsWith("TAG", n - 3) || cds.startsWith("TGA", n - 3);
    }

    /**
     * Models none of whose contigs the FASTA has would annotate every variant as intergenic, silently: the
     * error naming both sides' contigs (names that differ beyond chr/RefSeq style, or another genome).
     */
    private UserException disjointContigs(ReferenceBases reference) {
        java.util.Set<String> models = new java.util.TreeSet<>();
        for (Transcript t : byGene.values()) {
            models.add(t.chrom());
        }
        java.util.Set<String> fasta = new java.util.TreeSet<>(reference.contigNames());
        return new UserException(reference.path() + ": none of the contigs of the " + byGene.size() + " transcript models ("
                + source + ": " + firstOf(models) + ") is in the FASTA (" + firstOf(fasta) + "): the models and the reference"
                + " name their contigs differently, or are of different genomes");
    }

    private static String firstOf(java.util.Set<String> names) {
        List<String> some = new ArrayList<>(names).subList(0, Math.min(5, names.size()));
        return String.join(", ", some) + (names.size() > 5 ? ", ... (" + names.size() + ")" : "");
    }

    /**
     * The CDS of {@code t} from the reference, upper case, in transcript orientation: the exons' bytes
     * joined and mapped through one table (no String per exon: this runs interpreted at start-up).
     */
    static String splice(Transcript t, ReferenceBases reference) {
        byte[][] parts = new byte[t.exonCount()][];
        int n = 0;
        for (int i = 0; i < t.exonCount(); i++) {
            int s = Math.max(t.exonStart(i), t.cdsStart());
            int e = Math.min(t.exonEnd(i), t.cdsEnd());
            if (s <= e) {
                parts[i] = reference.rawBases(t.chrom(), s, e);
                n += parts[i].length;
            }
        }
        byte[] cds = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            if (p != null) {
                System.arraycopy(p, 0, cds, at, p.length);
                at += p.length;
            }
        }
        byte[] table = t.plus() ? UPPER : UPPER_COMPLEMENT;
        for (byte b : cds) {
            if (b < 0) { // not ASCII: as the String path does it (US-ASCII decoding, upper case)
                String plus = new String(cds, java.nio.charset.StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
                return t.plus() ? plus : AminoAcids.reverseComplement(plus);
            }
        }
        if (t.plus()) {
            for (int i = 0; i < n; i++) {
                cds[i] = table[cds[i]];
            }
        } else {
            for (int i = 0, j = n - 1; i <= j; i++, j--) {
                byte a = cds[i];
                cds[i] = table[cds[j]];
                cds[j] = table[a];
            }
        }
        return new String(cds, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** ASCII upper case ({@code toUpperCase(Locale.ROOT)} on ASCII). */
    private static final byte[] UPPER = new byte[128];
    /** The complement ({@link AminoAcids#reverseComplement}) of the upper case. */
    private static final byte[] UPPER_COMPLEMENT = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            byte u = (byte) (c >= 'a' && c <= 'z' ? c - 32 : c);
            UPPER[c] = u;
            UPPER_COMPLEMENT[c] = (byte) AminoAcids.reverseComplement(String.valueOf((char) u)).charAt(0);
        }
    }
}
