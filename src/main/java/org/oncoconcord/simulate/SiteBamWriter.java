package org.oncoconcord.simulate;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.oncoconcord.io.AtomicFiles;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;

/**
 * Writes one sample's simulated reads (coordinate-sorted BAM and its {@code .bai}, htsjdk) only in
 * windows around its patient's variant sites: for every site of the patient (any sample's call,
 * artefacts included) {@code depth} fragments covering it, of which exactly {@code alt} carry the
 * ALT allele: the sample's VCF depth and alt reads where it has the call (planted from CCF, purity
 * and depth by {@link PatientSimulator}; with {@code depth_scale} < 1 a random subset of those reads), else a
 * fresh tissue depth (scaled) and none. Reads come from
 * {@link BamWriter} (sequencing errors, base qualities 2-40); duplicates and extra low-MAPQ fragments
 * are added on top. The planted counts are what was written (fragments whose mates cover the site,
 * fragments carrying the ALT), before any read filter.
 */
final class SiteBamWriter {
    /** Stream id of the reads (not used by any other part of the simulator). */
    static final long STREAM = 0xBA3L;
    private static final int MARGIN = 5;
    private static final int MIN_DEPTH = 10;

    private SiteBamWriter() {
    }

    /** Planted counts at one site of one BAM: fragments covering it and, of those, fragments carrying the ALT. */
    record SiteCount(Variant variant, int depth, int altReads) {
    }

    /** Every variant site of the patient (calls of any sample, artefacts included), sorted, each once. */
    static List<Variant> sites(SyntheticGenome genome, Patient p) {
        Map<String, Variant> out = new LinkedHashMap<>();
        for (Sample s : p.samples()) {
            for (Call c : s.calls()) {
                out.putIfAbsent(c.variant().key(), c.variant());
            }
        }
        List<Variant> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing((Variant v) -> genome.contigIndex(v.chrom())).thenComparingInt(Variant::pos)
                .thenComparing(Variant::alt));
        return list;
    }

    /**
     * Writes {@code bam} (and {@code bam.bai}) for sample {@code s} atomically; returns the planted counts per site.
     * {@code readGroupSample} is the {@code @RG SM} (the samplesheet's tumor_sample).
     */
    static List<SiteCount> write(Path bam, SyntheticGenome genome, Patient p, Sample s, String readGroupSample,
                                 SimulationConfig config, long seed) throws IOException {
        var cfg = config.bams();
        var co = config.cohort();
        Rng rng = new Rng(seed);
        SplittableRandom reads = new SplittableRandom(Rng.stream(seed, 1));
        BamWriter.Config readCfg = new BamWriter.Config(cfg.readLength(), 0, cfg.fragmentMin(), cfg.fragmentMax(),
                cfg.errorRate(), 0, 0, 0, 0, 0, 0, seed);
        SAMSequenceDictionary dict = new SAMSequenceDictionary();
        for (String contig : genome.contigs()) {
            dict.addSequence(new SAMSequenceRecord(contig, genome.length(contig)));
        }
        SAMFileHeader header = BamWriter.header(dict, readGroupSample);

        List<Variant> sites = sites(genome, p);
        Map<String, Call> calls = new HashMap<>();
        for (Call c : s.calls()) {
            calls.put(c.variant().key(), c);
        }
        int[] depth = new int[sites.size()];
        int[] alt = new int[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            Call c = calls.get(sites.get(i).key());
            if (c != null && cfg.depthScale() == 1.0) {
                depth[i] = c.depth();
                alt[i] = c.altReads();
            } else if (c != null) {
                depth[i] = Math.min(c.depth(), Math.max(MIN_DEPTH, (int) Math.round(cfg.depthScale() * c.depth())));
                alt[i] = thinnedAlt(c.depth(), c.altReads(), depth[i], rng);
            } else {
                depth[i] = Math.max(MIN_DEPTH, (int) Math.round(cfg.depthScale()
                        * Math.max(20, rng.negativeBinomial(co.tissueDepthMean(), co.tissueDepthShape()))));
            }
        }
        List<SAMRecord> records = new ArrayList<>();
        int[] coveredDepth = new int[sites.size()];
        int[] coveredAlt = new int[sites.size()];
        long fragment = 0;
        for (int i = 0; i < sites.size(); i++) {
            Variant v = sites.get(i);
            byte[] ref = genome.sequence(v.chrom());
            boolean[] carries = chooseCarriers(depth[i], alt[i], rng);
            for (int f = 0; f < depth[i]; f++) {
                for (int attempt = 0; attempt < 50; attempt++) {
                    int len = rng.integer(cfg.fragmentMin(), cfg.fragmentMax());
                    int span = v.ref().length() + Math.max(0, v.alt().length() - v.ref().length());
                    int offset = rng.integer(MARGIN, Math.max(MARGIN, cfg.readLength() - 1 - MARGIN - span));
                    boolean firstMateCovers = rng.bernoulli(0.5);
                    int start = firstMateCovers ? v.pos() - offset : v.pos() - offset + cfg.readLength() - len;
                    if (start < 1 || start + len + 50 > ref.length) {
                        continue;
                    }
                    Map<Integer, BamWriter.Planted> carried = new HashMap<>();
                    for (int j = 0; j < sites.size(); j++) {
                        Variant w = sites.get(j);
                        if (!w.chrom().equals(v.chrom()) || w.pos() < start || w.pos() >= start + len) {
                            continue;
                        }
                        boolean has = j == i ? carries[f] : rng.bernoulli(depth[j] == 0 ? 0 : (double) alt[j] / depth[j]);
                        if (has) {
                            carried.putIfAbsent(w.pos(), new BamWriter.Planted(w.chrom(), w.pos(), w.ref(), w.alt(), 1));
                        }
                    }
                    String name = "f" + (++fragment);
                    SAMRecord r1 = BamWriter.read(header, name, v.chrom(), ref, start, carried, readCfg, reads, false);
                    SAMRecord r2 = BamWriter.read(header, name, v.chrom(), ref, start + len - cfg.readLength(), carried, readCfg, reads, true);
                    if (r1 == null || r2 == null) {
                        continue;
                    }
                    BamWriter.pair(r1, r2, true);
                    binQualities(r1);
                    binQualities(r2);
                    records.add(r1);
                    records.add(r2);
                    for (int j = 0; j < sites.size(); j++) {
                        Variant w = sites.get(j);
                        if (w.chrom().equals(v.chrom()) && (covers(r1, w.pos()) || covers(r2, w.pos()))) {
                            coveredDepth[j]++;
                            if (carried.containsKey(w.pos()) && carried.get(w.pos()).alt().equals(w.alt())) {
                                coveredAlt[j]++;
                            }
                        }
                    }
                    if (rng.bernoulli(cfg.duplicateRate())) {
                        records.add(copy(r1, name + "d", true, -1));
                        records.add(copy(r2, name + "d", true, -1));
                    }
                    if (rng.bernoulli(cfg.lowMapqRate())) {
                        int mapq = rng.integer(0, 19);
                        records.add(copy(r1, name + "q", false, mapq));
                        records.add(copy(r2, name + "q", false, mapq));
                    }
                    break;
                }
            }
        }
        writeSorted(bam, header, records);
        List<SiteCount> out = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            out.add(new SiteCount(sites.get(i), coveredDepth[i], coveredAlt[i]));
        }
        return out;
    }

    /**
     * ALT reads among {@code keep} of a call's {@code depth} reads drawn without replacement (hypergeometric): the
     * BAM holds a random subset of the reads the VCF's counts describe.
     */
    static int thinnedAlt(int depth, int alt, int keep, Rng rng) {
        int altLeft = alt;
        int kept = 0;
        for (int r = 0; r < keep; r++) {
            if (rng.uniform() < (double) altLeft / (depth - r)) {
                kept++;
                altLeft--;
            }
        }
        return kept;
    }

    /** Base qualities binned as Illumina's 4-level scheme (2, 12, 23, 37), keeping the side of 20 each is on. */
    private static void binQualities(SAMRecord r) {
        byte[] q = r.getBaseQualities();
        for (int i = 0; i < q.length; i++) {
            q[i] = (byte) (q[i] <= 2 ? 2 : q[i] < 20 ? 12 : q[i] < 30 ? 23 : 37);
        }
        r.setBaseQualities(q);
    }

    /** Exactly {@code alt} of {@code depth} fragments carry the ALT, at random places. */
    private static boolean[] chooseCarriers(int depth, int alt, Rng rng) {
        boolean[] carries = new boolean[depth];
        int need = Math.min(alt, depth);
        for (int f = 0; f < depth && need > 0; f++) {
            if (rng.uniform() < (double) need / (depth - f)) {
                carries[f] = true;
                need--;
            }
        }
        return carries;
    }

    private static boolean covers(SAMRecord r, int pos) {
        return r.getAlignmentStart() <= pos && pos <= r.getAlignmentEnd();
    }

    private static SAMRecord copy(SAMRecord r, String name, boolean duplicate, int mapq) {
        SAMRecord d = r.deepCopy();
        d.setReadName(name);
        d.setDuplicateReadFlag(duplicate);
        if (mapq >= 0) {
            d.setMappingQuality(mapq);
        }
        return d;
    }

    private static void writeSorted(Path bam, SAMFileHeader header, List<SAMRecord> records) throws IOException {
        records.sort(Comparator.comparingInt(SAMRecord::getReferenceIndex).thenComparingInt(SAMRecord::getAlignmentStart)
                .thenComparing(SAMRecord::getReadName).thenComparing(SAMRecord::getFirstOfPairFlag));
        Path target = bam.toAbsolutePath();
        Path dir = Files.createTempDirectory(target.getParent(), ".bam-");
        try {
            Path tmp = dir.resolve(target.getFileName().toString());
            try (SAMFileWriter w = new SAMFileWriterFactory().setCreateIndex(true).makeBAMWriter(header, true, tmp)) {
                for (SAMRecord r : records) {
                    w.addAlignment(r);
                }
            }
            Path tmpIndex = dir.resolve(stem(tmp) + ".bai");
            AtomicFiles.move(tmpIndex, target.resolveSibling(target.getFileName() + ".bai"));
            AtomicFiles.move(tmp, target);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String stem(Path bam) {
        String n = bam.getFileName().toString();
        return n.endsWith(".bam") ? n.substring(0, n.length() - 4) : n;
    }
}
