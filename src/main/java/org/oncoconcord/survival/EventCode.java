package org.oncoconcord.survival;

/**
 * How the event column is read: {@link #BINARY} 0 = censored, 1 = event (codes above 1 are
 * refused); {@link #ANY_CAUSE} 0 = censored, any cause 1..k = the event (all-cause, e.g. KM of
 * event-free survival); {@link #cause(int)} a cause-specific analysis, event = that cause and the
 * other causes censored (R: {@code Surv(time, status == K)}).
 *
 * @param cause the cause of interest, 0 for BINARY, -1 for ANY_CAUSE
 */
public record EventCode(int cause) {
    /** 0/1 events only. */
    public static final EventCode BINARY = new EventCode(0);
    /** Any cause code above 0 is the event. */
    public static final EventCode ANY_CAUSE = new EventCode(-1);

    /** Cause {@code k} (>= 1) is the event, the other causes censored. */
    public static EventCode cause(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("cause must be >= 1: " + k);
        }
        return new EventCode(k);
    }

    /** True when codes above 1 are accepted. */
    public boolean competing() {
        return cause != 0;
    }

    /** The 0/1 event indicator of a (valid, integer, non-negative) code. */
    public int indicator(int code) {
        if (cause > 0) {
            return code == cause ? 1 : 0;
        }
        return code > 0 ? 1 : 0;
    }
}
