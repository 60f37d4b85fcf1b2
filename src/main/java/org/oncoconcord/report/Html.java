package org.oncoconcord.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Small HTML builders with escaping; the page template, CSS and JS are resources beside this class. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills {@code {{key}}} placeholders of the template; values are inserted as given (already HTML). */
    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (var e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }

    static String section(String id, String title, String content) {
        return "<section id=\"" + esc(id) + "\">\n<h2>" + esc(title) + "</h2>\n" + content + "</section>\n";
    }

    static String figure(ChartFiles.Written w, String caption) {
        return "<figure id=\"fig-" + esc(w.name()) + "\">\n" + w.inlineSvg() + "\n<figcaption>" + esc(caption)
                + " Files: <a href=\"plots/" + esc(w.name()) + ".svg\">SVG</a>, <a href=\"plots/" + esc(w.name())
                + ".png\">PNG</a>.</figcaption>\n</figure>\n";
    }

    /** Tables longer than this are paged by the page's script (all rows stay in the file). */
    static final int PAGE = 25;

    /** A sortable table; cells that look numeric are right-aligned; long tables are paged, wide ones scroll sideways. */
    static String table(List<String> header, List<List<String>> rows) {
        return table(header, rows, "sortable" + (rows.size() > 2 * PAGE ? " paged" : ""));
    }

    /** A small table without sorting or paging (summary blocks). */
    static String plainTable(List<String> header, List<List<String>> rows) {
        return table(header, rows, "plain");
    }

    private static String table(List<String> header, List<List<String>> rows, String cls) {
        StringBuilder sb = new StringBuilder("<div class=\"wide\"><table class=\"" + cls + "\">\n<thead><tr>");
        header.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (String c : r) {
                boolean num = c != null && c.matches("[-+<]?[0-9.]+(e[-+]?[0-9]+)?%?( .*)?");
                sb.append(num ? "<td class=\"num\">" : "<td>").append(esc(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table></div>\n").toString();
    }

    static String card(String value, String label) {
        return "<div class=\"card\"><div class=\"value\">" + esc(value) + "</div><div class=\"label\">" + esc(label) + "</div></div>";
    }

    static String note(String text) {
        return "<p class=\"note\">" + esc(text) + "</p>\n";
    }

    static String details(String summary, String content) {
        return "<details><summary>" + esc(summary) + "</summary>\n" + content + "</details>\n";
    }
}
