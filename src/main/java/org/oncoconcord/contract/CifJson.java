package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** {@code cif.json} of {@code survival cif}: Aalen-Johansen cumulative incidence and Gray's test. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CifJson(String method, int causes, int n, int droppedMissing, String group, Map<String, Map<String, Long>> groups,
                      @JsonInclude(JsonInclude.Include.ALWAYS) GrayTest grayTest, SurvivalAnalysis analysis) {

    /** Gray's test per cause (keys "1".."k"); strata levels or null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GrayTest(double rho, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> strata, Map<String, TestResult> byCause) {
    }
}
