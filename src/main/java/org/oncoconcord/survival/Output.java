package org.oncoconcord.survival;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oncoconcord.io.AtomicFiles;

/** Writes TSV and JSON outputs atomically; numbers with 10 significant digits, NaN as NA / null. */
final class Output {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.10g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return strip(parts[0]) + "e" + parts[1];
        }
        return strip(s);
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A JSON number, or null for NaN/infinite. */
    static Double jnum(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static org.oncoconcord.contract.TestResult test(double chi2, int df, double p) {
        return new org.oncoconcord.contract.TestResult(jnum(chi2), df, jnum(p));
    }

    /** A TSV table: header then rows of already formatted cells. */
    static void tsv(Path file, List<String> header, List<List<String>> rows) {
        AtomicFiles.writeString(file, tsvText(header, rows));
    }

    /** The text of a TSV table. */
    static String tsvText(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(String.join("\t", header)).append('\n');
        for (List<String> r : rows) {
            sb.append(String.join("\t", r)).append('\n');
        }
        return sb.toString();
    }

    static void json(Path file, Object value) {
        AtomicFiles.writeString(file, jsonText(value));
    }

    /** The text of a JSON document (indented, newline-terminated). */
    static String jsonText(Object value) {
        return org.oncoconcord.contract.ContractJson.text(value);
    }

    static List<String> row(Object... cells) {
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(c instanceof Double d ? num(d) : String.valueOf(c));
        }
        return r;
    }
}
