package org.oncoconcord.normalize;

/**
 * A record that cannot be normalized because it is malformed (not because of the reference): its
 * {@link #reason} is the rejects-file reason (e.g. {@code malformed_allele}, {@code non_numeric_value});
 * the message says what is wrong, and the caller adds file and line. With {@code --lenient} the
 * record is rejected and the run goes on; otherwise (strict) the run stops with exit 1.
 */
final class BadRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Rejects-file reason. */
    final String reason;

    BadRecordException(String reason, String message) {
        super(message);
        this.reason = reason;
    }
}
