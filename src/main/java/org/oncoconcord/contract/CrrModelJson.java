package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code model.json} of {@code survival crr} (Fine-Gray); {@code events + competing_events + censored = n}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CrrModelJson(String method, int cause, int n, int events, int competingEvents, int censored, int droppedMissing,
                           List<String> covariates, @JsonInclude(JsonInclude.Include.ALWAYS) LandmarkCounts landmark, String censoringWeights, String ties, Double loglikNull,
                           Double loglik, TestResult pseudoLrTest, int iterations, boolean converged, double confLevel,
                           List<String> warnings, SurvivalAnalysis analysis) {
}
