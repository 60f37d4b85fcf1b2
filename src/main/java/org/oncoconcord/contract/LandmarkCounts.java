package org.oncoconcord.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What a landmark ({@code --landmark COL}) did to the rows: {@code rows_read = n + dropped_missing +
 * dropped_landmark_missing + dropped_not_at_risk} of the file holding it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LandmarkCounts(String column, String time, int rowsRead, int droppedLandmarkMissing, int droppedNotAtRisk,
                             int droppedNotAtRiskEvents, int kept, String rule) {
}
