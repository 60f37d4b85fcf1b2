package org.oncoconcord.annotate;

import java.util.List;

/** VEP-compatible {@code INFO/CSQ}: the field list of its {@code Format:} header and one entry per annotation. */
public final class Csq {
    /** The fields, in VEP's names (bcftools +split-vep and vcf2maf read them by name). */
    public static final List<String> FIELDS = List.of("Allele", "Consequence", "IMPACT", "SYMBOL", "Gene",
            "Feature_type", "Feature", "BIOTYPE", "EXON", "INTRON", "HGVSc", "HGVSp", "cDNA_position",
            "CDS_position", "Protein_position", "Amino_acids", "Codons", "DISTANCE", "STRAND", "CANONICAL",
            "MANE_SELECT", "HGVSp_Short", "VARIANT_CLASS");

    private Csq() {
    }

    /** The description of the {@code ##INFO=<ID=CSQ,...>} header line. */
    public static String headerDescription(String source) {
        return "Consequence annotations from oncoconcord annotate (" + source + "), VEP-compatible. Format: "
                + String.join("|", FIELDS);
    }

    /** VEP's Allele: the ALT without the bases shared with REF, {@code -} for a deletion. */
    public static String vepAllele(Allele a) {
        return a.alt().isEmpty() ? "-" : a.alt();
    }

    /** One CSQ entry (fields joined by {@code |}, values escaped as VEP does). */
    public static String entry(Annotation a) {
        StringBuilder b = new StringBuilder(128);
        append(b, a);
        return b.toString();
    }

    /** Appends the CSQ entry of {@code a} to {@code b} (as {@link #entry}, without intermediate strings). */
    public static void append(StringBuilder b, Annotation a) {
        Transcript t = a.transcript();
        b.append(vepAllele(a.allele())).append('|');
        List<Consequence> terms = a.consequences();
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                b.append('&');
            }
            b.append(terms.get(i).term());
        }
        b.append('|').append(a.impact().name()).append('|');
        if (t != null) {
            escaped(b, t.gene());
            b.append('|');
            escaped(b, t.ensemblId());
            b.append("|Transcript|");
            escaped(b, t.id());
            b.append("|protein_coding|");
        } else {
            b.append("|||||");
        }
        b.append(a.exon()).append('|').append(a.intron()).append('|');
        escaped(b, a.hgvsc());
        b.append('|');
        escaped(b, a.hgvsp());
        b.append('|').append(a.cdnaPosition()).append('|').append(a.cdsPosition()).append('|')
                .append(a.proteinPosition()).append('|');
        escaped(b, a.aminoAcids());
        b.append('|').append(a.codons()).append('|');
        if (a.distance() >= 0) {
            b.append(a.distance());
        }
        b.append('|');
        if (t != null) {
            b.append(t.plus() ? "1" : "-1").append("|YES|");
            escaped(b, t.id());
        } else {
            b.append("||");
        }
        b.append('|');
        escaped(b, a.hgvspShort());
        b.append('|').append(variantClass(a.allele()));
    }

    /** VEP's VARIANT_CLASS (SO term of the allele type). */
    static String variantClass(Allele a) {
        if (a.ref().length() == 1 && a.alt().length() == 1) {
            return "SNV";
        }
        if (a.ref().isEmpty()) {
            return "insertion";
        }
        if (a.alt().isEmpty()) {
            return "deletion";
        }
        return a.ref().length() == a.alt().length() ? "substitution" : "indel";
    }

    /** VEP's URI escaping of characters that VCF INFO values cannot hold. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(value.length() + 8);
        escaped(b, value);
        return b.toString();
    }

    /** Appends {@code value} (null: nothing) with VEP's escapes: {@code % , ; = | space} as {@code %XX}. */
    static void escaped(StringBuilder b, String value) {
        if (value == null) {
            return;
        }
        int n = value.length();
        int i = 0;
        while (i < n && !special(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            b.append(value);
            return;
        }
        b.append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case ',' -> b.append("%2C");
                case ';' -> b.append("%3B");
                case '=' -> b.append("%3D");
                case '|' -> b.append("%7C");
                case ' ' -> b.append("%20");
                default -> b.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '%' || c == ',' || c == ';' || c == '=' || c == '|' || c == ' ';
    }
}
