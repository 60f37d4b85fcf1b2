import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.oncoconcord.simulate.BamWriter;

/**
 * Benchmark input for bench/pileup.sh (run as a single-file source with the oncoconcord jar on the
 * class path): a random reference of LENGTH bp (one contig), an indexed BAM at COVERAGE x with
 * 40 planted SNVs (simulate/BamWriter: errors, duplicates, overlapping mates, flags; BamWriter tests every
 * planted site against every fragment, so more would make the generation slow), and SITES
 * random SNV sites (the planted ones among them) as sites.tsv (oncoconcord) and positions.tsv
 * (bcftools -R).  usage: java -cp oncoconcord.jar PileupBenchData.java DIR LENGTH COVERAGE SITES
 */
public class PileupBenchData {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int length = Integer.parseInt(args[1]);
        double coverage = Double.parseDouble(args[2]);
        int sites = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("chr1", length);
        Map<String, byte[]> ref = BamWriter.randomReference(lengths, 101);
        BamWriter.writeFasta(dir.resolve("ref.fa"), ref);
        byte[] b = ref.get("chr1");
        SplittableRandom rng = new SplittableRandom(102);
        java.util.TreeSet<Integer> positions = new java.util.TreeSet<>();
        while (positions.size() < sites) {
            positions.add(200 + rng.nextInt(length - 400));
        }
        List<BamWriter.Planted> planted = new ArrayList<>();
        StringBuilder tsv = new StringBuilder("#contig\tpos\tref\talt\n");
        StringBuilder pos = new StringBuilder();
        int k = 0;
        for (int p : positions) {
            char r = (char) b[p - 1];
            char a = "ACGT".charAt((("ACGT".indexOf(r)) + 1 + rng.nextInt(3)) % 4);
            if (k++ % Math.max(1, sites / 40) == 0) {
                planted.add(new BamWriter.Planted("chr1", p, String.valueOf(r), String.valueOf(a), 0.3));
            }
            tsv.append("chr1\t").append(p).append('\t').append(r).append('\t').append(a).append('\n');
            pos.append("chr1\t").append(p).append('\n');
        }
        Files.writeString(dir.resolve("sites.tsv"), tsv.toString());
        Files.writeString(dir.resolve("positions.tsv"), pos.toString());
        BamWriter.Config std = BamWriter.Config.standard(103);
        BamWriter.write(dir.resolve("big.bam"), "BENCH", ref, planted, new BamWriter.Config(std.readLength(), coverage,
                std.minFragment(), std.maxFragment(), std.errorRate(), std.duplicateRate(), std.lowMapqRate(), std.secondaryRate(),
                std.supplementaryRate(), std.qcFailRate(), std.improperRate(), std.seed()));
    }
}
