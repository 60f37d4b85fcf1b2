package org.oncoconcord.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The self-describing block that ends every survival output JSON (docs/CONTRACTS.md, section
 * survival): which analysis wrote the file, of which endpoint and covariates, so that readers (the
 * report) find results by what they are rather than by folder name.
 *
 * @param kind         the analysis
 * @param feature      for {@code cox_univariable}: the covariate fitted alone; else null
 * @param endpoint     time, event, counting-process start and the analysed cause
 * @param covariates   the covariate columns as given ({@code []} for km and cif)
 * @param splines      restricted cubic spline terms ({@code --spline COL:K}) with their knots
 * @param interactions interaction terms ({@code --interaction a:b}) as given
 * @param group        the km / cif grouping column, or null
 * @param strata       the stratification column(s) as given, or null
 * @param landmark     the landmark column, or null
 * @param horizon      the prediction horizon of cv / validate, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SurvivalAnalysis(Kind kind, String feature, Endpoint endpoint, List<String> covariates, List<Spline> splines,
                               List<String> interactions, String group, String strata, String landmark, Double horizon) {

    public SurvivalAnalysis {
        covariates = List.copyOf(covariates);
        splines = List.copyOf(splines);
        interactions = List.copyOf(interactions);
    }

    /** The analysis that wrote a survival JSON; written in lower case. */
    public enum Kind {
        KM, COX, COX_UNIVARIABLE, COX_ELASTIC_NET, CRR, CV, VALIDATE, CIF;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind of(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The endpoint: follow-up time (stop time with {@code start}), event column and the cause analysed (null: 0/1 events). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Endpoint(String time, String event, String start, Integer cause) {
    }

    /** A restricted cubic spline of a column with its knots (rms::rcs placement). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Spline(String column, List<Double> knots) {
        public Spline {
            knots = List.copyOf(knots);
        }
    }
}
