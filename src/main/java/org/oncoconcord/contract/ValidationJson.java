package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** {@code validation.json} of {@code survival validate}: TRIPOD internal validation at the horizon. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ValidationJson(double horizon, int n, Integer cause, int events, int droppedMissing, List<String> covariates,
                             @JsonInclude(JsonInclude.Include.ALWAYS) LandmarkCounts landmark, Bootstrap bootstrap, Map<String, Measure> measures,
                             CalibrationSmooth calibrationSmooth, SampleSizeCheck sampleSize, List<String> warnings,
                             SurvivalAnalysis analysis) {

    /** The resamples of Harrell's optimism correction. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Bootstrap(int resamples, int used, int failed, long seed, String method) {
    }

    /** One measure: apparent, mean optimism, its sd, Monte-Carlo se and the corrected value. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Measure(Double apparent, Double optimism, Double optimismSd, Double mcSe, Double corrected) {
    }

    /** Smoothed calibration at the horizon (Austin et al. 2020). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CalibrationSmooth(Double ici, Double e50, Double e90, String method) {
    }
}
