package org.oncoconcord.annotate;

/**
 * MAF Variant_Classification of an annotation, as vcf2maf derives it from the most severe VEP
 * consequence and the variant type (GDC MAF specification values).
 */
public final class MafClassification {
    private MafClassification() {
    }

    /** Variant_Classification, e.g. {@code Missense_Mutation}, {@code Frame_Shift_Del}, {@code Intron}. */
    public static String of(Annotation a) {
        return of(a.mostSevere(), a.allele());
    }

    /** Variant_Classification from the most severe consequence and the allele. */
    public static String of(Consequence mostSevere, Allele allele) {
        String type = allele.mafVariantType();
        boolean inframe = Math.floorMod(allele.alt().length() - allele.ref().length(), 3) == 0;
        return switch (mostSevere) {
            case TRANSCRIPT_ABLATION, SPLICE_ACCEPTOR_VARIANT, SPLICE_DONOR_VARIANT -> "Splice_Site";
            case STOP_GAINED -> "Nonsense_Mutation";
            case FRAMESHIFT_VARIANT -> type.equals("DEL") ? "Frame_Shift_Del" : type.equals("INS") ? "Frame_Shift_Ins" : "Targeted_Region";
            case STOP_LOST -> "Nonstop_Mutation";
            case START_LOST -> "Translation_Start_Site";
            case INFRAME_INSERTION, INFRAME_DELETION, PROTEIN_ALTERING_VARIANT ->
                    type.equals("DEL") && inframe ? "In_Frame_Del"
                    : type.equals("INS") && inframe ? "In_Frame_Ins"
                    : type.equals("DEL") ? "Frame_Shift_Del" : type.equals("INS") ? "Frame_Shift_Ins" : "Missense_Mutation";
            case MISSENSE_VARIANT, CODING_SEQUENCE_VARIANT -> "Missense_Mutation";
            case SPLICE_REGION_VARIANT -> "Splice_Region";
            case INCOMPLETE_TERMINAL_CODON_VARIANT, START_RETAINED_VARIANT, STOP_RETAINED_VARIANT, SYNONYMOUS_VARIANT -> "Silent";
            case FIVE_PRIME_UTR_VARIANT -> "5'UTR";
            case THREE_PRIME_UTR_VARIANT -> "3'UTR";
            case NON_CODING_TRANSCRIPT_EXON_VARIANT -> "RNA";
            case INTRON_VARIANT -> "Intron";
            case UPSTREAM_GENE_VARIANT -> "5'Flank";
            case DOWNSTREAM_GENE_VARIANT -> "3'Flank";
            case INTERGENIC_VARIANT -> "IGR";
        };
    }
}
