package org.oncoconcord.normalize;

/** What {@code -m} does with multiallelic records: nothing, split them ({@code -}) or join biallelic ones ({@code +}). */
enum Multiallelics {
    NONE, SPLIT, JOIN;

    /** {@code -} or {@code +}; NONE for any other character (the command checks the option first). */
    static Multiallelics of(char c) {
        return c == '-' ? SPLIT : c == '+' ? JOIN : NONE;
    }
}
