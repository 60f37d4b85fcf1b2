package org.oncoconcord.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncoconcord.core.UserException;

/**
 * A strict reader of Ensembl/GENCODE GTF (GTF2.2: {@code exon}, {@code CDS}, {@code stop_codon}
 * features with {@code gene_name} and {@code transcript_id} attributes) into one transcript per
 * gene: the one tagged {@code MANE_Select}, else {@code Ensembl_canonical}, else the longest CDS,
 * else the longest transcript; genes without a CDS are left out (counted in the set's source). The coding span is CDS plus stop_codon (GTF's CDS excludes the stop).
 * Bad lines are errors naming {@code file:line}. No CDS sequence: codons come from the FASTA.
 */
public final class GtfReader {
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s+\"([^\"]*)\"\\s*;?");

    private GtfReader() {
    }

    private static final class Model {
        final String gene;
        final String id;
        final String chrom;
        final boolean plus;
        final List<int[]> exons = new ArrayList<>();
        int cdsStart = Integer.MAX_VALUE;
        int cdsEnd = Integer.MIN_VALUE;
        int rank;

        Model(String gene, String id, String chrom, boolean plus) {
            this.gene = gene;
            this.id = id;
            this.chrom = chrom;
            this.plus = plus;
        }

        int cdsLength() {
            int n = 0;
            for (int[] e : exons) {
                n += Math.max(0, Math.min(e[1], cdsEnd) - Math.max(e[0], cdsStart) + 1);
            }
            return n;
        }

        int length() {
            return exons.stream().mapToInt(e -> e[1] - e[0] + 1).sum();
        }
    }

    /** Reads {@code gtf}; a malformed line or inconsistent transcript is a {@link UserException} naming file and line. */
    public static TranscriptSet read(Path gtf) {
        Map<String, Model> models = new LinkedHashMap<>();
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(gtf, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String where = gtf + ":" + lineNo + ": ";
                String[] f = line.split("\t", -1);
                if (f.length != 9) {
                    throw new UserException(where + f.length + " tab-separated columns, GTF has 9");
                }
                String type = f[2];
                if (!type.equals("exon") && !type.equals("CDS") && !type.equals("stop_codon")) {
                    continue;
                }
                int start;
                int end;
                try {
                    start = Integer.parseInt(f[3]);
                    end = Integer.parseInt(f[4]);
                } catch (NumberFormatException e) {
                    throw new UserException(where + "start/end '" + f[3] + "'/'" + f[4] + "' are not whole numbers");
                }
                if (start < 1 || end < start) {
                    throw new UserException(where + "start " + start + " and end " + end + " are not 1 <= start <= end");
                }
                if (!f[6].equals("+") && !f[6].equals("-")) {
                    throw new UserException(where + "strand '" + f[6] + "' is not + or -");
                }
                Map<String, List<String>> attrs = attributes(f[8], where);
                String id = first(attrs, "transcript_id", where);
                String gene = attrs.containsKey("gene_name") ? attrs.get("gene_name").get(0) : first(attrs, "gene_id", where);
                Model m = models.computeIfAbsent(id, k -> new Model(gene, id, f[0], f[6].equals("+")));
                if (!m.chrom.equals(f[0]) || m.plus != f[6].equals("+") || !m.gene.equals(gene)) {
                    throw new UserException(where + "transcript " + id + " changes contig, strand or gene");
                }
                List<String> tags = attrs.getOrDefault("tag", List.of());
                m.rank = Math.max(m.rank, tags.contains("MANE_Select") ? 2 : tags.contains("Ensembl_canonical") ? 1 : 0);
                if (type.equals("exon")) {
                    m.exons.add(new int[] {start, end});
                } else {
                    m.cdsStart = Math.min(m.cdsStart, start);
                    m.cdsEnd = Math.max(m.cdsEnd, end);
                }
            }
        } catch (IOException e) {
            throw new UserException(gtf + ": cannot read: " + e.getMessage());
        }
        Map<String, Model> best = new LinkedHashMap<>();
        for (Model m : models.values()) {
            if (m.exons.isEmpty()) {
                throw new UserException(gtf + ": transcript " + m.id + " has CDS/stop_codon lines but no exon line");
            }
            m.exons.sort((a, b) -> Integer.compare(a[0], b[0]));
            best.merge(m.gene, m, (a, b) -> better(b, a) ? b : a);
        }
        List<Transcript> list = new ArrayList<>();
        int nonCoding = 0;
        for (Model m : best.values()) {
            if (m.cdsStart > m.cdsEnd) {
                nonCoding++;
                continue;
            }
            int n = m.exons.size();
            int[] starts = new int[n];
            int[] ends = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = m.exons.get(i)[0];
                ends[i] = m.exons.get(i)[1];
            }
            try {
                list.add(new Transcript(m.gene, m.id, m.id, "", m.chrom, m.plus, starts[0], ends[n - 1],
                        m.cdsStart, m.cdsEnd, starts, ends, null));
            } catch (IllegalArgumentException e) {
                throw new UserException(gtf + ": transcript " + m.id + " (" + m.gene + "): " + e.getMessage());
            }
        }
        return new TranscriptSet("GTF " + gtf.getFileName() + " (" + list.size() + " coding genes; "
                + nonCoding + " genes without CDS left out)", list);
    }

    private static boolean better(Model a, Model b) {
        if (a.rank != b.rank) {
            return a.rank > b.rank;
        }
        boolean ca = a.cdsStart <= a.cdsEnd;
        boolean cb = b.cdsStart <= b.cdsEnd;
        if (ca && cb && a.cdsLength() != b.cdsLength()) {
            return a.cdsLength() > b.cdsLength();
        }
        return ca != cb ? ca : a.length() > b.length();
    }

    private static Map<String, List<String>> attributes(String column, String where) {
        Map<String, List<String>> out = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(column);
        int at = 0;
        while (at < column.length() && m.find(at) && m.start() == at) {
            out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            at = m.end();
        }
        if (at < column.trim().length()) {
            throw new UserException(where + "attribute column is not GTF 'key \"value\";' pairs near '"
                    + column.substring(at, Math.min(column.length(), at + 30)) + "' (GFF3 is not read)");
        }
        return out;
    }

    private static String first(Map<String, List<String>> attrs, String key, String where) {
        List<String> v = attrs.get(key);
        if (v == null || v.get(0).isEmpty()) {
            throw new UserException(where + "no " + key + " attribute");
        }
        return v.get(0);
    }
}
