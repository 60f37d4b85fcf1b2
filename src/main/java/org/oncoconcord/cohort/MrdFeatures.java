package org.oncoconcord.cohort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.PlasmaTimepoint;

/**
 * Molecular residual disease from serial plasma (docs/PLASMA.md "Serial plasma"), for features.tsv:
 * {@code ctdna_postop_detected} (1 when a post-operative draw shows tumour signal, 0 when there are
 * post-operative draws and none does, NA without one) and {@code ctdna_postop_days} (the day that
 * value became known, on the clinical follow-up scale: the first positive post-operative draw, else
 * the last negative one). A draw is post-operative when labelled {@code post-op}, or when it has no
 * recognised label other than free text, a {@code collection_day} above 0, and was drawn before a
 * recorded recurrence ({@code rfs_event} 1 at {@code rfs_days}); {@code baseline} and {@code relapse}
 * draws never are. Days: {@code surgery_days + collection_day} (follow-up counted from diagnosis,
 * as the report's swimmer plot), {@code collection_day} when {@code surgery_days} is unknown.
 */
public final class MrdFeatures {
    /** features.tsv columns. */
    public static final String DETECTED = "ctdna_postop_detected";
    public static final String DAYS = "ctdna_postop_days";

    private MrdFeatures() {
    }

    /**
     * A patient's MRD status.
     *
     * @param detected 1/0, null when the patient has no post-operative draw
     * @param day      follow-up day the status became known, null when unknown
     */
    public record Mrd(Boolean detected, Double day) {
        static final Mrd UNKNOWN = new Mrd(null, null);
    }

    /**
     * @param surgeryDays   clinical {@code surgery_days} (null: unknown, surgery at day 0 of follow-up)
     * @param recurrenceDay clinical {@code rfs_days} when {@code rfs_event} is 1, else null
     */
    public static Mrd of(List<PlasmaDraws.Draw> draws, Double surgeryDays, Double recurrenceDay) {
        double offset = surgeryDays == null ? 0 : surgeryDays;
        boolean any = false;
        Double firstPositive = null;
        boolean positive = false;
        Double lastNegative = null;
        boolean negativeDayUnknown = false;
        for (PlasmaDraws.Draw d : draws) {
            Double day = d.collectionDay() == null ? null : offset + d.collectionDay();
            if (!postOperative(d, day, recurrenceDay)) {
                continue;
            }
            any = true;
            if (d.tumourSignal()) {
                if (!positive || (day != null && (firstPositive == null || day < firstPositive))) {
                    firstPositive = day;
                }
                positive = true;
            } else if (day == null) {
                negativeDayUnknown = true;
            } else if (lastNegative == null || day > lastNegative) {
                lastNegative = day;
            }
        }
        if (!any) {
            return Mrd.UNKNOWN;
        }
        if (positive) {
            return new Mrd(true, firstPositive);
        }
        return new Mrd(false, negativeDayUnknown ? null : lastNegative);
    }

    private static boolean postOperative(PlasmaDraws.Draw d, Double day, Double recurrenceDay) {
        if (d.kind() == PlasmaTimepoint.POST_OP) {
            return true;
        }
        if (d.kind() == PlasmaTimepoint.BASELINE || d.kind() == PlasmaTimepoint.RELAPSE) {
            return false;
        }
        return d.collectionDay() != null && d.collectionDay() > 0 && (recurrenceDay == null || day < recurrenceDay);
    }

    /** Every plasma patient's status, with {@code surgery_days}, {@code rfs_days} and {@code rfs_event} from the clinical table. */
    public static Map<String, Mrd> all(PlasmaDraws.Cohort cohort, ClinicalTable clinical) {
        Map<String, Mrd> out = new LinkedHashMap<>();
        cohort.byPatient().forEach((patient, draws) -> {
            Double rfsEvent = number(clinical.value(patient, "rfs_event"));
            Double recurrence = rfsEvent != null && rfsEvent == 1 ? number(clinical.value(patient, "rfs_days")) : null;
            out.put(patient, of(draws, number(clinical.value(patient, "surgery_days")), recurrence));
        });
        return out;
    }

    /** A clinical cell as a number; null when missing or not a finite number (validate reports those). */
    private static Double number(String cell) {
        if (cell == null || cell.isBlank() || cell.trim().equalsIgnoreCase("NA")) {
            return null;
        }
        try {
            double d = Double.parseDouble(cell.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
