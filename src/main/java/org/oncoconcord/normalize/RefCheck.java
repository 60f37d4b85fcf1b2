package org.oncoconcord.normalize;

import java.util.EnumSet;
import java.util.Set;

/** A letter of {@code -c}: what a REF mismatch does (exit, warn, exclude the record, set REF from the reference). */
enum RefCheck {
    EXIT('e'), WARN('w'), EXCLUDE('x'), SET('s');

    private final char letter;

    RefCheck(char letter) {
        this.letter = letter;
    }

    /** The checks of a {@code -c} value (letters of e, w, x, s; others ignored: the command validates first). */
    static Set<RefCheck> of(String letters) {
        Set<RefCheck> out = EnumSet.noneOf(RefCheck.class);
        for (RefCheck c : values()) {
            if (letters.indexOf(c.letter) >= 0) {
                out.add(c);
            }
        }
        return out;
    }
}
