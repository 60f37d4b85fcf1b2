package org.oncoconcord.normalize;

import java.util.HashSet;
import java.util.Set;
import org.oncoconcord.core.UserException;

/**
 * The header rules htslib enforces (so that every normalize output is readable by bcftools): the
 * first line is {@code ##fileformat=VCF...}, no NUL bytes, a tab-separated {@code #CHROM} line with
 * the eight fixed columns (then FORMAT and the samples), and distinct sample names.
 */
final class HeaderRules {
    private static final String FIXED = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO";

    private HeaderRules() {
    }

    /** Checks one header line (before or at #CHROM). */
    static void checkLine(String file, long lineNo, String line) {
        if (line.indexOf('\0') >= 0) {
            throw new UserException(file + ": line " + lineNo + ": NUL byte in the header (binary data, not VCF text)");
        }
        if (lineNo == 1 && !line.startsWith("##fileformat=VCF")) {
            throw new UserException(file + ": line 1: the first line must be ##fileformat=VCFv4.x (found "
                    + preview(line) + "); htslib refuses a VCF without it");
        }
    }

    /** Checks the #CHROM line. */
    static void checkChromLine(String file, long lineNo, String line) {
        if (!line.startsWith(FIXED)) {
            String why = line.startsWith("#CHROM ") || (line.contains(" ") && !line.contains("\t"))
                    ? "is not tab-separated" : "does not start with the columns #CHROM POS ID REF ALT QUAL FILTER INFO";
            throw new UserException(file + ": line " + lineNo + ": the #CHROM header line " + why);
        }
        String[] cols = VcfValues.split(line, '\t');
        if (cols.length == 9) {
            throw new UserException(file + ": line " + lineNo + ": the #CHROM line has a FORMAT column but no sample");
        }
        if (cols.length > 9) {
            if (!cols[8].equals("FORMAT")) {
                throw new UserException(file + ": line " + lineNo + ": the 9th column of the #CHROM line is '" + preview(cols[8])
                        + "', not FORMAT");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 9; i < cols.length; i++) {
                if (cols[i].isEmpty()) {
                    throw new UserException(file + ": line " + lineNo + ": empty sample name in column " + (i + 1));
                }
                if (!seen.add(cols[i])) {
                    throw new UserException(file + ": line " + lineNo + ": duplicate sample name '" + cols[i] + "'");
                }
            }
        }
    }

    /** At most 40 printable characters of {@code s}, for messages (never echo a binary line). */
    static String preview(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.append(s.length() > 40 ? "...'" : "'").toString();
    }
}
