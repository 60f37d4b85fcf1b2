package org.oncoconcord.validate;

/**
 * Which characters a path or id of the samplesheet may hold so that every later step reads it back
 * unchanged: the validated CSV (comma, quote), Nextflow's staging and task scripts ({@code $},
 * backtick, {@code ;|&<>}, quotes, globs {@code *?[]{}}), and file names (whitespace, control
 * characters, backslash). Letters and digits of any script are fine.
 */
final class SafeText {
    /** Punctuation allowed in paths besides letters and digits. */
    static final String PATH_PUNCTUATION = "._/+@%=:~-";
    /** Punctuation allowed in a VCF sample column name besides letters and digits. */
    static final String NAME_PUNCTUATION = "._+@:-";

    private SafeText() {
    }

    /** The index of the first character of {@code s} outside letters, digits and {@code allowed}; -1 when none. */
    static int firstUnsafe(String s, String allowed) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isLetterOrDigit(cp) && allowed.indexOf(cp) < 0) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** A message naming the unsafe character at {@code index} of {@code s}, or null when {@code index} is -1. */
    static String describe(String s, int index, String what, String allowed) {
        if (index < 0) {
            return null;
        }
        int cp = s.codePointAt(index);
        String shown = Character.isWhitespace(cp) ? (cp == ' ' ? "a space" : "whitespace U+" + String.format("%04X", cp))
                : Character.isISOControl(cp) ? "control character U+" + String.format("%04X", cp)
                : "'" + new String(Character.toChars(cp)) + "'";
        return what + " '" + s + "' contains " + shown + " at character " + (index + 1)
                + ": only letters, digits and " + String.join(" ", allowed.split("")) + " are allowed"
                + " (shell and CSV metacharacters and whitespace break the pipeline)";
    }
}
