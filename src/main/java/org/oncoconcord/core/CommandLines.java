package org.oncoconcord.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for plain words and quotes, with no
 * expansions: blanks separate words; {@code '...'} is literal; inside {@code "..."} and outside
 * quotes a backslash escapes the next character. Pure functions.
 */
public final class CommandLines {
    private CommandLines() {
    }

    /** The words of {@code line}; IllegalArgumentException on an unterminated quote or trailing backslash. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' quote at column " + (i + 1));
                }
                w.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                        j++;
                    }
                    w.append(line.charAt(j));
                    j++;
                }
                if (j >= line.length()) {
                    throw new IllegalArgumentException("unterminated \" quote at column " + (i + 1));
                }
                inWord = true;
                i = j + 1;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("trailing backslash");
                }
                w.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    /** The words joined so that {@link #split} gives them back (single-quoting where needed). */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String s : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (!s.isEmpty() && s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-_./=:,+@%".indexOf(ch) >= 0)) {
                sb.append(s);
            } else {
                sb.append('\'').append(s.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }
}
