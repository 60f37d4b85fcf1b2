package org.oncoconcord.concordance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.ContigNames;

/**
 * Genes and hotspots to annotate variants with (docs/CONTRACTS.md, "Gene annotation"): the shipped
 * tables {@code genes.GRCh37.tsv} / {@code genes.GRCh38.tsv}, a user TSV of the same format, or a
 * user BED (chrom, start, end, gene name) giving gene spans only.
 */
public final class GeneTable {

    /** One row: a gene span or a hotspot (a codon when ref/alt are '.', else an exact allele). */
    public record Entry(String kind, String gene, String contig, int start, int end, String ref, String alt,
                        String label, String group, String source) {
        public boolean isGene() {
            return kind.equals("gene");
        }

        /** Hotspot name as shown in outputs, e.g. {@code KRAS G12}. */
        public String name() {
            return gene + " " + label;
        }

        boolean matches(int pos, int endPos, String r, String a) {
            if (pos > end || endPos < start) {
                return false;
            }
            return isGene() || ref.equals(".") || (pos == start && ref.equals(r) && alt.equals(a));
        }
    }

    private final List<Entry> entries;
    private final List<String> genes;
    private final Map<String, List<Entry>> byContig = new HashMap<>();
    private final Map<String, int[]> coverage = new HashMap<>(); // per contig: merged [start, end] of all rows, flattened
    private final String description;

    private GeneTable(List<Entry> entries, String description) {
        this.entries = List.copyOf(entries);
        this.description = description;
        Set<String> names = new LinkedHashSet<>();
        for (Entry e : entries) {
            names.add(e.gene());
            byContig.computeIfAbsent(e.contig(), k -> new ArrayList<>()).add(e);
        }
        this.genes = List.copyOf(names);
        byContig.forEach((contig, rows) -> {
            List<int[]> iv = new ArrayList<>();
            rows.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).forEach(e -> {
                if (!iv.isEmpty() && e.start() <= iv.get(iv.size() - 1)[1] + 1) {
                    iv.get(iv.size() - 1)[1] = Math.max(iv.get(iv.size() - 1)[1], e.end());
                } else {
                    iv.add(new int[] {e.start(), e.end()});
                }
            });
            int[] flat = new int[iv.size() * 2];
            for (int i = 0; i < iv.size(); i++) {
                flat[2 * i] = iv.get(i)[0];
                flat[2 * i + 1] = iv.get(i)[1];
            }
            coverage.put(contig, flat);
        });
    }

    /**
     * An interval no [pos, end] overlaps, for contigs without rows (a lookup that always searches keeps
     * the JIT from deoptimising at the first such contig).
     */
    private static final int[] NO_COVERAGE = {Integer.MAX_VALUE, Integer.MIN_VALUE};

    /** True when [pos, end] overlaps no row of the contig (a quick binary search). */
    private boolean outside(String contig, int pos, int end) {
        int[] iv = coverage.getOrDefault(contig, NO_COVERAGE);
        int lo = 0;
        int hi = iv.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (end < iv[2 * mid]) {
                hi = mid - 1;
            } else if (pos > iv[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The table shipped for {@code GRCh37} or {@code GRCh38}. */
    public static GeneTable shipped(String genome) {
        String name = "genes." + genome + ".tsv";
        InputStream in = GeneTable.class.getResourceAsStream(name);
        if (in == null) {
            throw new UserException("--genome " + genome + ": no shipped annotation (GRCh37 or GRCh38)");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parseTsv(r, "shipped " + name, "shipped " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a user table: the contract TSV (header starting with {@code kind}) or a BED of genes. */
    public static GeneTable read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String first;
            r.mark(1 << 20);
            do {
                first = r.readLine();
            } while (first != null && (first.startsWith("#") || first.isBlank()));
            r.reset();
            if (first != null && first.startsWith("kind\t")) {
                return parseTsv(r, file.toString(), file.toString());
            }
            return parseBed(r, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static GeneTable parseTsv(Reader in, String where, String description) throws IOException {
        BufferedReader r = new BufferedReader(in);
        List<Entry> out = new ArrayList<>();
        String line;
        int n = 0;
        boolean header = false;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!header) {
                if (!line.startsWith("kind\tgene\tchrom\tstart\tend\tref\talt\tlabel\tgroup\tsource")) {
                    throw new UserException(where + ": line " + n
                            + ": header must be kind gene chrom start end ref alt label group source (tab-separated)");
                }
                header = true;
                continue;
            }
            if (f.length < 10) {
                throw new UserException(where + ": line " + n + ": expected 10 tab-separated columns, found " + f.length);
            }
            if (!f[0].equals("gene") && !f[0].equals("hotspot")) {
                throw new UserException(where + ": line " + n + ": kind '" + f[0] + "' is not gene or hotspot");
            }
            int s;
            int e;
            try {
                s = Integer.parseInt(f[3]);
                e = Integer.parseInt(f[4]);
            } catch (NumberFormatException ex) {
                throw new UserException(where + ": line " + n + ": start/end '" + f[3] + "', '" + f[4] + "' are not integers");
            }
            if (s < 1 || e < s) {
                throw new UserException(where + ": line " + n + ": bad interval " + s + "-" + e + " (1-based, inclusive)");
            }
            if (f[0].equals("hotspot") && f[5].equals(".") != f[6].equals(".")) {
                throw new UserException(where + ": line " + n + ": hotspot ref and alt must both be '.' or both alleles");
            }
            out.add(new Entry(f[0], f[1], ContigNames.canonical(f[2]), s, e, f[5], f[6], f[7], f[8], f[9]));
        }
        if (!header) {
            throw new UserException(where + ": no header line");
        }
        return new GeneTable(out, description);
    }

    static GeneTable parseBed(BufferedReader r, Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 4) {
                throw new UserException(file + ": line " + n + ": a gene BED needs chrom, start, end, name");
            }
            try {
                int s = Integer.parseInt(f[1].trim()) + 1;
                int e = Integer.parseInt(f[2].trim());
                out.add(new Entry("gene", f[3].trim(), ContigNames.canonical(f[0].trim()), s, e, ".", ".", ".", ".",
                        file.getFileName().toString()));
            } catch (NumberFormatException ex) {
                throw new UserException(file + ": line " + n + ": start/end are not integers");
            }
        }
        return new GeneTable(out, file.toString());
    }

    /** All rows, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Gene names in file order (genes that only have hotspot rows included). */
    public List<String> genes() {
        return genes;
    }

    public String description() {
        return description;
    }

    /** Rows (genes and hotspots) that a variant overlaps / matches. */
    public List<Entry> matching(String canonicalContig, int pos, String ref, String alt) {
        int end = pos + ref.length() - 1;
        if (outside(canonicalContig, pos, end)) {
            return Collections.emptyList();
        }
        List<Entry> rows = byContig.get(canonicalContig);
        List<Entry> out = null;
        for (Entry e : rows) {
            if (e.matches(pos, end, ref, alt)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(e);
            }
        }
        return out == null ? Collections.emptyList() : out;
    }
}
