package org.oncoconcord.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The over-fitting check of a Cox model (events per parameter, R2, shrinkage, Riley's minimum n; docs/SURVIVAL.md). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SampleSizeCheck(int parameters, int events, int n, Double eventsPerParameter, Double r2CoxSnell, Double r2Max,
                              Double heuristicShrinkage, Double r2Anticipated, Double rileyMinimumN, boolean overfitted,
                              List<String> warnings) {
}
