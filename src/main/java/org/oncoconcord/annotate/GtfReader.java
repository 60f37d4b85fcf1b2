package org.oncoconcord.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import org.oncoconcord.core.UserException;

/**
 * A strict reader of Ensembl/GENCODE GTF (GTF2.2: {@code exon}, {@code CDS}, {@code stop_codon}
 * features with {@code gene_name} and {@code transcript_id} attributes; Ensembl's unversioned
 * {@code transcript_id} gets its {@code transcript_version}: {@code ENST00000256078.4}) into one transcript per
 * gene ({@link TranscriptModels} chooses it). No library on Maven Central reads GTF (htsjdk reads
 * GFF3: {@link Gff3Reader}).
 * Plain, gzip or BGZF text ({@link ModelText}). Bad lines are errors naming {@code file:line}. No CDS
 * sequence: codons come from the FASTA.
 */
public final class GtfReader {
    private GtfReader() {
    }

    /** Reads {@code gtf}; a malformed line or inconsistent transcript is a {@link UserException} naming file and line. */
    public static TranscriptSet read(Path gtf) {
        TranscriptModels models = new TranscriptModels(gtf);
        int lineNo = 0;
        int[] tabs = new int[8];
        Attributes previous = new Attributes();
        String chrom = "";
        try (BufferedReader in = ModelText.open(gtf)) {
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
                int start;
                int end;
                try {
                    start = Integer.parseInt(line, tabs[2] + 1, tabs[3], 10);
                    end = Integer.parseInt(line, tabs[3] + 1, tabs[4], 10);
                } catch (NumberFormatException e) {
                    throw new UserException(where(gtf, lineNo) + "start/end '" + line.substring(tabs[2] + 1, tabs[3]) + "'/'"
                            + line.substring(tabs[3] + 1, tabs[4]) + "' are not whole numbers");
                }
                if (tabs[6] - tabs[5] != 2 || (line.charAt(tabs[5] + 1) != '+' && line.charAt(tabs[5] + 1) != '-')) {
                    throw new UserException(where(gtf, lineNo) + "strand '" + line.substring(tabs[5] + 1, tabs[6]) + "' is not + or -");
                }
                boolean plus = line.charAt(tabs[5] + 1) == '+';
                Attributes a = Attributes.parse(line, tabs[7] + 1, previous, gtf, lineNo);
                String id = a.require(a.transcriptId, "transcript_id", gtf, lineNo);
                if (a.transcriptVersion != null && id.indexOf('.') < 0) { // Ensembl: ENST00000256078 + transcript_version "4"
                    id = id + "." + a.transcriptVersion;
                }
                String gene = a.geneName != null ? a.geneName : a.require(a.geneId, "gene_id", gtf, lineNo);
                chrom = line.regionMatches(0, chrom, 0, tabs[0]) && chrom.length() == tabs[0] ? chrom : line.substring(0, tabs[0]);
                models.add(lineNo, type, id, gene, chrom, plus, start, end, a.rank());
                previous = a;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ModelText.notText(gtf, "GTF", e);
        } catch (IOException e) {
            throw new UserException(gtf + ": cannot read: " + e.getMessage());
        }
        return models.build("GTF");
    }

    /** The prefix {@code file:line: } of an error (built only on error: reading runs interpreted at start). */
    private static String where(Path gtf, int lineNo) {
        return gtf + ":" + lineNo + ": ";
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
     * The attributes read from column 9 ({@code key "value";} pairs, numbers also unquoted as in GENCODE's
     * {@code exon_number 1; level 2;}; parsed by hand: a regular
     * expression cost more than the rest of the reading): the first transcript_id, gene_name and
     * gene_id, and the tags.
     */
    private static final class Attributes {
        String transcriptId;
        String transcriptVersion;
        String geneName;
        String geneId;
        boolean mane;
        boolean canonical;

        /**
         * Parses column 9, {@code line} from {@code from}; values equal to those of {@code previous}
         * (the line before: usually the same transcript) are taken from it instead of copied.
         */
        static Attributes parse(String line, int from, Attributes previous, Path gtf, int lineNo) {
            Attributes a = new Attributes();
            int at = from;
            int n = line.length();
            while (at < n) {
                int next = a.pair(line, at, previous);
                if (next < 0) {
                    break;
                }
                at = next;
            }
            if (at - from < trimmedLength(line, from)) {
                throw new UserException(where(gtf, lineNo) + "attribute column is not GTF 'key \"value\";' pairs near '"
                        + line.substring(at, Math.min(line.length(), at + 30)) + "' (a GFF3 file is read with --gff3)");
            }
            return a;
        }

        /** {@code line.substring(from).trim().length()} without the copies. */
        private static int trimmedLength(String line, int from) {
            int a = from;
            int b = line.length();
            while (a < b && line.charAt(a) <= ' ') {
                a++;
            }
            while (b > a && line.charAt(b - 1) <= ' ') {
                b--;
            }
            return b - a;
        }

        /**
         * Reads one {@code \s*key\s+"value"\s*;?} or, for a number as GENCODE writes {@code exon_number}
         * and {@code level}, {@code \s*key\s+number\s*;?} (digits, {@code . + -}; text must be quoted) at
         * {@code at} (key: a letter or _, then letters, digits, _ or .); returns the position after it,
         * or -1 when none starts there.
         */
        private int pair(String s, int at, Attributes previous) {
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
            if (i == keyEnd || i >= n) {
                return -1;
            }
            int from;
            int to;
            if (s.charAt(i) == '"') {
                from = i + 1;
                to = s.indexOf('"', from);
                if (to < 0) {
                    return -1;
                }
                i = to + 1;
            } else {
                from = i;
                while (i < n && (digit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-' || s.charAt(i) == '+')) {
                    i++;
                }
                to = i;
                if (to == from || (i < n && s.charAt(i) != ';' && s.charAt(i) != ' ' && (s.charAt(i) < '\t' || s.charAt(i) > '\r'))) {
                    return -1;
                }
            }
            keep(s, keyStart, keyEnd, from, to, previous);
            i = skipSpace(s, i);
            return i < n && s.charAt(i) == ';' ? i + 1 : i;
        }

        /** Keeps the value {@code s[from, to)} of key {@code s[keyStart, keyEnd)} when it is one read (first one wins). */
        private void keep(String s, int keyStart, int keyEnd, int from, int to, Attributes previous) {
            int len = keyEnd - keyStart;
            if (is(s, keyStart, len, "transcript_id")) {
                transcriptId = transcriptId == null ? value(s, from, to, previous.transcriptId) : transcriptId;
            } else if (is(s, keyStart, len, "gene_name")) {
                geneName = geneName == null ? value(s, from, to, previous.geneName) : geneName;
            } else if (is(s, keyStart, len, "transcript_version")) {
                transcriptVersion = transcriptVersion == null ? value(s, from, to, previous.transcriptVersion) : transcriptVersion;
            } else if (is(s, keyStart, len, "gene_id")) {
                geneId = geneId == null ? value(s, from, to, previous.geneId) : geneId;
            } else if (is(s, keyStart, len, "tag")) {
                mane |= is(s, from, to - from, "MANE_Select") || is(s, from, to - from, "MANE Select");
                canonical |= is(s, from, to - from, "Ensembl_canonical");
            }
        }

        /** {@code s[from, to)}: {@code same} when it holds these characters, else a copy. */
        private static String value(String s, int from, int to, String same) {
            return same != null && is(s, from, to - from, same) ? same : s.substring(from, to);
        }

        private static boolean is(String s, int from, int len, String key) {
            return len == key.length() && s.startsWith(key, from);
        }

        /** As {@link TranscriptModels#rank}. */
        int rank() {
            return mane ? 2 : canonical ? 1 : 0;
        }

        String require(String value, String key, Path gtf, int lineNo) {
            if (value == null || value.isEmpty()) {
                throw new UserException(where(gtf, lineNo) + "no " + key + " attribute");
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
