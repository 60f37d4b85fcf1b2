package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.Proportion;

/**
 * Plasma against tissue, patient level, per gene and for RAS / BRAF V600E: PPA over all calls and over
 * informative calls ({@link PlasmaInformative}) and NPA, overall and by the plasma sample's tumour-fraction
 * bin (the concordance step's {@code plasma.tumour_fraction.bin}: {@code <1%}, {@code 1-5%}, {@code >5%};
 * {@code unknown} without an estimate). From oncoprint.tsv: tissue-positive = the primary or the
 * metastasis mutated; tissue-negative = neither mutated and at least one of them evaluable (0); plasma
 * evaluable = 0 or 1. Overall, the counts are the 2x2 cells of gene_concordance.tsv (tissue_vs_plasma).
 */
final class PlasmaAgreement {
    /** The tumour-fraction bins in display order; "all" is every patient. */
    static final List<String> BINS = List.of("all", "<1%", "1-5%", ">5%", "unknown");

    private PlasmaAgreement() {
    }

    /** One feature in one bin: the positive side (found / missed by label) and the negative side. */
    record Row(String feature, String bin, int found, int missedInformative, int missedNotInformative, int missedUnlabelled,
               int negativeAgree, int negativePlasmaOnly) {
        int tissuePositive() {
            return found + missedInformative + missedNotInformative + missedUnlabelled;
        }

        int tissueNegative() {
            return negativeAgree + negativePlasmaOnly;
        }

        Proportion ppaAll() {
            return Proportion.wilson(found, tissuePositive());
        }

        /** Found / (found + informative and unlabelled misses). */
        Proportion ppaInformative() {
            return Proportion.wilson(found, found + missedInformative + missedUnlabelled);
        }

        Proportion npa() {
            return Proportion.wilson(negativeAgree, tissueNegative());
        }
    }

    /** The tumour-fraction bin of a patient's plasma ({@code unknown} without a label). */
    static String bin(PatientJsons.Patient p) {
        if (p == null || p.detection().isEmpty()) {
            return "unknown";
        }
        String b = p.detection().get(0).bin();
        return BINS.contains(b) && !b.equals("all") ? b : "unknown";
    }

    /** Per feature (in the given order) and bin, the rows with any evaluable patient. */
    static List<Row> rows(Tsv oncoprint, PatientJsons jsons, List<String> features) {
        Map<String, PatientJsons.Patient> byId = new HashMap<>();
        jsons.patients().forEach(p -> byId.put(p.patient(), p));
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String f : features) {
            for (String b : BINS) {
                counts.put(f + "\t" + b, new int[6]);
            }
        }
        for (Map<String, String> r : oncoprint.rows()) {
            String f = r.get("gene"), plasma = r.get("plasma");
            if (!counts.containsKey(f + "\tall") || !("0".equals(plasma) || "1".equals(plasma))) {
                continue;
            }
            String p = r.get("primary"), m = r.get("metastasis");
            boolean positive = "1".equals(p) || "1".equals(m), negative = !positive && ("0".equals(p) || "0".equals(m));
            int cell;
            if (positive) {
                cell = "1".equals(plasma) ? 0 : switch (PlasmaInformative.miss(byId.get(r.get("patient")), f)) {
                    case INFORMATIVE -> 1;
                    case NOT_INFORMATIVE -> 2;
                    case UNLABELLED -> 3;
                };
            } else if (negative) {
                cell = "0".equals(plasma) ? 4 : 5;
            } else {
                continue;
            }
            counts.get(f + "\tall")[cell]++;
            counts.get(f + "\t" + bin(byId.get(r.get("patient"))))[cell]++;
        }
        List<Row> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (c[0] + c[1] + c[2] + c[3] + c[4] + c[5] > 0) {
                String[] fb = k.split("\t");
                out.add(new Row(fb[0], fb[1], c[0], c[1], c[2], c[3], c[4], c[5]));
            }
        });
        return out;
    }

    /** The table: one row per feature and bin, RAS and BRAF V600E first. */
    static String html(Tsv oncoprint, PatientJsons jsons, List<String> features) {
        List<List<String>> rows = new ArrayList<>();
        for (Row r : rows(oncoprint, jsons, features)) {
            rows.add(List.of(SummarySection.label(r.feature()), r.bin().equals("all") ? "all plasma" : "TF " + r.bin(),
                    String.valueOf(r.tissuePositive()), SummarySection.proportionCell(r.ppaAll()), SummarySection.proportionCell(r.ppaInformative()),
                    String.valueOf(r.missedNotInformative()), String.valueOf(r.tissueNegative()), SummarySection.proportionCell(r.npa())));
        }
        if (rows.isEmpty()) {
            return Html.note("No patient has plasma and tissue evaluable for a gene: no PPA / NPA.");
        }
        return Html.table(List.of("Gene / status", "Patients", "Tissue+", "PPA, all calls", "PPA, informative calls", "Misses not informative",
                "Tissue\u2212", "NPA"), rows) + Html.note("Patient level; reference = tissue (primary or metastasis mutated). Tumour-fraction "
                + "bin of the patient's plasma sample (maximum-likelihood estimate of the concordance step; unknown: no estimate). "
                + "Wilson 95% intervals. " + PlasmaInformative.rule(jsons).describe());
    }
}
