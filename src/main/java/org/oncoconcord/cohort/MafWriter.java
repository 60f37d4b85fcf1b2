package org.oncoconcord.cohort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncoconcord.annotate.Allele;
import org.oncoconcord.annotate.Consequence;
import org.oncoconcord.annotate.MafClassification;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.VariantsTsv;
import org.oncoconcord.core.UserException;

/**
 * The cohort MAF export: {@code cohort.maf} (GDC/vcf2maf columns, one row per variant per sample
 * where it is present), a MesKit clinical file and a long variant table (one row per patient,
 * sample and variant), from each patient's concordance JSON (sample labels and types) and
 * variants.tsv (with its consequence columns).
 */
public final class MafWriter {
    /** The MAF columns written (GDC MAF specification names, in its order, then vcf2maf extras). */
    public static final List<String> MAF_COLUMNS = List.of("Hugo_Symbol", "Entrez_Gene_Id", "Center", "NCBI_Build",
            "Chromosome", "Start_Position", "End_Position", "Strand", "Variant_Classification", "Variant_Type",
            "Reference_Allele", "Tumor_Seq_Allele1", "Tumor_Seq_Allele2", "Tumor_Sample_Barcode",
            "Matched_Norm_Sample_Barcode", "HGVSc", "HGVSp_Short", "t_depth", "t_ref_count", "t_alt_count",
            "Consequence", "IMPACT", "Patient_ID", "Tumor_ID", "Counted");
    private static final Pattern BUILD = Pattern.compile("GRCh3[78]");

    private MafWriter() {
    }

    /** The three file names, in the order of {@link #files}. */
    public static final String MAF = "cohort.maf", CLINICAL = "cohort.meskit_clinical.tsv", LONG = "cohort.variants_long.tsv";

    /** {@code cohort.maf}, {@code cohort.meskit_clinical.tsv} and {@code cohort.variants_long.tsv} as texts (small cohorts, tests). */
    public static Map<String, String> files(List<PatientConcordance> patients) {
        StringBuilder maf = new StringBuilder(), clinical = new StringBuilder(), longTable = new StringBuilder();
        try {
            Streams out = new Streams(maf, clinical, longTable);
            for (PatientConcordance p : patients) {
                if (p.variants() != null) {
                    out.add(p.patient(), p.json(), p.variants());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(MAF, maf.toString());
        out.put(CLINICAL, clinical.toString());
        out.put(LONG, longTable.toString());
        return out;
    }

    /**
     * The three tables written as they are made, patient after patient (memory bounded by one patient's
     * variants, whatever the cohort's size): the headers when opened, then {@link #add} per patient.
     */
    public static final class Streams {
        private final Appendable maf, clinical, longTable;

        public Streams(Appendable maf, Appendable clinical, Appendable longTable) throws java.io.IOException {
            this.maf = maf.append("#version 2.4\n").append(String.join("\t", MAF_COLUMNS)).append('\n');
            this.clinical = clinical.append("Tumor_Sample_Barcode\tPatient_ID\tTumor_ID\tTumor_Sample_Label\n");
            this.longTable = longTable.append("patient\tsample\ttype\tchrom\tpos\tref\talt\tgene\tclass\tconsequence"
                    + "\timpact\thgvsc\thgvsp_short\tcounted\tpresent\tvaf\tdepth\tevaluable\n");
        }

        /** One patient's rows: its samples (clinical file) and every variant of its variants.tsv. */
        public void add(String patient, ConcordanceJson json, VariantsTsv variants) throws java.io.IOException {
            MafWriter.add(patient, json, variants, maf, clinical, longTable);
        }
    }

    private static void add(String patient, ConcordanceJson json, VariantsTsv variants, Appendable maf, Appendable clinical,
                            Appendable longTable) throws java.io.IOException {
        Map<String, String> types = new LinkedHashMap<>();
        for (ConcordanceJson.Sample s : json.samples()) {
            types.put(s.label(), s.type());
        }
        Matcher m = BUILD.matcher(json.annotation() == null ? "" : json.annotation());
        String build = m.find() ? m.group() : "";
        Map<String, String> barcode = new LinkedHashMap<>();
        for (var e : types.entrySet()) {
            String bc = e.getKey().startsWith(patient) ? e.getKey() : patient + "_" + e.getKey();
            barcode.put(e.getKey(), bc);
            clinical.append(bc).append('\t').append(patient).append('\t').append(e.getValue()).append('\t')
                    .append(e.getKey()).append('\n');
        }
        for (VariantsTsv.Row r : variants.rows()) {
            try {
                addRow(patient, r, types, barcode, build, maf, longTable);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new UserException(variants.file() + ": cannot read for the MAF export: " + r.key() + ": " + e.getMessage());
            }
        }
    }

    private static void addRow(String patient, VariantsTsv.Row r, Map<String, String> types, Map<String, String> barcode, String build,
                               Appendable maf, Appendable longTable) throws java.io.IOException {
        String none = VariantsTsv.MISSING;
        VariantsTsv.Annotation a = r.annotation();
        String consequence = a != null ? a.consequence() : none;
        String impact = a != null ? a.impact() : none;
        String hgvsc = a != null ? a.hgvsc() : none;
        String hgvsp = a != null ? a.hgvspShort() : none;
        String counted = a != null ? (a.counted() ? "1" : "0") : none;
        String pos = Long.toString(r.pos());
        Allele allele = Allele.fromVcf(r.chrom(), Math.toIntExact(r.pos()), r.ref(), r.alt());
        Consequence worst = consequence.equals(none) ? null : Consequence.ofTerm(consequence.split("&")[0]);
        String gene = r.gene().equals(none) ? "Unknown" : r.gene().split(",")[0];
        for (var e : types.entrySet()) {
            String label = e.getKey();
            VariantsTsv.Call c = r.calls().get(label);
            longTable.append(String.join("\t", patient, label, e.getValue(), r.chrom(), pos, r.ref(), r.alt(), r.gene(),
                    r.variantClass(), consequence, impact, hgvsc, hgvsp, counted, c.present() ? "1" : "0", c.vaf(), c.depth(),
                    c.evaluable() ? "1" : "0")).append('\n');
            if (c.present()) {
                maf.append(mafRow(allele, gene, build, worst, barcode.get(label), patient, e.getValue(), hgvsc, hgvsp,
                        c.depth(), c.vaf(), consequence, impact, counted)).append('\n');
            }
        }
    }

    private static String mafRow(Allele a, String gene, String build, Consequence worst, String barcode, String patient,
                                 String type, String hgvsc, String hgvsp, String depth, String vaf, String consequence,
                                 String impact, String counted) {
        int start = a.isInsertion() ? a.start() - 1 : a.start();
        int end = a.isInsertion() ? a.start() : a.end();
        String ref = a.ref().isEmpty() ? "-" : a.ref();
        String alt = a.alt().isEmpty() ? "-" : a.alt();
        String classification = worst == null ? "Targeted_Region" : MafClassification.of(worst, a);
        String tDepth = "";
        String tRef = "";
        String tAlt = "";
        if (!depth.equals(".")) {
            tDepth = depth;
            if (!vaf.equals(".")) {
                long d = Long.parseLong(depth);
                long alts = Math.round(Double.parseDouble(vaf) * d);
                tAlt = Long.toString(alts);
                tRef = Long.toString(d - alts);
            }
        }
        String hgvscCol = hgvsc.equals(".") ? "" : hgvsc.substring(hgvsc.indexOf(':') + 1);
        return String.join("\t", gene, "0", ".", build, a.chrom(), Integer.toString(start), Integer.toString(end), "+",
                classification, a.mafVariantType(), ref, ref, alt, barcode, "", hgvscCol, hgvsp.equals(".") ? "" : hgvsp,
                tDepth, tRef, tAlt, consequence.equals(".") ? "" : consequence, impact.equals(".") ? "" : impact,
                patient, type, counted);
    }
}
