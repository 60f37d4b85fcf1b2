package org.oncoconcord.annotate;

import java.util.List;
import java.util.StringJoiner;

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
        Transcript t = a.transcript();
        StringJoiner j = new StringJoiner("|");
        j.add(vepAllele(a.allele()));
        j.add(a.consequenceTerms());
        j.add(a.impact().name());
        j.add(t == null ? "" : escape(t.gene()));
        j.add(t == null ? "" : escape(t.ensemblId()));
        j.add(t == null ? "" : "Transcript");
        j.add(t == null ? "" : escape(t.id()));
        j.add(t == null ? "" : "protein_coding");
        j.add(a.exon());
        j.add(a.intron());
        j.add(escape(a.hgvsc()));
        j.add(escape(a.hgvsp()));
        j.add(a.cdnaPosition());
        j.add(a.cdsPosition());
        j.add(a.proteinPosition());
        j.add(escape(a.aminoAcids()));
        j.add(a.codons());
        j.add(a.distance() < 0 ? "" : Integer.toString(a.distance()));
        j.add(t == null ? "" : t.plus() ? "1" : "-1");
        j.add(t == null ? "" : "YES");
        j.add(t == null ? "" : escape(t.id()));
        j.add(escape(a.hgvspShort()));
        j.add(variantClass(a.allele()));
        return j.toString();
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
        return value.replace("%", "%25").replace(",", "%2C").replace(";", "%3B").replace("=", "%3D")
                .replace("|", "%7C").replace(" ", "%20");
    }
}
