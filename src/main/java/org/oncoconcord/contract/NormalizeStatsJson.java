package org.oncoconcord.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code <sample>.normalize.json}, the counts of one {@code normalize --stats} run (docs/CONTRACTS.md,
 * section normalize): written by normalize, read by the report through {@link #read}. Invariant:
 * {@code in + split_added = out + rejected_total + joined_away}; {@code tumor_sample} is null when no
 * tumour sample was known.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NormalizeStatsJson(long in, long out, long split, long splitAdded, long atomized, long realigned, long joined,
                                 long joinedAway, Map<String, Long> rejected, long rejectedTotal, String tumorSample) {

    /** Reads and checks {@code file}; throws naming the file and the missing or invalid key. */
    public static NormalizeStatsJson read(Path file) throws ContractException {
        return ContractJson.read(file, NormalizeStatsJson.class);
    }

    /** The contract's invariant: in + split_added = out + rejected_total + joined_away. */
    public boolean balanced() {
        return in + splitAdded == out + rejectedTotal + joinedAway;
    }
}
