package org.oncoconcord.pileup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The independent oracle: {@code samtools mpileup -B -q 20 -Q 20 -A -d 100000 --ff
 * UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY} (overlap removal on, its default) over the sites'
 * positions, with the read bases column classified as REF/ALT per site.
 */
final class SamtoolsOracle {
    private SamtoolsOracle() {
    }

    /** Counts as {refFwd, refRev, altFwd, altRev, other} per "contig:pos:ref:alt". */
    static Map<String, int[]> counts(Path bam, List<String[]> sites, Path work) throws IOException, InterruptedException {
        Path positions = work.resolve("positions.txt");
        StringBuilder sb = new StringBuilder();
        for (String[] s : sites) {
            sb.append(s[0]).append('\t').append(s[1]).append('\n');
        }
        Files.writeString(positions, sb.toString());
        Path out = work.resolve("mpileup.txt");
        ProcessBuilder pb = new ProcessBuilder("samtools", "mpileup", "-B", "-q", "20", "-Q", "20", "-A", "-d", "100000",
                "--ff", "UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY", "-l", positions.toString(), bam.toString())
                .redirectOutput(out.toFile()).redirectError(work.resolve("mpileup.err").toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("samtools mpileup failed: " + Files.readString(work.resolve("mpileup.err")));
        }
        Map<String, String> basesAt = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            String[] f = line.split("\t", -1);
            basesAt.put(f[0] + ":" + f[1], f.length > 4 ? f[4] : "");
        }
        Map<String, int[]> result = new HashMap<>();
        for (String[] s : sites) {
            int[] c = new int[5];
            for (String[] t : tokens(basesAt.getOrDefault(s[0] + ":" + s[1], ""))) {
                classify(s[2], s[3], t, c);
            }
            result.put(String.join(":", s), c);
        }
        return result;
    }

    /** Tokens {base, indel} of a samtools bases column; indel is "" or "+SEQ"/"-SEQ". */
    static List<String[]> tokens(String col) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        while (i < col.length()) {
            char c = col.charAt(i);
            if (c == '^') {
                i += 2;
            } else if (c == '$') {
                i++;
            } else if (c == '+' || c == '-') {
                int j = i + 1;
                while (Character.isDigit(col.charAt(j))) {
                    j++;
                }
                int n = Integer.parseInt(col.substring(i + 1, j));
                out.get(out.size() - 1)[1] = c + col.substring(j, j + n);
                i = j + n;
            } else {
                out.add(new String[] {String.valueOf(c), ""});
                i++;
            }
        }
        return out;
    }

    private static void classify(String ref, String alt, String[] t, int[] c) {
        char b = t[0].charAt(0);
        if (b == '*' || b == '#' || b == '>' || b == '<') {
            return;
        }
        boolean reverse = Character.isLowerCase(b) || b == ',';
        char base = Character.toUpperCase(b);
        String indel = t[1].toUpperCase();
        ReadAllele a;
        if (ref.length() == 1 && alt.length() == 1) {
            a = base == alt.charAt(0) ? ReadAllele.ALT : base == ref.charAt(0) ? ReadAllele.REF : ReadAllele.OTHER;
        } else if (ref.length() == 1) {
            a = indel.isEmpty() ? ReadAllele.REF : indel.equals("+" + alt.substring(1)) ? ReadAllele.ALT : ReadAllele.OTHER;
        } else {
            a = indel.isEmpty() ? ReadAllele.REF
                    : indel.startsWith("-") && indel.length() - 1 == ref.length() - 1 ? ReadAllele.ALT : ReadAllele.OTHER;
        }
        switch (a) {
            case REF -> c[reverse ? 1 : 0]++;
            case ALT -> c[reverse ? 3 : 2]++;
            default -> c[4]++;
        }
    }
}
