package org.oncoconcord.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncoconcord.core.UserException;

/**
 * A strict reader of Ensembl/GENCODE GTF (GTF2.2: {@code exon}, {@code CDS}, {@code stop_codon}
 * features with {@code gene_name} and {@code transcript_id} attributes) into one transcript per
 * gene ({@link TranscriptModels} chooses it). No library on Maven Central reads GTF (htsjdk reads
 * GFF3: {@link Gff3Reader}).
 * Bad lines are errors naming {@code file:line}. No CDS sequence: codons come from the FASTA.
 */
public final class GtfReader {
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s+\"([^\"]*)\"\\s*;?");

    private GtfReader() {
    }

    /** Reads {@code gtf}; a malformed line or inconsistent transcript is a {@link UserException} naming file and line. */
    public static TranscriptSet read(Path gtf) {
        TranscriptModels models = new TranscriptModels(gtf);
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
                if (!f[6].equals("+") && !f[6].equals("-")) {
                    throw new UserException(where + "strand '" + f[6] + "' is not + or -");
                }
                Map<String, List<String>> attrs = attributes(f[8], where);
                String id = first(attrs, "transcript_id", where);
                String gene = attrs.containsKey("gene_name") ? attrs.get("gene_name").get(0) : first(attrs, "gene_id", where);
                List<String> tags = attrs.getOrDefault("tag", List.of());
                models.add(where, type, id, gene, f[0], f[6].equals("+"), start, end, TranscriptModels.rank(tags));
            }
        } catch (IOException e) {
            throw new UserException(gtf + ": cannot read: " + e.getMessage());
        }
        return models.build("GTF");
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
                    + column.substring(at, Math.min(column.length(), at + 30)) + "' (a GFF3 file is read with --gff3)");
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
