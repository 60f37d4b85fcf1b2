package org.oncoconcord.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A chi-square test in a survival JSON: statistic, degrees of freedom, p (null when undefined). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TestResult(Double chi2, int df, Double p) {
}
