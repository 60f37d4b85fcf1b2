package org.oncoconcord.contract;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code ID.variants.tsv}, the per-variant table of {@code concordance} (docs/CONTRACTS.md, section
 * concordance): its column names (written by concordance, read by cohort, pileup and report) and a
 * typed reader. Columns: {@link #FIXED}, then per sample label {@code <label>.present .vaf .depth
 * .evaluable}, then {@link #ANNOTATION}. A table read here keeps each sample's VAF and depth as
 * written ({@code .} when unknown) so that outputs can pass them on unchanged.
 *
 * @param file      the table read
 * @param labels    the sample labels asked for, in their order
 * @param annotated whether the table has the annotation columns (older tables lack them)
 * @param rows      the rows in file order
 */
public record VariantsTsv(Path file, List<String> labels, boolean annotated, List<Row> rows) {
    public static final String CHROM = "chrom", POS = "pos", REF = "ref", ALT = "alt", GENE = "gene", HOTSPOT = "hotspot",
            GROUP = "group", CLASS = "class";
    /** Per-sample column suffixes: {@code <label>.present} etc. */
    public static final String PRESENT = ".present", VAF = ".vaf", DEPTH = ".depth", EVALUABLE = ".evaluable";
    public static final String CONSEQUENCE = "consequence", IMPACT = "impact", HGVSC = "hgvsc", HGVSP_SHORT = "hgvsp_short",
            COUNTED = "counted", CONSEQUENCE_SOURCE = "consequence_source";
    /** The columns before the per-sample ones. */
    public static final List<String> FIXED = List.of(CHROM, POS, REF, ALT, GENE, HOTSPOT, GROUP, CLASS);
    /** The per-sample column suffixes, in their order. */
    public static final List<String> PER_SAMPLE = List.of(PRESENT, VAF, DEPTH, EVALUABLE);
    /** The columns after the per-sample ones. */
    public static final List<String> ANNOTATION = List.of(CONSEQUENCE, IMPACT, HGVSC, HGVSP_SHORT, COUNTED, CONSEQUENCE_SOURCE);
    /** The value of an unknown VAF or depth, and of an empty gene / hotspot / group / annotation. */
    public static final String MISSING = ".";

    private static final CSVFormat TSV = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();

    /** The header line's columns for samples {@code labels}. */
    public static List<String> header(List<String> labels) {
        List<String> h = new ArrayList<>(FIXED);
        for (String l : labels) {
            PER_SAMPLE.forEach(s -> h.add(l + s));
        }
        h.addAll(ANNOTATION);
        return h;
    }

    /** One sample's cells of a row: VAF and depth as written ({@code .} when unknown). */
    public record Call(boolean present, String vaf, String depth, boolean evaluable) {
    }

    /** The annotation cells of a row ({@code .} when none); {@code counted} = makes a gene of the table mutated. */
    public record Annotation(String consequence, String impact, String hgvsc, String hgvspShort, boolean counted) {
    }

    /**
     * One variant.
     *
     * @param calls      sample label -> its cells, in the order of the labels asked for
     * @param annotation null when the table has no annotation columns
     */
    public record Row(String chrom, long pos, String ref, String alt, String gene, String hotspot, String group,
                      String variantClass, Map<String, Call> calls, Annotation annotation) {
        /** CHROM:POS:REF>ALT. */
        public String key() {
            return chrom + ":" + pos + ":" + ref + ">" + alt;
        }

        /** The genes of the {@code gene} cell (comma-joined; none for {@code .}). */
        public List<String> genes() {
            List<String> out = new ArrayList<>();
            for (String g : gene.split(",")) {
                if (!g.isEmpty() && !g.equals(MISSING)) {
                    out.add(g);
                }
            }
            return out;
        }
    }

    /**
     * Reads {@code file} for samples {@code labels}: every column of {@link #FIXED} but hotspot and
     * group (older tables: {@code .}) and every label's present, vaf and depth column must be there
     * (evaluable may be absent in older tables: 1); a ragged line, a non-integer {@code pos} or a
     * present / evaluable / counted value other than 0/1 is an error naming file, line and column.
     */
    public static VariantsTsv read(Path file, List<String> labels) throws ContractException {
        String name = file.getFileName().toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = TSV.parse(r)) {
            List<String> header = parser.getHeaderNames();
            List<String> required = new ArrayList<>(List.of(CHROM, POS, REF, ALT, GENE, CLASS));
            for (String l : labels) {
                required.addAll(List.of(l + PRESENT, l + VAF, l + DEPTH));
            }
            for (String col : required) {
                if (!header.contains(col)) {
                    throw new ContractException(name + ": column '" + col + "' missing", null);
                }
            }
            boolean annotated = header.contains(CONSEQUENCE);
            if (annotated) {
                for (String col : ANNOTATION) {
                    if (!header.contains(col)) {
                        throw new ContractException(name + ": column '" + col + "' missing (the table has '" + CONSEQUENCE + "')", null);
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                String line = name + " line " + (rec.getRecordNumber() + 1);
                if (!rec.isConsistent()) {
                    throw new ContractException(line + ": " + rec.size() + " fields, header has " + header.size(), null);
                }
                Map<String, Call> calls = new LinkedHashMap<>();
                for (String l : labels) {
                    boolean evaluable = !rec.isMapped(l + EVALUABLE) || flag(rec, l + EVALUABLE, line);
                    calls.put(l, new Call(flag(rec, l + PRESENT, line), rec.get(l + VAF), rec.get(l + DEPTH), evaluable));
                }
                Annotation a = annotated ? new Annotation(rec.get(CONSEQUENCE), rec.get(IMPACT), rec.get(HGVSC),
                        rec.get(HGVSP_SHORT), flag(rec, COUNTED, line)) : null;
                rows.add(new Row(rec.get(CHROM), pos(rec, line), rec.get(REF), rec.get(ALT), rec.get(GENE),
                        rec.isMapped(HOTSPOT) ? rec.get(HOTSPOT) : MISSING, rec.isMapped(GROUP) ? rec.get(GROUP) : MISSING,
                        rec.get(CLASS), calls, a));
            }
            return new VariantsTsv(file, List.copyOf(labels), annotated, rows);
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ContractException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static long pos(CSVRecord rec, String line) throws ContractException {
        try {
            return Long.parseLong(rec.get(POS));
        } catch (NumberFormatException ex) {
            throw new ContractException(line + ": pos '" + rec.get(POS) + "' is not a number", null);
        }
    }

    /** A 0/1 cell (also true/false, yes/no; empty, {@code .} and NA are 0). */
    private static boolean flag(CSVRecord rec, String col, String line) throws ContractException {
        String v = rec.get(col);
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> {
                return true;
            }
            case "0", "false", "no", "", ".", "na" -> {
                return false;
            }
            default -> throw new ContractException(line + ": " + col + " '" + v + "' is not 0/1", null);
        }
    }
}
