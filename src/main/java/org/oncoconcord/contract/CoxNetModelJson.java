package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code model.json} of {@code survival cox --penalty elastic-net}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CoxNetModelJson(int n, int events, int droppedMissing, int rowsRead, List<String> covariates, @JsonInclude(JsonInclude.Include.ALWAYS) LandmarkCounts landmark,
                              String ties, String method, double alpha, List<String> unpenalized, double lambda, double lambdaMin,
                              double lambda_1se, String lambdaRule, int innerFolds, int nonzero, CoxModelJson.Concordance concordance,
                              String note, SurvivalAnalysis analysis) {
}
