package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code logrank.json} of {@code survival km}: log-rank and Peto-Peto tests between the groups. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LogrankJson(String test, Double chi2, int df, Double p, List<String> groups, List<Double> observed, List<Double> expected,
                          TestResult petoPeto, int n, int events, int droppedMissing, String group, @JsonInclude(JsonInclude.Include.ALWAYS) LandmarkCounts landmark,
                          @JsonInclude(JsonInclude.Include.ALWAYS) List<String> strata, Integer cause, List<String> warnings, SurvivalAnalysis analysis) {
}
