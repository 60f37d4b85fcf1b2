package org.oncoconcord.concordance;

import java.util.List;
import org.oncoconcord.core.PlasmaTimepoint;

/**
 * One plasma sample of a patient with its serial-draw identity (docs/PLASMA.md "Serial plasma").
 *
 * @param sample        the sample label
 * @param timepoint     samplesheet {@code timepoint} (free text; null when not given)
 * @param collectionDay days from surgery (negative before it; null when not given)
 */
public record PlasmaDraw(String sample, String timepoint, Double collectionDay) {

    /** How the comparison plasma was chosen. */
    public enum Choice {
        ONLY("only_plasma"), BASELINE("baseline"), EARLIEST_DAY("earliest_collection_day"), FIRST("first_given");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        /** The name written to concordance.json. */
        public String label() {
            return label;
        }
    }

    /** The recognised kind of {@link #timepoint}, null when none is given. */
    public PlasmaTimepoint kind() {
        return PlasmaTimepoint.of(timepoint);
    }

    /** Whether the draw has a timepoint or a collection day to tell it from the patient's other draws. */
    public boolean identified() {
        return kind() != null || collectionDay != null;
    }

    /**
     * The index of the plasma compared with tissue: the one labelled {@code baseline} (the earliest day
     * among several), else the one with the earliest {@code collectionDay}, else the first given.
     */
    public static int comparison(List<PlasmaDraw> draws) {
        return choose(draws).index();
    }

    /** The comparison plasma and the rule that chose it. */
    public static Chosen choose(List<PlasmaDraw> draws) {
        if (draws.isEmpty()) {
            throw new IllegalArgumentException("no plasma draw");
        }
        if (draws.size() == 1) {
            return new Chosen(0, Choice.ONLY);
        }
        int best = earliest(draws, true);
        if (best >= 0) {
            return new Chosen(best, Choice.BASELINE);
        }
        best = earliest(draws, false);
        return best >= 0 ? new Chosen(best, Choice.EARLIEST_DAY) : new Chosen(0, Choice.FIRST);
    }

    /** The comparison draw's index and why it was chosen. */
    public record Chosen(int index, Choice rule) {
    }

    /** Among the baseline draws (or all draws): the earliest day, the first given on ties/unknown days; -1 when none qualifies. */
    private static int earliest(List<PlasmaDraw> draws, boolean baselineOnly) {
        int best = -1;
        for (int i = 0; i < draws.size(); i++) {
            PlasmaDraw d = draws.get(i);
            if (baselineOnly ? d.kind() != PlasmaTimepoint.BASELINE : d.collectionDay() == null) {
                continue;
            }
            if (best < 0) {
                best = i;
            } else {
                Double a = d.collectionDay();
                Double b = draws.get(best).collectionDay();
                if (a != null && (b == null || a < b)) {
                    best = i;
                }
            }
        }
        return best;
    }

    /**
     * Why a patient's plasma draws cannot be told apart, or null when they can: with several draws,
     * each needs a timepoint or a collection day, and no two may share both.
     */
    public static String conflict(List<PlasmaDraw> draws) {
        if (draws.size() < 2) {
            return null;
        }
        for (PlasmaDraw d : draws) {
            if (!d.identified()) {
                return "plasma sample '" + d.sample() + "' has neither a timepoint nor a collection_day, and the patient has "
                        + draws.size() + " plasma samples: give each one of them to tell the draws apart";
            }
        }
        for (int i = 0; i < draws.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (draws.get(i).sameDrawAs(draws.get(j))) {
                    return "plasma samples '" + draws.get(j).sample() + "' and '" + draws.get(i).sample()
                            + "' have the same timepoint (" + show(draws.get(i).timepoint()) + ") and collection_day ("
                            + show(draws.get(i).collectionDay()) + "): serial plasma draws must differ in one of them";
                }
            }
        }
        return null;
    }

    /** Same timepoint text (ignoring case) and same day (both unknown counts as the same). */
    public boolean sameDrawAs(PlasmaDraw o) {
        String a = timepoint == null ? "" : timepoint.trim();
        String b = o.timepoint == null ? "" : o.timepoint.trim();
        return a.equalsIgnoreCase(b) && java.util.Objects.equals(collectionDay, o.collectionDay);
    }

    private static String show(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
        }
        return v == null ? "none" : "'" + v + "'";
    }
}
