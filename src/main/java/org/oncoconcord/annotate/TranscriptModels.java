package org.oncoconcord.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.UserException;

/**
 * Transcript structures gathered feature by feature from a GTF or GFF3 file, reduced to one
 * transcript per gene: the one tagged MANE Select, else Ensembl canonical, else the longest CDS,
 * else the longest transcript. Genes without a CDS are left out (and counted). The coding span is
 * the union of CDS and stop_codon features (GTF's CDS excludes the stop codon, Ensembl's and
 * RefSeq's GFF3 CDS include it).
 */
final class TranscriptModels {
    /** Rank of a transcript's tags: MANE Select 2, Ensembl canonical 1, else 0. */
    static int rank(List<String> tags) {
        boolean mane = tags.stream().anyMatch(t -> t.equals("MANE_Select") || t.equals("MANE Select"));
        return mane ? 2 : tags.contains("Ensembl_canonical") ? 1 : 0;
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

    private final Path file;
    private final Map<String, Model> models = new LinkedHashMap<>();

    TranscriptModels(Path file) {
        this.file = file;
    }

    /**
     * Adds one exon, CDS or stop_codon feature of transcript {@code id} from line {@code line} of
     * the file ({@code file:line: } prefixes the error when the transcript changes contig, strand or gene).
     */
    void add(int line, String type, String id, String gene, String chrom, boolean plus, int start, int end, int rank) {
        if (start < 1 || end < start) {
            throw new UserException(file + ":" + line + ": start " + start + " and end " + end + " are not 1 <= start <= end");
        }
        Model m = models.computeIfAbsent(id, k -> new Model(gene, id, chrom, plus));
        if (!m.chrom.equals(chrom) || m.plus != plus || !m.gene.equals(gene)) {
            throw new UserException(file + ":" + line + ": transcript " + id + " changes contig, strand or gene");
        }
        m.rank = Math.max(m.rank, rank);
        switch (type) {
            case "exon" -> m.exons.add(new int[] {start, end});
            case "CDS", "stop_codon" -> {
                m.cdsStart = Math.min(m.cdsStart, start);
                m.cdsEnd = Math.max(m.cdsEnd, end);
            }
            default -> throw new IllegalArgumentException("not a transcript part: " + type);
        }
    }

    /** One transcript per gene; {@code format} ("GTF", "GFF3") names the source. */
    TranscriptSet build(String format) {
        Map<String, Model> best = new LinkedHashMap<>();
        for (Model m : models.values()) {
            if (m.exons.isEmpty()) {
                throw new UserException(file + ": transcript " + m.id + " has CDS/stop_codon lines but no exon line");
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
                throw new UserException(file + ": transcript " + m.id + " (" + m.gene + "): " + e.getMessage());
            }
        }
        return new TranscriptSet(format + " " + file.getFileName() + " (" + list.size() + " coding genes; "
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
}
