package org.oncoconcord.clonality;

import java.util.List;
import java.util.Locale;

/**
 * A MesKit-ready CCF table ({@code readMaf(ccfFile = ...)}): {@code Patient_ID Tumor_Sample_Barcode
 * Chromosome Start_Position Reference_Allele Tumor_Seq_Allele2 CCF CCF_CI_High} (MesKit joins on the
 * first four, or all six with {@code use.indel.ccf = TRUE}, and calls a variant clonal from
 * {@code CCF_CI_High}), plus {@code CCF_CI_Low Clonal_Status MesKit_Class}, which MesKit ignores.
 * Positions and alleles are given as in the MAF the table goes with (SNVs: as in the VCF).
 */
public final class MesKitCcfTable {
    /** One variant in one tumour sample. */
    public record Row(String patient, String sample, String chromosome, int startPosition, String ref, String alt, Ccf ccf,
                      MesKitClass mesKitClass) {
    }

    public static final String HEADER = "Patient_ID\tTumor_Sample_Barcode\tChromosome\tStart_Position\tReference_Allele"
            + "\tTumor_Seq_Allele2\tCCF\tCCF_CI_High\tCCF_CI_Low\tClonal_Status\tMesKit_Class";

    private MesKitCcfTable() {
    }

    public static String format(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(String.join("\t", r.patient(), r.sample(), r.chromosome(), Integer.toString(r.startPosition()), r.ref(), r.alt(),
                    String.format(Locale.ROOT, "%.4f", r.ccf().ccf()), String.format(Locale.ROOT, "%.4f", r.ccf().upper()),
                    String.format(Locale.ROOT, "%.4f", r.ccf().lower()), r.ccf().clonal() ? "Clonal" : "Subclonal",
                    r.mesKitClass().name())).append('\n');
        }
        return sb.toString();
    }
}
