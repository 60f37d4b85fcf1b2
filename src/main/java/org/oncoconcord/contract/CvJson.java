package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** {@code cv.json} of {@code survival cv}: cross-validated accuracy at the horizon. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CvJson(double horizon, int folds, int repeats, long seed, String model, int n, Integer cause, int events,
                     int droppedMissing, List<String> covariates, @JsonInclude(JsonInclude.Include.ALWAYS) LandmarkCounts landmark, int eventsByHorizon,
                     int censoredBeforeHorizon, int unpredicted, String pooling, CvSummary tdAuc, CvSummary unoC, CvSummary brier,
                     CvSummary brierNull, CvSummary scaledBrier, CvSummary calibrationSlope, CvSummary ici,
                     Map<String, CvSummary> metrics, @JsonInclude(JsonInclude.Include.ALWAYS) HeldOut heldOut, SurvivalAnalysis analysis) {

    /** Mean and sd across repeats of one measure, and its value per repeat. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CvSummary(Double mean, Double sd, List<Double> perRepeat) {
    }

    /** The held-out test set ({@code --test-fraction}): the final model's accuracy on it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HeldOut(double fraction, int n, int events, int unpredicted, Double tdAuc, Double unoC, Double brier, Double brierNull,
                          Double scaledBrier, Double calibrationSlope, Double ici) {
    }
}
