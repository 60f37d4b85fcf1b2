package org.oncoconcord.simulate;

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
import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes small simulated paired-end BAMs (htsjdk, coordinate-sorted, indexed) over a reference,
 * with planted variant allele fractions (SNVs and anchored indels), sequencing errors, a spread
 * of base and mapping qualities, duplicates, secondary/supplementary/QC-fail reads, improper
 * pairs and overlapping mates, so read counters can be checked against a planted truth and
 * against samtools/bcftools on the same file.
 */
public final class BamWriter {
    private static final char[] BASES = {'A', 'C', 'G', 'T'};

    private BamWriter() {
    }

    /** A planted variant: 1-based {@code pos}, VCF alleles (indels anchored), fraction of fragments carrying ALT. */
    public record Planted(String contig, int pos, String ref, String alt, double vaf) {
    }

    /** Read simulation settings; rates are per read (flags, MAPQ) or per base (errors) or per pair (duplicates, improper). */
    public record Config(int readLength, double coverage, int minFragment, int maxFragment, double errorRate,
                         double duplicateRate, double lowMapqRate, double secondaryRate, double supplementaryRate,
                         double qcFailRate, double improperRate, long seed) {
        /** 100 bp reads at 60x, fragments 120-350 bp (many mates overlap), 1% errors, 5% of every artefact. */
        public static Config standard(long seed) {
            return new Config(100, 60, 120, 350, 0.01, 0.05, 0.05, 0.02, 0.02, 0.02, 0.05, seed);
        }
    }

    /** A random reference (uniform bases), in insertion order of {@code lengths}. */
    public static Map<String, byte[]> randomReference(Map<String, Integer> lengths, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : lengths.entrySet()) {
            byte[] b = new byte[e.getValue()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) BASES[rng.nextInt(4)];
            }
            out.put(e.getKey(), b);
        }
        return out;
    }

    /** Writes {@code reference} as FASTA with its .fai index. */
    public static void writeFasta(Path fasta, Map<String, byte[]> reference) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(fasta)) {
            for (Map.Entry<String, byte[]> e : reference.entrySet()) {
                w.write(">" + e.getKey() + "\n");
                byte[] b = e.getValue();
                for (int i = 0; i < b.length; i += 60) {
                    w.write(new String(b, i, Math.min(60, b.length - i), java.nio.charset.StandardCharsets.US_ASCII));
                    w.write('\n');
                }
            }
        }
        FastaSequenceIndexCreator.create(fasta, true);
    }

    /** A coordinate-sorted header over {@code dict} with one Illumina read group {@code rg1} of sample {@code sample}. */
    static SAMFileHeader header(SAMSequenceDictionary dict, String sample) {
        SAMFileHeader header = new SAMFileHeader(dict);
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        SAMReadGroupRecord rg = new SAMReadGroupRecord("rg1");
        rg.setSample(sample);
        rg.setPlatform("ILLUMINA");
        header.addReadGroup(rg);
        return header;
    }

    /** Writes a coordinate-sorted BAM (and its .bai) of one sample with the planted variants. */
    public static void write(Path bam, String sample, Map<String, byte[]> reference, List<Planted> variants, Config cfg)
            throws IOException {
        SAMSequenceDictionary dict = new SAMSequenceDictionary();
        reference.forEach((name, b) -> dict.addSequence(new SAMSequenceRecord(name, b.length)));
        SAMFileHeader header = header(dict, sample);
        SplittableRandom rng = new SplittableRandom(cfg.seed());
        Files.deleteIfExists(bam);
        try (SAMFileWriter writer = new SAMFileWriterFactory().setCreateIndex(true).setTempDirectory(bam.toAbsolutePath().getParent().toFile())
                .makeBAMWriter(header, false, bam)) {
            long fragment = 0;
            for (Map.Entry<String, byte[]> e : reference.entrySet()) {
                Map<Integer, Planted> edits = new HashMap<>();
                for (Planted p : variants) {
                    if (p.contig().equals(e.getKey())) {
                        edits.put(p.pos(), p);
                    }
                }
                byte[] ref = e.getValue();
                long fragments = Math.round(cfg.coverage() * ref.length / (2.0 * cfg.readLength()));
                for (long f = 0; f < fragments; f++) {
                    int len = cfg.minFragment() + rng.nextInt(cfg.maxFragment() - cfg.minFragment() + 1);
                    if (len >= ref.length) {
                        continue;
                    }
                    int start = 1 + rng.nextInt(ref.length - len);
                    Map<Integer, Planted> carried = new HashMap<>();
                    for (Planted p : edits.values()) {
                        if (p.pos() >= start && p.pos() < start + len && rng.nextDouble() < p.vaf()) {
                            carried.put(p.pos(), p);
                        }
                    }
                    String name = "frag" + (++fragment);
                    SAMRecord r1 = read(header, name, e.getKey(), ref, start, carried, cfg, rng, false);
                    SAMRecord r2 = read(header, name, e.getKey(), ref, Math.max(1, start + len - cfg.readLength()), carried, cfg, rng, true);
                    if (r1 == null || r2 == null) {
                        continue;
                    }
                    pair(r1, r2, rng.nextDouble() >= cfg.improperRate());
                    writer.addAlignment(r1);
                    writer.addAlignment(r2);
                    if (rng.nextDouble() < cfg.duplicateRate()) {
                        for (SAMRecord r : List.of(r1, r2)) {
                            SAMRecord d = r.deepCopy();
                            d.setReadName(name + "d");
                            d.setDuplicateReadFlag(true);
                            writer.addAlignment(d);
                        }
                    }
                }
            }
        }
    }

    static void pair(SAMRecord r1, SAMRecord r2, boolean proper) {
        int insert = r2.getAlignmentEnd() - r1.getAlignmentStart() + 1;
        r1.setFirstOfPairFlag(true);
        r2.setSecondOfPairFlag(true);
        for (SAMRecord[] ab : new SAMRecord[][] {{r1, r2}, {r2, r1}}) {
            SAMRecord a = ab[0];
            SAMRecord b = ab[1];
            a.setReadPairedFlag(true);
            a.setProperPairFlag(proper);
            a.setMateReferenceName(b.getReferenceName());
            a.setMateAlignmentStart(b.getAlignmentStart());
            a.setMateNegativeStrandFlag(b.getReadNegativeStrandFlag());
            a.setInferredInsertSize(a == r1 ? insert : -insert);
        }
    }

    static SAMRecord read(SAMFileHeader header, String name, String contig, byte[] ref, int start,
                                  Map<Integer, Planted> carried, Config cfg, SplittableRandom rng, boolean reverse) {
        int length = cfg.readLength();
        StringBuilder seq = new StringBuilder(length);
        List<CigarElement> cigar = new ArrayList<>();
        int p = start;
        while (seq.length() < length) {
            if (p > ref.length) {
                return null;
            }
            Planted v = carried.get(p);
            int left = length - seq.length();
            if (v != null && v.ref().length() == 1 && v.alt().length() == 1) {
                seq.append(v.alt());
                add(cigar, CigarOperator.M, 1);
                p++;
            } else if (v != null && v.alt().length() == 1 && left >= 2 && p + v.ref().length() <= ref.length) {
                seq.append((char) ref[p - 1]);
                add(cigar, CigarOperator.M, 1);
                add(cigar, CigarOperator.D, v.ref().length() - 1);
                p += v.ref().length();
            } else if (v != null && v.ref().length() == 1 && left >= v.alt().length() + 1) {
                seq.append((char) ref[p - 1]);
                add(cigar, CigarOperator.M, 1);
                seq.append(v.alt().substring(1));
                add(cigar, CigarOperator.I, v.alt().length() - 1);
                p++;
            } else {
                seq.append((char) ref[p - 1]);
                add(cigar, CigarOperator.M, 1);
                p++;
            }
        }
        byte[] bases = seq.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] quals = new byte[bases.length];
        for (int i = 0; i < bases.length; i++) {
            double u = rng.nextDouble();
            quals[i] = (byte) (u < 0.1 ? 2 + rng.nextInt(18) : u < 0.3 ? 18 + rng.nextInt(12) : 30 + rng.nextInt(11));
            if (rng.nextDouble() < cfg.errorRate()) {
                byte b;
                do {
                    b = (byte) BASES[rng.nextInt(4)];
                } while (b == bases[i]);
                bases[i] = b;
            }
        }
        SAMRecord r = new SAMRecord(header);
        r.setReadName(name);
        r.setReferenceName(contig);
        r.setAlignmentStart(start);
        r.setCigar(new Cigar(cigar));
        r.setReadBases(bases);
        r.setBaseQualities(quals);
        r.setReadNegativeStrandFlag(reverse);
        r.setMappingQuality(rng.nextDouble() < cfg.lowMapqRate() ? rng.nextInt(20) : 60);
        r.setSecondaryAlignment(rng.nextDouble() < cfg.secondaryRate());
        r.setSupplementaryAlignmentFlag(rng.nextDouble() < cfg.supplementaryRate());
        r.setReadFailsVendorQualityCheckFlag(rng.nextDouble() < cfg.qcFailRate());
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
