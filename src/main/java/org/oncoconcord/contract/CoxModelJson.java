package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** {@code model.json} of {@code survival cox} (partial likelihood or Firth) and of each {@code univariable} model. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CoxModelJson(int n, boolean countingProcess, int events, int droppedMissing, int rowsRead, List<String> covariates,
                           @JsonInclude(JsonInclude.Include.ALWAYS) LandmarkCounts landmark, String ties, String method, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> strata, Double loglikNull, Double loglik,
                           TestResult lrTest, TestResult waldTest, TestResult scoreTest, Concordance concordance, int iterations,
                           boolean converged, List<String> monotoneLikelihoodTerms, List<String> warnings, double confLevel,
                           Integer cause, SampleSizeCheck sampleSize,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String variance,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Robust robust,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<Nonlinearity> nonlinearity,
                           SurvivalAnalysis analysis) {

    /** Harrell's C and its se (null for counting-process data). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Concordance(Double c, Double se) {
    }

    /** The cluster-robust variance ({@code --cluster}): se, CIs, z, p and the Wald test use it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Robust(String cluster, int nClusters, Map<String, Double> naiveSe, String note) {
    }

    /** Wald test that the non-linear terms of a spline are all 0 (as rms::anova's Nonlinear row). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Nonlinearity(String column, Double chi2, int df, Double p) {
    }
}
