package org.oncoconcord.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oncoconcord.core.UserException;

/**
 * A strict reader of Ensembl/GENCODE GTF (GTF2.2: {@code exon}, {@code CDS}, {@code stop_codon}
 * features with {@code gene_name} and {@code transcript_id} attributes) into one transcript per
 * gene ({@link TranscriptModels} chooses it). No library on Maven Central reads GTF (htsjdk reads
 * GFF3: {@link Gff3Reader}).
 * Bad lines are errors naming {@code file:line}. No CDS sequence: codons come from the FASTA.
 */
public final class GtfReader {
    private GtfReader() {
    }

    /** Reads {@code gtf}; a malformed line or inconsistent transcript is a {@link UserException} naming file and line. */
    public static TranscriptSet read(Path gtf) {
        TranscriptModels models = new TranscriptModels(gtf);
        int lineNo = 0;
        int[] tabs = new int[8];
        try (BufferedReader in = Files.newBufferedReader(gtf, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int columns = tabs(line, tabs);
                if (columns != 9) {
                    throw new UserException(gtf + ":" + lineNo + ": " + columns + " tab-separated columns, GTF has 9");
                }
                String type = featureType(line, tabs[1] + 1, tabs[2]);
                if (type == null) {
                    continue;
                }
                String where = gtf + ":" + lineNo + ": ";
                String startText = line.substring(tabs[2] + 1, tabs[3]);
                String endText = line.substring(tabs[3] + 1, tabs[4]);
                int start;
                int end;
                try {
                    start = Integer.parseInt(startText);
                    end = Integer.parseInt(endText);
                } catch (NumberFormatException e) {
                    throw new UserException(where + "start/end '" + startText + "'/'" + endText + "' are not whole numbers");
                }
                String strand = line.substring(tabs[5] + 1, tabs[6]);
                if (!strand.equals("+") && !strand.equals("-")) {
                    throw new UserException(where + "strand '" + strand + "' is not + or -");
                }
                Attributes a = Attributes.parse(line.substring(tabs[7] + 1), where);
                String id = a.require(a.transcriptId, "transcript_id", where);
                String gene = a.geneName != null ? a.geneName : a.require(a.geneId, "gene_id", where);
                models.add(where, type, id, gene, line.substring(0, tabs[0]), strand.equals("+"), start, end, a.rank());
            }
        } catch (IOException e) {
            throw new UserException(gtf + ": cannot read: " + e.getMessage());
        }
        return models.build("GTF");
    }

    /** Positions of the first (up to) 8 tabs of {@code line} into {@code tabs}; returns the number of columns. */
    private static int tabs(String line, int[] tabs) {
        int n = 0;
        for (int i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', i + 1)) {
            if (n < tabs.length) {
                tabs[n] = i;
            }
            n++;
        }
        return n + 1;
    }

    /** The feature type of columns {@code from..to} when it is one we read (exon, CDS, stop_codon), else null. */
    private static String featureType(String line, int from, int to) {
        for (String type : TYPES) {
            if (to - from == type.length() && line.startsWith(type, from)) {
                return type;
            }
        }
        return null;
    }

    private static final String[] TYPES = {"exon", "CDS", "stop_codon"};

    /**
     * The attributes read from column 9 ({@code key "value";} pairs, parsed by hand: a regular
     * expression cost more than the rest of the reading): the first transcript_id, gene_name and
     * gene_id, and the tags.
     */
    private static final class Attributes {
        String transcriptId;
        String geneName;
        String geneId;
        boolean mane;
        boolean canonical;

        static Attributes parse(String column, String where) {
            Attributes a = new Attributes();
            int at = 0;
            int n = column.length();
            while (at < n) {
                int next = a.pair(column, at);
                if (next < 0) {
                    break;
                }
                at = next;
            }
            if (at < column.trim().length()) {
                throw new UserException(where + "attribute column is not GTF 'key \"value\";' pairs near '"
                        + column.substring(at, Math.min(column.length(), at + 30)) + "' (a GFF3 file is read with --gff3)");
            }
            return a;
        }

        /**
         * Reads one {@code \s*key\s+"value"\s*;?} at {@code at} (key: a letter or _, then letters,
         * digits, _ or .); returns the position after it, or -1 when none starts there.
         */
        private int pair(String s, int at) {
            int n = s.length();
            int i = skipSpace(s, at);
            int keyStart = i;
            if (i >= n || !(letter(s.charAt(i)) || s.charAt(i) == '_')) {
                return -1;
            }
            i++;
            while (i < n && (letter(s.charAt(i)) || digit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                i++;
            }
            int keyEnd = i;
            i = skipSpace(s, i);
            if (i == keyEnd || i >= n || s.charAt(i) != '"') {
                return -1;
            }
            int close = s.indexOf('"', i + 1);
            if (close < 0) {
                return -1;
            }
            keep(s, keyStart, keyEnd, s.substring(i + 1, close));
            i = skipSpace(s, close + 1);
            return i < n && s.charAt(i) == ';' ? i + 1 : i;
        }

        private void keep(String s, int keyStart, int keyEnd, String value) {
            int len = keyEnd - keyStart;
            if (is(s, keyStart, len, "transcript_id")) {
                transcriptId = transcriptId == null ? value : transcriptId;
            } else if (is(s, keyStart, len, "gene_name")) {
                geneName = geneName == null ? value : geneName;
            } else if (is(s, keyStart, len, "gene_id")) {
                geneId = geneId == null ? value : geneId;
            } else if (is(s, keyStart, len, "tag")) {
                mane |= value.equals("MANE_Select") || value.equals("MANE Select");
                canonical |= value.equals("Ensembl_canonical");
            }
        }

        private static boolean is(String s, int from, int len, String key) {
            return len == key.length() && s.startsWith(key, from);
        }

        /** As {@link TranscriptModels#rank}. */
        int rank() {
            return mane ? 2 : canonical ? 1 : 0;
        }

        String require(String value, String key, String where) {
            if (value == null || value.isEmpty()) {
                throw new UserException(where + "no " + key + " attribute");
            }
            return value;
        }

        /** Skips the characters of regex {@code \s}: space, tab, line breaks, vertical tab, form feed. */
        private static int skipSpace(String s, int i) {
            while (i < s.length() && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
                i++;
            }
            return i;
        }

        private static boolean letter(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
