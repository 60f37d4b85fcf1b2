package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.List;
import org.oncoconcord.core.UserException;

/**
 * A landmark analysis (Anderson, Cain and Gelber 1983): for covariates only known at a per-patient
 * time (e.g. mutations new in the metastasis, known when the metastasis is found), keep the
 * patients with a known landmark time who are still at risk then ({@code time > landmark}) and
 * measure follow-up from the landmark ({@code time - landmark}). Rows whose follow-up time is
 * missing are kept, to be counted with the other missing values. Every dropped row is counted
 * by reason.
 *
 * @param column          the landmark time column
 * @param rowsRead        rows of the table
 * @param missingLandmark rows dropped: landmark time missing
 * @param notAtRisk       rows dropped: event or censoring at or before the landmark ({@code time <= landmark})
 * @param notAtRiskEvents of those, the rows whose event (1) came at or before the landmark
 */
public record Landmark(String column, int rowsRead, int missingLandmark, int notAtRisk, int notAtRiskEvents) {

    /** The landmark table (rows kept, time shifted) and the counts. */
    public record Applied(DataTable table, Landmark counts) {
    }

    /** Rows dropped by the landmark. */
    public int dropped() {
        return missingLandmark + notAtRisk;
    }

    /** Rows kept (at risk at the landmark, or with a missing follow-up time). */
    public int kept() {
        return rowsRead - dropped();
    }

    /**
     * Applies the landmark to a table: keeps the rows with a landmark value and {@code time >
     * landmark}, with {@code time} replaced by {@code time - landmark}.
     *
     * @throws UserException naming the file and line for a negative landmark time
     */
    public static Applied apply(DataTable t, String timeCol, String eventCol, String landmarkCol) {
        t.column(landmarkCol);
        t.column(timeCol);
        List<Integer> keep = new ArrayList<>();
        List<String> shifted = new ArrayList<>();
        int missing = 0;
        int notAtRisk = 0;
        int notAtRiskEvents = 0;
        for (int i = 0; i < t.rows(); i++) {
            double lm = t.number(landmarkCol, i);
            if (Double.isNaN(lm)) {
                missing++;
                continue;
            }
            if (lm < 0) {
                throw new UserException(t.source() + " line " + t.line(i) + ": landmark column '" + landmarkCol + "' is negative (" + t.cell(landmarkCol, i) + ")");
            }
            double time = t.number(timeCol, i);
            if (Double.isNaN(time)) {
                keep.add(i);
                shifted.add(t.cell(timeCol, i));
                continue;
            }
            if (time <= lm) {
                notAtRisk++;
                if (eventCol != null && t.number(eventCol, i) == 1) {
                    notAtRiskEvents++;
                }
                continue;
            }
            keep.add(i);
            shifted.add(Output.num(time - lm));
        }
        DataTable sub = t.subset(keep.stream().mapToInt(Integer::intValue).toArray()).withColumn(timeCol, shifted);
        return new Applied(sub, new Landmark(landmarkCol, t.rows(), missing, notAtRisk, notAtRiskEvents));
    }

    /** The JSON form recorded in the outputs. */
    public org.oncoconcord.contract.LandmarkCounts toJson(String timeCol) {
        return new org.oncoconcord.contract.LandmarkCounts(column, timeCol + " - " + column + " (follow-up measured from the landmark)",
                rowsRead, missingLandmark, notAtRisk, notAtRiskEvents, kept(), "kept: " + column + " known and " + timeCol + " > " + column);
    }
}
