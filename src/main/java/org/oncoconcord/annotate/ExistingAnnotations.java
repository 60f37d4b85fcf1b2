package org.oncoconcord.annotate;

import htsjdk.variant.vcf.VCFHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Consequence annotations a VCF may already carry: VEP {@code CSQ}, SnpEff {@code ANN}, Funcotator
 * {@code FUNCOTATION}; parsed into {@link Entry} values (one per transcript) by the field names
 * their header declares, so gene status can use them instead of recomputing.
 */
public final class ExistingAnnotations {
    /** INFO keys of known annotators, in order of preference. */
    public static final List<String> KEYS = List.of("CSQ", "ANN", "FUNCOTATION");

    /** Funcotator's variantClassification values as VEP terms (SPLICE_SITE: Funcotator does not say donor or acceptor). */
    private static final Map<String, Consequence> FUNCOTATOR = Map.ofEntries(
            Map.entry("MISSENSE", Consequence.MISSENSE_VARIANT), Map.entry("NONSENSE", Consequence.STOP_GAINED),
            Map.entry("NONSTOP", Consequence.STOP_LOST), Map.entry("SILENT", Consequence.SYNONYMOUS_VARIANT),
            Map.entry("SPLICE_SITE", Consequence.SPLICE_DONOR_VARIANT), Map.entry("IN_FRAME_DEL", Consequence.INFRAME_DELETION),
            Map.entry("IN_FRAME_INS", Consequence.INFRAME_INSERTION), Map.entry("FRAME_SHIFT_INS", Consequence.FRAMESHIFT_VARIANT),
            Map.entry("FRAME_SHIFT_DEL", Consequence.FRAMESHIFT_VARIANT), Map.entry("START_CODON_SNP", Consequence.START_LOST),
            Map.entry("START_CODON_INS", Consequence.START_LOST), Map.entry("START_CODON_DEL", Consequence.START_LOST),
            Map.entry("DE_NOVO_START_IN_FRAME", Consequence.FIVE_PRIME_UTR_VARIANT),
            Map.entry("DE_NOVO_START_OUT_FRAME", Consequence.FIVE_PRIME_UTR_VARIANT),
            Map.entry("FIVE_PRIME_UTR", Consequence.FIVE_PRIME_UTR_VARIANT), Map.entry("THREE_PRIME_UTR", Consequence.THREE_PRIME_UTR_VARIANT),
            Map.entry("FIVE_PRIME_FLANK", Consequence.UPSTREAM_GENE_VARIANT), Map.entry("THREE_PRIME_FLANK", Consequence.DOWNSTREAM_GENE_VARIANT),
            Map.entry("INTRON", Consequence.INTRON_VARIANT), Map.entry("LINCRNA", Consequence.NON_CODING_TRANSCRIPT_EXON_VARIANT),
            Map.entry("RNA", Consequence.NON_CODING_TRANSCRIPT_EXON_VARIANT), Map.entry("IGR", Consequence.INTERGENIC_VARIANT));

    /** SnpEff terms outside VEP's vocabulary. */
    private static final Map<String, Consequence> SNPEFF = Map.of(
            "conservative_inframe_deletion", Consequence.INFRAME_DELETION, "disruptive_inframe_deletion", Consequence.INFRAME_DELETION,
            "conservative_inframe_insertion", Consequence.INFRAME_INSERTION, "disruptive_inframe_insertion", Consequence.INFRAME_INSERTION,
            "exon_loss_variant", Consequence.TRANSCRIPT_ABLATION, "intergenic_region", Consequence.INTERGENIC_VARIANT,
            "initiator_codon_variant", Consequence.START_RETAINED_VARIANT,
            "5_prime_UTR_premature_start_codon_gain_variant", Consequence.FIVE_PRIME_UTR_VARIANT);

    private ExistingAnnotations() {
    }

    /**
     * One transcript's annotation as the tool wrote it.
     *
     * @param gene         gene symbol
     * @param transcript   transcript id ({@code ""} when none)
     * @param consequences VEP terms, most severe first (terms we do not know are left out)
     * @param impact       the tool's IMPACT, or that of the most severe term (null when neither)
     * @param hgvsc        HGVSc without the transcript prefix ({@code ""} when none)
     * @param hgvspShort   one-letter protein change ({@code p.G12D}; {@code ""} when none)
     * @param canonical    flagged MANE Select / canonical by the tool
     */
    public record Entry(String gene, String transcript, List<Consequence> consequences, Impact impact, String hgvsc,
                        String hgvspShort, boolean canonical) {
        /** HIGH or MODERATE impact: what gene status counts by default. */
        public boolean proteinAltering() {
            return impact == Impact.HIGH || impact == Impact.MODERATE;
        }
    }

    /**
     * The annotation a VCF header declares: its INFO key and field names.
     *
     * @param key    {@code CSQ}, {@code ANN} or {@code FUNCOTATION}
     * @param fields the field names of its header description
     */
    public record Source(String key, List<String> fields) {
        public Source {
            fields = List.copyOf(fields);
        }

        /**
         * The first known annotation the header declares, or null when none.
         *
         * @throws IllegalArgumentException when its description names no fields
         */
        public static Source of(VCFHeader header) {
            String key = keyOf(header);
            return key == null ? null : new Source(key, fieldNames(key, header.getInfoHeaderLine(key).getDescription()));
        }
    }

    /**
     * One ALT allele's raw annotation value as a record carries it, parsed only when asked.
     *
     * @param value      the INFO value of {@link Source#key()}
     * @param recordRef  the record's REF
     * @param recordAlts the record's ALT column (comma-separated)
     * @param altIndex   which ALT (0-based)
     */
    public record Raw(Source source, String value, String recordRef, String recordAlts, int altIndex) {
        /** The entries of this ALT ({@link #parse}). */
        public List<Entry> entries() {
            String[] alts = recordAlts.split(",");
            return parse(source.key(), source.fields(), value, recordRef, alts, altIndex);
        }
    }

    /** The first known annotation key the header declares, or null. */
    public static String keyOf(VCFHeader header) {
        for (String k : KEYS) {
            if (header.hasInfoLine(k)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The field names a header description declares: after {@code Format:} (VEP), between quotes
     * (SnpEff {@code 'Allele | Annotation | ...'}) or after {@code fields are:} (Funcotator).
     *
     * @throws IllegalArgumentException when the description names no fields
     */
    public static List<String> fieldNames(String key, String description) {
        String d = description;
        int at = d.indexOf("Format:");
        if (at >= 0) {
            d = d.substring(at + "Format:".length());
        } else if ((at = d.indexOf("fields are:")) >= 0) {
            d = d.substring(at + "fields are:".length());
        } else if ((at = d.indexOf('\'')) >= 0 && d.lastIndexOf('\'') > at) {
            d = d.substring(at + 1, d.lastIndexOf('\''));
        } else {
            throw new IllegalArgumentException("INFO/" + key + " header description names no fields ('Format: A|B|...'): " + description);
        }
        List<String> names = Arrays.stream(d.trim().replaceAll("[\"']+$", "").split("\\|")).map(String::trim).toList();
        if (names.size() < 2) {
            throw new IllegalArgumentException("INFO/" + key + " header description names no fields ('Format: A|B|...'): " + description);
        }
        return names;
    }

    /**
     * The entries of one ALT allele in an INFO value. CSQ/ANN: comma-separated entries whose
     * {@code Allele} field matches the ALT (VEP: without the base shared with REF, {@code -} for a
     * deletion; SnpEff: the ALT); FUNCOTATION: the {@code altIndex}-th comma-separated
     * {@code [..]} group, transcripts joined by {@code #}.
     */
    public static List<Entry> parse(String key, List<String> fields, String value, String ref, String alt, int altIndex) {
        return parse(key, fields, value, ref, new String[] {alt}, 0, altIndex);
    }

    /**
     * As {@link #parse(String, List, String, String, String, int)} for ALT {@code altIndex} of a
     * record with ALTs {@code alts}: VEP's allele string follows the whole record (the shared first
     * base is dropped only when every allele has it and their lengths differ).
     */
    public static List<Entry> parse(String key, List<String> fields, String value, String ref, String[] alts, int altIndex) {
        return parse(key, fields, value, ref, alts, altIndex, altIndex);
    }

    private static List<Entry> parse(String key, List<String> fields, String value, String ref, String[] alts, int which,
                                     int altIndex) {
        String alt = alts[which];
        List<Entry> out = new ArrayList<>();
        if (value == null || value.isEmpty() || value.equals(".")) {
            return out;
        }
        switch (key) {
            case "CSQ" -> {
                String allele = vepAllele(ref, alts, which);
                for (String e : value.split(",")) {
                    String[] f = e.split("\\|", -1);
                    if (get(fields, f, "Allele").equals(allele)) {
                        out.add(vep(fields, f));
                    }
                }
            }
            case "ANN" -> {
                for (String e : value.split(",")) {
                    String[] f = e.split("\\|", -1);
                    if (f.length > 1 && f[0].trim().equals(alt)) {
                        out.add(snpEff(f));
                    }
                }
            }
            case "FUNCOTATION" -> {
                String[] perAllele = value.split(",");
                if (altIndex >= perAllele.length) {
                    throw new IllegalArgumentException("INFO/FUNCOTATION has " + perAllele.length + " allele group(s), ALT " + (altIndex + 1) + " has none");
                }
                String group = perAllele[altIndex].trim().replaceAll("^\\[|\\]$", "");
                for (String e : group.split("#")) {
                    String[] f = e.replaceAll("^\\[|\\]$", "").split("\\|", -1);
                    out.add(funcotator(fields, f));
                }
            }
            default -> throw new IllegalArgumentException("unknown annotation key " + key);
        }
        return out;
    }

    /**
     * The entry that stands for {@code gene}: the tool's MANE/canonical one, else the one on
     * {@code preferredTranscript} (our MANE id, version ignored), else the gene's first (tools list
     * the most severe first); null when the allele has no entry for the gene.
     */
    public static Entry pick(List<Entry> entries, String gene, String preferredTranscript) {
        Entry first = null;
        Entry preferred = null;
        for (Entry e : entries) {
            if (!e.gene().equals(gene)) {
                continue;
            }
            if (e.canonical()) {
                return e;
            }
            if (preferredTranscript != null && !e.transcript().isEmpty()
                    && unversioned(e.transcript()).equals(unversioned(preferredTranscript)) && preferred == null) {
                preferred = e;
            }
            if (first == null) {
                first = e;
            }
        }
        return preferred != null ? preferred : first;
    }

    /** VEP's allele string of ALT {@code i} of a record: {@link #vepAllele(String, String)} over all its alleles. */
    static String vepAllele(String ref, String[] alts, int i) {
        if (alts.length == 1) {
            return vepAllele(ref, alts[0]);
        }
        boolean shared = !ref.isEmpty();
        boolean lengthsDiffer = false;
        for (String a : alts) {
            shared &= !a.isEmpty() && a.charAt(0) == ref.charAt(0);
            lengthsDiffer |= a.length() != ref.length();
        }
        if (shared && lengthsDiffer) {
            String a = alts[i].substring(1);
            return a.isEmpty() ? "-" : a;
        }
        return alts[i];
    }

    /** VEP's allele string: without the first base when REF and ALT share it, {@code -} when nothing is left. */
    static String vepAllele(String ref, String alt) {
        if (ref.length() != alt.length() && !ref.isEmpty() && !alt.isEmpty() && ref.charAt(0) == alt.charAt(0)) {
            String a = alt.substring(1);
            return a.isEmpty() ? "-" : a;
        }
        return alt;
    }

    private static Entry vep(List<String> fields, String[] f) {
        List<Consequence> terms = terms(get(fields, f, "Consequence"), Map.of());
        boolean canonical = !get(fields, f, "MANE_SELECT").isEmpty() || !get(fields, f, "MANE").isEmpty()
                || get(fields, f, "CANONICAL").equalsIgnoreCase("YES");
        String hgvsp = decode(get(fields, f, "HGVSp"));
        String shortP = get(fields, f, "HGVSp_Short");
        return new Entry(get(fields, f, "SYMBOL"), get(fields, f, "Feature"), terms, impact(get(fields, f, "IMPACT"), terms),
                stripPrefix(get(fields, f, "HGVSc")), !shortP.isEmpty() ? shortP : hgvsp.isEmpty() ? "" : AminoAcids.shortForm(hgvsp), canonical);
    }

    private static Entry snpEff(String[] f) {
        List<Consequence> terms = terms(at(f, 1), SNPEFF);
        String hgvsp = at(f, 10);
        return new Entry(at(f, 3), at(f, 6), terms, impact(at(f, 2), terms), at(f, 9), hgvsp.isEmpty() ? "" : AminoAcids.shortForm(hgvsp), false);
    }

    private static Entry funcotator(List<String> fields, String[] f) {
        Consequence c = FUNCOTATOR.get(decode(field(fields, f, "variantClassification")).toUpperCase(Locale.ROOT));
        List<Consequence> terms = c == null ? List.of() : List.of(c);
        String p = decode(field(fields, f, "proteinChange"));
        return new Entry(decode(field(fields, f, "hugoSymbol")), decode(field(fields, f, "annotationTranscript")), terms,
                impact("", terms), decode(field(fields, f, "cDnaChange")), p.contains("[") ? "" : p, false);
    }

    private static List<Consequence> terms(String joined, Map<String, Consequence> extra) {
        List<Consequence> out = new ArrayList<>();
        for (String t : joined.split("&")) {
            Consequence c = Consequence.ofTerm(t.trim());
            c = c != null ? c : extra.get(t.trim());
            if (c != null && !out.contains(c)) {
                out.add(c);
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    private static Impact impact(String given, List<Consequence> terms) {
        try {
            return Impact.valueOf(given.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return terms.isEmpty() ? null : terms.get(0).impact();
        }
    }

    /** A field by its exact name; {@code ""} when the header has no such field or the entry is short. */
    private static String get(List<String> fields, String[] f, String name) {
        int i = fields.indexOf(name);
        return i < 0 ? "" : at(f, i);
    }

    /** Funcotator field by its suffix ({@code Gencode_34_hugoSymbol} for {@code hugoSymbol}). */
    private static String field(List<String> fields, String[] f, String suffix) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).endsWith("_" + suffix) || fields.get(i).equals(suffix)) {
                return at(f, i);
            }
        }
        return "";
    }

    private static String at(String[] f, int i) {
        return i < f.length ? f[i].trim() : "";
    }

    private static String stripPrefix(String hgvs) {
        return hgvs.substring(hgvs.indexOf(':') + 1);
    }

    /** Undoes VEP's {@code %3D} and Funcotator's {@code _%2C_}-style escapes. */
    private static String decode(String s) {
        return s.replace("_%2C_", ",").replace("_%3D_", "=").replace("_%3B_", ";").replace("_%7C_", "|").replace("_%20_", " ")
                .replace("%3D", "=").replace("%2C", ",").replace("%3B", ";");
    }

    private static String unversioned(String id) {
        int dot = id.lastIndexOf('.');
        return dot > 0 ? id.substring(0, dot) : id;
    }
}
