package org.oncoconcord.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code model_at_horizon.json} of {@code survival validate}: the model written out so that others can apply it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelAtHorizonJson(double horizon, String formula, List<Term> terms, List<Baseline> baseline, String coding,
                                 SurvivalAnalysis analysis) {

    /** One model term: coefficient, hazard ratio and its centring mean. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Term(String term, Double coef, Double hr, double mean) {
    }

    /** Baseline survival at the horizon in one stratum. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Baseline(String stratum, Double baselineSurvival) {
    }
}
