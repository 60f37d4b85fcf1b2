package org.oncoconcord.concordance;

/**
 * What happens to a plasma call labelled <em>possible clonal haematopoiesis</em> by the gene-list rule (a
 * patient without a white-blood-cell sample): {@code exclude} takes it out of the tissue/plasma comparison
 * like a confirmed CH call, {@code count} keeps it in (it is still listed in the CH table).
 */
public enum PossibleCh {
    COUNT, EXCLUDE;

    /** The lower-case name used on the command line and in outputs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
