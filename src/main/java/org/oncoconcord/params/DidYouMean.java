package org.oncoconcord.params;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known name closest to a mistyped one (same letters ignoring case, '-' and '_', or a small edit distance). */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The best match for {@code name} among {@code known}, if one is close enough to be a plausible typo. */
    public static Optional<String> suggest(String name, Collection<String> known) {
        String n = squash(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            String s = squash(k);
            int d = s.equals(n) ? 0 : distance(n, s);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, n.length() / 4));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static String squash(String s) {
        return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
