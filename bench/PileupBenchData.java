import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.oncoconcord.simulate.BamWriter;

/**
 * Benchmark input for bench/pileup.sh (run as a single-file source with the oncoconcord jar on the
 * class path): a random reference of LENGTH bp (one contig, simulate/BamWriter.randomReference), SITES
 * random SNV sites as sites.tsv (oncoconcord) and positions.tsv (bcftools -R), and an indexed BAM at
 * COVERAGE x written directly in coordinate order, so that no sort (and no spill file) is needed.
 *
 * <p>Reads as simulate/BamWriter makes them (same rates): 100 bp pairs from 120-350 bp fragments (mates
 * of fragments under 200 bp overlap), leftmost mate forward, 1% base errors, base qualities 2-40 (10%
 * below 20), 5% duplicate pairs, per read 5% MAPQ below 20 and 2% each secondary, supplementary and
 * QC-fail, 5% improper pairs. In addition 1% of reads carry a 1-3 bp insertion or deletion in their
 * CIGAR and 2% a 5-30 bp soft clip of junk bases at their 3' end. Every fourth site is planted: a
 * fragment carries its ALT with probability VAF (0.02-0.50), both mates alike.
 *
 * <p>Fragments are drawn position by position (a Poisson number starting at each base), so they come
 * in order of start; every read begins at or after its fragment's start, so a priority queue of the
 * reads of the last ~350 bp is all the buffering needed. The BAM and its .bai are written to temporary
 * names and renamed at the end.
 *
 * <p>usage: java -cp oncoconcord.jar PileupBenchData.java DIR LENGTH COVERAGE SITES
 */
public class PileupBenchData {
    private static final byte[] BASES = {'A', 'C', 'G', 'T'};
    private static final int READ = 100;
    private static final int MIN_FRAGMENT = 120;
    private static final int MAX_FRAGMENT = 350;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int length = Integer.parseInt(args[1]);
        double coverage = Double.parseDouble(args[2]);
        int sites = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("chr1", length);
        Map<String, byte[]> reference = BamWriter.randomReference(lengths, 101);
        BamWriter.writeFasta(dir.resolve("ref.fa"), reference);
        byte[] ref = reference.get("chr1");

        SplittableRandom rng = new SplittableRandom(102);
        TreeSet<Integer> positions = new TreeSet<>();
        while (positions.size() < sites) {
            positions.add(MAX_FRAGMENT + 1 + rng.nextInt(length - 2 * MAX_FRAGMENT));
        }
        int[] plantedPos = new int[(sites + 3) / 4];
        byte[] plantedAlt = new byte[plantedPos.length];
        double[] plantedVaf = new double[plantedPos.length];
        StringBuilder tsv = new StringBuilder("#contig\tpos\tref\talt\n");
        StringBuilder pos = new StringBuilder();
        int k = 0;
        for (int p : positions) {
            byte r = ref[p - 1];
            byte a = BASES[(indexOf(r) + 1 + rng.nextInt(3)) % 4];
            if (k % 4 == 0) {
                plantedPos[k / 4] = p;
                plantedAlt[k / 4] = a;
                plantedVaf[k / 4] = 0.02 + 0.48 * rng.nextDouble();
            }
            k++;
            tsv.append("chr1\t").append(p).append('\t').append((char) r).append('\t').append((char) a).append('\n');
            pos.append("chr1\t").append(p).append('\n');
        }
        Files.writeString(dir.resolve("sites.tsv"), tsv.toString());
        Files.writeString(dir.resolve("positions.tsv"), pos.toString());

        SAMSequenceDictionary dict = new SAMSequenceDictionary();
        dict.addSequence(new SAMSequenceRecord("chr1", length));
        SAMFileHeader header = new SAMFileHeader(dict);
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        SAMReadGroupRecord rg = new SAMReadGroupRecord("rg1");
        rg.setSample("BENCH");
        rg.setPlatform("ILLUMINA");
        header.addReadGroup(rg);

        Path tmp = dir.resolve("big.tmp.bam");
        Path tmpIndex = dir.resolve("big.tmp.bai");
        SplittableRandom reads = new SplittableRandom(103);
        double perBase = coverage / (2.0 * READ);
        double emptyStart = Math.exp(-perBase);
        PriorityQueue<SAMRecord> pending = new PriorityQueue<>(Comparator.comparingInt(SAMRecord::getAlignmentStart));
        long fragment = 0;
        int next = 0; // first planted site not left behind
        try (SAMFileWriter writer = new SAMFileWriterFactory().setCreateIndex(true).makeBAMWriter(header, true, tmp)) {
            for (int start = 1; start + MAX_FRAGMENT + 10 <= length; start++) {
                while (!pending.isEmpty() && pending.peek().getAlignmentStart() < start) {
                    writer.addAlignment(pending.poll());
                }
                while (next < plantedPos.length && plantedPos[next] < start) {
                    next++;
                }
                for (int n = poisson(reads, emptyStart); n > 0; n--) {
                    int len = MIN_FRAGMENT + reads.nextInt(MAX_FRAGMENT - MIN_FRAGMENT + 1);
                    Map<Integer, Byte> carried = Map.of();
                    for (int i = next; i < plantedPos.length && plantedPos[i] < start + len; i++) {
                        if (reads.nextDouble() < plantedVaf[i]) {
                            carried = carried.isEmpty() ? new java.util.HashMap<>() : carried;
                            carried.put(plantedPos[i], plantedAlt[i]);
                        }
                    }
                    String name = "BENCH:" + (++fragment);
                    SAMRecord left = read(header, name, ref, start, carried, reads, false);
                    SAMRecord right = read(header, name, ref, start + len - READ, carried, reads, true);
                    pair(left, right, reads.nextBoolean(), reads.nextDouble() >= 0.05);
                    List<SAMRecord> out = new ArrayList<>(List.of(left, right));
                    if (reads.nextDouble() < 0.05) {
                        for (SAMRecord r : List.of(left, right)) {
                            SAMRecord d = r.deepCopy();
                            d.setReadName(name + "d");
                            d.setDuplicateReadFlag(true);
                            out.add(d);
                        }
                    }
                    pending.addAll(out);
                }
            }
            while (!pending.isEmpty()) {
                writer.addAlignment(pending.poll());
            }
        }
        Files.move(tmpIndex, dir.resolve("big.bam.bai"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dir.resolve("big.bam"), StandardCopyOption.REPLACE_EXISTING);
        System.err.println("fragments: " + fragment);
    }

    private static int indexOf(byte b) {
        for (int i = 0; i < 4; i++) {
            if (BASES[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("not a base: " + (char) b);
    }

    /** Knuth's method; {@code emptyStart} = exp(-lambda). */
    private static int poisson(SplittableRandom rng, double emptyStart) {
        int n = 0;
        double p = rng.nextDouble();
        while (p > emptyStart) {
            n++;
            p *= rng.nextDouble();
        }
        return n;
    }

    /** Mate fields of both reads; {@code leftFirst}: the forward (leftmost) read is first of pair. */
    private static void pair(SAMRecord left, SAMRecord right, boolean leftFirst, boolean proper) {
        int insert = right.getAlignmentEnd() - left.getAlignmentStart() + 1;
        left.setFirstOfPairFlag(leftFirst);
        left.setSecondOfPairFlag(!leftFirst);
        right.setFirstOfPairFlag(!leftFirst);
        right.setSecondOfPairFlag(leftFirst);
        for (SAMRecord[] ab : new SAMRecord[][] {{left, right}, {right, left}}) {
            SAMRecord a = ab[0];
            SAMRecord b = ab[1];
            a.setReadPairedFlag(true);
            a.setProperPairFlag(proper);
            a.setMateReferenceName(b.getReferenceName());
            a.setMateAlignmentStart(b.getAlignmentStart());
            a.setMateNegativeStrandFlag(b.getReadNegativeStrandFlag());
            a.setInferredInsertSize(a == left ? insert : -insert);
        }
    }

    /** One 100 bp read of the template from {@code start}: carried ALTs, maybe an indel, maybe a 3' soft clip, errors. */
    private static SAMRecord read(SAMFileHeader header, String name, byte[] ref, int start, Map<Integer, Byte> carried,
                                  SplittableRandom rng, boolean reverse) {
        byte[] bases = new byte[READ];
        List<CigarElement> cigar = new ArrayList<>(5);
        int clip = rng.nextDouble() < 0.02 ? 5 + rng.nextInt(26) : 0;
        int indelAt = clip == 0 && rng.nextDouble() < 0.01 ? 10 + rng.nextInt(READ - 20) : -1;
        int indelLen = 1 + rng.nextInt(3);
        boolean deletion = rng.nextBoolean();
        int p = start;
        int i = 0;
        while (i < READ) {
            if (i == indelAt && deletion) {
                add(cigar, CigarOperator.D, indelLen);
                p += indelLen;
                indelAt = -1;
            } else if (i == indelAt) {
                for (int j = 0; j < indelLen; j++) {
                    bases[i++] = BASES[rng.nextInt(4)];
                }
                add(cigar, CigarOperator.I, indelLen);
                indelAt = -1;
            } else {
                Byte alt = carried.isEmpty() ? null : carried.get(p);
                bases[i++] = alt != null ? alt : ref[p - 1];
                add(cigar, CigarOperator.M, 1);
                p++;
            }
        }
        int alignmentStart = start;
        if (clip > 0) { // junk at the 3' end: the left end of a reverse read (no indel in such a read)
            cigar = reverse
                    ? List.of(new CigarElement(clip, CigarOperator.S), new CigarElement(READ - clip, CigarOperator.M))
                    : List.of(new CigarElement(READ - clip, CigarOperator.M), new CigarElement(clip, CigarOperator.S));
            alignmentStart = reverse ? start + clip : start;
            for (int j = 0; j < clip; j++) {
                bases[reverse ? j : READ - 1 - j] = BASES[rng.nextInt(4)];
            }
        }
        byte[] quals = new byte[READ];
        for (int j = 0; j < READ; j++) {
            double u = rng.nextDouble();
            quals[j] = (byte) (u < 0.1 ? 2 + rng.nextInt(18) : u < 0.3 ? 18 + rng.nextInt(12) : 30 + rng.nextInt(11));
            if (rng.nextDouble() < 0.01) {
                byte b;
                do {
                    b = BASES[rng.nextInt(4)];
                } while (b == bases[j]);
                bases[j] = b;
            }
        }
        SAMRecord r = new SAMRecord(header);
        r.setReadName(name);
        r.setReferenceName("chr1");
        r.setAlignmentStart(alignmentStart);
        r.setCigar(new Cigar(cigar));
        r.setReadBases(bases);
        r.setBaseQualities(quals);
        r.setReadNegativeStrandFlag(reverse);
        r.setMappingQuality(rng.nextDouble() < 0.05 ? rng.nextInt(20) : 60);
        r.setSecondaryAlignment(rng.nextDouble() < 0.02);
        r.setSupplementaryAlignmentFlag(rng.nextDouble() < 0.02);
        r.setReadFailsVendorQualityCheckFlag(rng.nextDouble() < 0.02);
        r.setAttribute("RG", "rg1");
        return r;
    }

    private static void add(List<CigarElement> cigar, CigarOperator op, int len) {
        int last = cigar.size() - 1;
        if (last >= 0 && cigar.get(last).getOperator() == op) {
            cigar.set(last, new CigarElement(cigar.get(last).getLength() + len, op));
        } else {
            cigar.add(new CigarElement(len, op));
        }
    }
}
