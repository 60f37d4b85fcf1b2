package org.oncoconcord.survival.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the SURVIVAL step runs ({@code survival/plan.json}): per endpoint the analyses that can run
 * on this features table, and every analysis left out with its reason ({@code skipped}, also
 * {@code survival/skipped.tsv}). {@code commands}: the {@code oncoconcord} command lines, in the
 * order {@code oncoconcord batch} runs them. {@code landmark} is null when no landmark column is
 * usable; {@code stub} is true for an empty features table (a -stub-run placeholder), for which the
 * configured plan is taken as is.
 */
@JsonPropertyOrder({"features", "stub", "landmark", "horizon", "endpoints", "skipped", "commands"})
public record Plan(String features, boolean stub, String landmark, int horizon, List<EndpointPlan> endpoints,
                   List<Skip> skipped, List<String> commands) {
    public Plan {
        endpoints = List.copyOf(endpoints);
        skipped = List.copyOf(skipped);
        commands = List.copyOf(commands);
    }

    /** The same plan with its command lines. */
    public Plan withCommands(List<String> lines) {
        return new Plan(features, stub, landmark, horizon, endpoints, skipped, lines);
    }

    /** An analysis not run: the endpoint's time column, the analysis (its output folder name) and why. */
    public record Skip(String endpoint, String analysis, String reason) {
    }

    /** A Kaplan-Meier grouping; {@code landmark}: the grouping is post-metastasis, analysed from the landmark. */
    public record KmGroup(String column, boolean landmark) {
    }

    /**
     * A counting-process Cox fit of {@code feature} switched on at the day in {@code change}
     * ({@code survival split} then {@code survival cox --start}); {@code patientsSwitched}: patients
     * whose feature is non-zero from a day inside their follow-up.
     */
    public record TimeDependentFit(String feature, String change, int patientsSwitched) {
    }

    /**
     * The cancer-specific (competing-risk) analyses of an endpoint: cause codes written to
     * {@code data} (column {@code causeColumn}: 0 censored, 1 colorectal-cancer death, 2 other death,
     * NA cause unknown; {@code crcColumn}: 1 colorectal-cancer death, else 0), cumulative incidence
     * overall and by {@code cifGroups}, and the cause-specific Cox model on {@code cox} (empty: not
     * fitted) with {@code --cause 1} when {@code causeOption}, else on {@code crcColumn}.
     */
    public record CancerSpecificPlan(String cause, String data, String causeColumn, String crcColumn, int crcDeaths,
                                     int otherDeaths, int unknownCause, List<String> cifGroups, List<String> cox,
                                     boolean coxLandmark, boolean causeOption) {
        public CancerSpecificPlan {
            cifGroups = List.copyOf(cifGroups);
            cox = List.copyOf(cox);
        }
    }

    /**
     * One endpoint: its columns, events (all rows, and after the landmark), and the analyses:
     * KM groupings, univariable features (those in {@code univariableLandmark} from the landmark),
     * multivariable covariates ({@code coxLandmark}: from the landmark), elastic-net gene columns
     * and unpenalised covariates, time-dependent fits, and the cancer-specific analyses (or null).
     */
    public record EndpointPlan(String time, String event, int events, int landmarkEvents, List<KmGroup> km,
                               List<String> univariable, List<String> univariableLandmark, List<String> cox,
                               boolean coxLandmark, List<String> coxnet, List<String> coxnetUnpenalized,
                               List<TimeDependentFit> timeDependent, CancerSpecificPlan cancerSpecific) {
        public EndpointPlan {
            km = List.copyOf(km);
            univariable = List.copyOf(univariable);
            univariableLandmark = List.copyOf(univariableLandmark);
            cox = List.copyOf(cox);
            coxnet = List.copyOf(coxnet);
            coxnetUnpenalized = List.copyOf(coxnetUnpenalized);
            timeDependent = List.copyOf(timeDependent);
        }
    }
}
