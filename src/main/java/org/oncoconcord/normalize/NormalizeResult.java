package org.oncoconcord.normalize;

import java.util.Map;

/**
 * What {@link Normalize#run(NormalizeRequest)} did: the counts of the stats JSON (docs/CONTRACTS.md
 * "normalize"; invariant {@code in + splitAdded = out + rejectedTotal + joinedAway}) and the tumour
 * sample whose AD/DP/AF were standardised (null when none was recognised).
 */
public record NormalizeResult(long in, long out, long splitAdded, long realigned, long joinedAway, Map<String, Long> rejected,
                              long rejectedTotal, String tumorSample) {
}
