package org.oncoconcord.pileup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The second independent oracle: {@code bcftools mpileup -B -q 20 -Q 20 -A -d 100000 --ns
 * UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY -a AD,ADF,ADR -I -f REF -T positions} (overlap removal
 * on, its default; {@code -B} no BAQ; {@code -A} keeps improper pairs; {@code -I} no indel
 * records, whose AD comes from bcftools' own realignment). SNV sites only: per site
 * {refFwd, refRev, altFwd, altRev, other} from ADF/ADR, other = the reads of every other allele.
 */
final class BcftoolsOracle {
    private BcftoolsOracle() {
    }

    /** Counts per "contig:pos:ref:alt" of the SNV sites among {@code sites}. */
    static Map<String, int[]> snvCounts(Path bam, Path fasta, List<String[]> sites, Path work) throws IOException, InterruptedException {
        Path positions = work.resolve("bcftools_positions.txt");
        StringBuilder sb = new StringBuilder();
        for (String[] s : sites) {
            sb.append(s[0]).append('\t').append(s[1]).append('\n');
        }
        Files.writeString(positions, sb.toString());
        Path out = work.resolve("bcftools.txt");
        Path err = work.resolve("bcftools.err");
        String cmd = "set -o pipefail; bcftools mpileup -B -q 20 -Q 20 -A -d 100000 --ns UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY"
                + " -a AD,ADF,ADR -I -f '" + fasta + "' -T '" + positions + "' '" + bam + "' | bcftools query -f"
                + " '%CHROM\\t%POS\\t%REF\\t%ALT[\\t%ADF\\t%ADR]\\n'";
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("bcftools mpileup failed: " + Files.readString(err));
        }
        Map<String, String[]> byPos = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            String[] f = line.split("\t", -1);
            byPos.put(f[0] + ":" + f[1], f);
        }
        Map<String, int[]> result = new HashMap<>();
        for (String[] s : sites) {
            if (s[2].length() != 1 || s[3].length() != 1) {
                continue;
            }
            String[] f = byPos.get(s[0] + ":" + s[1]);
            int[] c = new int[5];
            if (f != null) {
                List<String> alts = Arrays.asList(f[3].split(","));
                int[] fwd = Arrays.stream(f[4].split(",")).mapToInt(Integer::parseInt).toArray();
                int[] rev = Arrays.stream(f[5].split(",")).mapToInt(Integer::parseInt).toArray();
                int alt = alts.indexOf(s[3]) + 1; // 0: the ALT was not seen
                for (int i = 0; i < fwd.length; i++) {
                    if (i == 0) {
                        c[0] = fwd[0];
                        c[1] = rev[0];
                    } else if (i == alt) {
                        c[2] = fwd[i];
                        c[3] = rev[i];
                    } else {
                        c[4] += fwd[i] + rev[i];
                    }
                }
            }
            result.put(String.join(":", s), c);
        }
        return result;
    }
}
