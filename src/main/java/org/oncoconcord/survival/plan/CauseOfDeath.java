package org.oncoconcord.survival.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oncoconcord.survival.plan.PlanOptions.CancerSpecific;

/**
 * Competing-risk event codes from an all-cause endpoint and a cause-of-death column (clinical
 * contract, assets/schema_clinical.json: {@code crc} = death from colorectal cancer, {@code other}
 * = any other cause, empty/NA = not known or alive): 0 censored, 1 colorectal-cancer death, 2 other
 * death, null when the time, the event or a death's cause is missing. Pure functions.
 */
public final class CauseOfDeath {
    public static final int CENSORED = 0;
    public static final int CRC = 1;
    public static final int OTHER = 2;

    private CauseOfDeath() {
    }

    /**
     * The code of every row (null = missing), the counts, and {@code problem}: a reason the codes
     * cannot be trusted (a cause given for a censored patient, an unknown cause value, an event that
     * is not 0/1), naming the file line; null when none.
     */
    public record Codes(List<Integer> codes, int crcDeaths, int otherDeaths, int unknownCause, String problem) {
        public Codes {
            codes = java.util.Collections.unmodifiableList(new ArrayList<>(codes));
        }
    }

    public static Codes codes(FeatureTable t, CancerSpecific spec) {
        List<Integer> codes = new ArrayList<>();
        int crc = 0;
        int other = 0;
        int unknown = 0;
        for (FeatureTable.Row r : t.rows()) {
            Double time = t.number(r, spec.time());
            Double event = t.number(r, spec.event());
            String cause = t.cell(r, spec.cause());
            String c = FeatureTable.missing(cause) ? null : cause.strip().toLowerCase(Locale.ROOT);
            String where = t.file() + " line " + r.line() + ": ";
            if (c != null && !c.equals("crc") && !c.equals("other")) {
                return problem(where + spec.cause() + " '" + cause + "' is neither crc nor other");
            }
            if (time == null || event == null) {
                codes.add(null);
            } else if (event == 0) {
                if (c != null) {
                    return problem(where + spec.cause() + " '" + cause + "' given for a patient censored (" + spec.event() + " 0)");
                }
                codes.add(CENSORED);
            } else if (event == 1) {
                if (c == null) {
                    unknown++;
                    codes.add(null);
                } else if (c.equals("crc")) {
                    crc++;
                    codes.add(CRC);
                } else {
                    other++;
                    codes.add(OTHER);
                }
            } else {
                return problem(where + spec.event() + " " + event + " is neither 0 nor 1");
            }
        }
        return new Codes(codes, crc, other, unknown, null);
    }

    private static Codes problem(String reason) {
        return new Codes(List.of(), 0, 0, 0, reason);
    }

    /**
     * features.tsv with two columns added: {@code causeColumn} (0/1/2, NA) and {@code crcColumn}
     * (1 colorectal-cancer death, 0 censored or other death, NA): the data of {@code survival cif}
     * and of the cause-specific Cox model.
     */
    public static String table(FeatureTable t, Codes codes, String causeColumn, String crcColumn) {
        StringBuilder b = new StringBuilder();
        b.append(String.join("\t", t.header())).append('\t').append(causeColumn).append('\t').append(crcColumn).append('\n');
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> cells = new ArrayList<>();
            for (String h : t.header()) {
                String v = t.cell(t.rows().get(i), h);
                cells.add(v == null ? "NA" : v);
            }
            Integer code = codes.codes().isEmpty() ? null : codes.codes().get(i);
            cells.add(code == null ? "NA" : code.toString());
            cells.add(code == null ? "NA" : code == CRC ? "1" : "0");
            b.append(String.join("\t", cells)).append('\n');
        }
        return b.toString();
    }
}
