package org.oncoconcord.multiqc;

import java.util.List;
import java.util.Locale;

/**
 * Renders {@link SampleStats} as MultiQC custom content for the General Statistics table
 * ({@code plot_type: 'generalstats'}): counts as whole numbers, fractions as percentages.
 * Unknown values are left empty, so MultiQC shows no value rather than a string in a numeric column.
 */
public final class GeneralStats {
    private GeneralStats() {
    }

    /** The {@code general_stats_mqc.tsv} text. */
    public static String render(List<SampleStats> rows) {
        boolean anyFraction = rows.stream().anyMatch(r -> r.tumourFraction() != null);
        StringBuilder sb = new StringBuilder();
        sb.append("# id: 'oncoconcord_general_stats'\n");
        sb.append("# plot_type: 'generalstats'\n");
        sb.append("# pconfig:\n");
        column(sb, "records", "Records", "VCF records read by normalize", "{:,.0f}", "", "Blues");
        column(sb, "rejected", "Rejected", "Records normalize rejected (normalized/<patient>/<sample>.rejects.tsv)", "{:,.0f}", "", "Reds");
        column(sb, "rejected_pct", "% Rejected", "Rejected records, percent of the records read", "{:,.2f}", "%", "Reds");
        column(sb, "variants", "Variants", "Variants counted by concordance (PASS, above the VAF and depth thresholds)", "{:,.0f}", "", "Greens");
        column(sb, "median_vaf_pct", "Median VAF", "Median variant allele fraction of the counted variants, percent", "{:,.1f}", "%", "Purples");
        if (anyFraction) {
            column(sb, "tumour_fraction_pct", "Tumour fraction", "Tumour fraction, percent", "{:,.1f}", "%", "Oranges");
        }
        sb.append("Sample\trecords\trejected\trejected_pct\tvariants\tmedian_vaf_pct").append(anyFraction ? "\ttumour_fraction_pct" : "").append('\n');
        for (SampleStats r : rows) {
            sb.append(r.name()).append('\t').append(integer(r.records())).append('\t').append(integer(r.rejected()))
                    .append('\t').append(decimal(r.rejectedPercent(), 1)).append('\t').append(integer(r.variants()))
                    .append('\t').append(decimal(r.medianVaf(), 100));
            if (anyFraction) {
                sb.append('\t').append(decimal(r.tumourFraction(), 100));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void column(StringBuilder sb, String id, String title, String description, String format, String suffix, String scale) {
        sb.append("#     - ").append(id).append(":\n");
        sb.append("#         title: '").append(title).append("'\n");
        sb.append("#         description: '").append(description).append("'\n");
        sb.append("#         format: '").append(format).append("'\n");
        sb.append("#         scale: '").append(scale).append("'\n");
        sb.append("#         namespace: 'oncoconcord'\n");
        if (!suffix.isEmpty()) {
            sb.append("#         suffix: '").append(suffix).append("'\n");
            sb.append("#         min: 0\n#         max: 100\n");
        }
    }

    private static String integer(Long v) {
        return v == null ? "" : Long.toString(v);
    }

    private static String decimal(Double v, double scale) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v * scale).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
