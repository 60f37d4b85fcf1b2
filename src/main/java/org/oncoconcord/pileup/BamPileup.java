package org.oncoconcord.pileup;

import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Counts the reads of one BAM/CRAM at every site in one pass (index queries over the merged site
 * positions when the file is indexed). Mate overlap is handled as htslib's pileup does it: when
 * both mates of a proper pair cover a site, htslib (1.13+) gives the evidence to one of them: bases
 * agree, the mate chosen by a hash of the read name gets the sum of both qualities (at most 200)
 * and the other 0; they disagree, the better one keeps 0.8 of its quality (ties: the chosen mate)
 * and the other 0; one mate deleted there, the other's quality becomes 0.8x (chosen) or 0. So a
 * fragment is counted at most once, on the same strand as samtools/bcftools count it. Memory holds only reads waiting for their mate.
 */
public final class BamPileup {
    private final SiteIndex index;
    private final List<Site> sites;
    private final ReadFilters filters;

    public BamPileup(List<Site> sites, ReadFilters filters) {
        this.sites = sites;
        this.index = new SiteIndex(sites);
        this.filters = filters;
    }

    /** A read whose mate may still come and overlap it. */
    private record Pending(SAMRecord read, String name, int end, boolean reverse, List<Observation> observations) {
    }

    /** Counts one BAM; {@code counts[i]} receives site i's counts. */
    public void count(SamReader reader, AlleleCounts[] counts) {
        Map<String, Pending> waiting = new HashMap<>();
        PriorityQueue<Pending> byEnd = new PriorityQueue<>((a, b) -> Integer.compare(a.end(), b.end()));
        String contig = null;
        try (SAMRecordIterator it = reader.hasIndex()
                ? reader.query(index.intervals(reader.getFileHeader().getSequenceDictionary()), false)
                : reader.iterator()) {
            while (it.hasNext()) {
                SAMRecord r = it.next();
                if (!filters.keep(r)) {
                    continue;
                }
                if (!r.getReferenceName().equals(contig)) {
                    flushAll(waiting, byEnd, counts);
                    contig = r.getReferenceName();
                }
                while (!byEnd.isEmpty() && byEnd.peek().end() < r.getAlignmentStart()) {
                    Pending p = byEnd.poll();
                    if (waiting.get(p.name()) == p) {
                        waiting.remove(p.name());
                        add(p.observations(), p.reverse(), counts);
                    }
                }
                List<Observation> obs = observe(r);
                if (!overlapCandidate(r)) {
                    add(obs, r.getReadNegativeStrandFlag(), counts);
                    continue;
                }
                Pending mate = waiting.remove(r.getReadName());
                if (mate != null) {
                    tweakOverlap(mate.observations(), obs, r.getReadName(), comparedPositions(mate.read(), r));
                    add(mate.observations(), mate.reverse(), counts);
                    add(obs, r.getReadNegativeStrandFlag(), counts);
                } else if (r.getMateAlignmentStart() >= r.getAlignmentStart()) {
                    Pending p = new Pending(r, r.getReadName(), r.getAlignmentEnd(), r.getReadNegativeStrandFlag(), obs);
                    waiting.put(p.name(), p);
                    byEnd.add(p);
                } else {
                    add(obs, r.getReadNegativeStrandFlag(), counts);
                }
            }
        }
        flushAll(waiting, byEnd, counts);
    }

    private List<Observation> observe(SAMRecord r) {
        int[] covered = index.covered(r.getReferenceName(), r.getAlignmentStart(), r.getAlignmentEnd());
        List<Observation> out = new ArrayList<>(covered.length);
        for (int i : covered) {
            Observation o = Observation.of(r, i, sites.get(i));
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** htslib's test for a read whose mate may overlap it (bam_plp overlap_push). */
    private static boolean overlapCandidate(SAMRecord r) {
        if (!r.getReadPairedFlag() || r.getMateUnmappedFlag() || !r.getProperPairFlag()) {
            return false;
        }
        if (!r.getReferenceIndex().equals(r.getMateReferenceIndex())) {
            return false;
        }
        return !(Math.abs(r.getInferredInsertSize()) >= 2 * r.getReadLength()
                && r.getMateAlignmentStart() - 1 >= r.getAlignmentEnd());
    }

    /**
     * The reference positions (1-based) where htslib 1.13-1.16's tweak_overlap_quality compares the
     * two mates: it walks both alignments' M/=/X bases from the later mate's start and compares
     * only where both walks stand on the same position; where one mate has a deletion the walks
     * part (no comparison there), and the first position after the walks meet again is skipped too
     * (the walk's reference counter has already moved past it: that base counts in both mates).
     */
    static java.util.Set<Integer> comparedPositions(SAMRecord a, SAMRecord b) {
        int[] pa = matchPositions(a, b.getAlignmentStart());
        int[] pb = matchPositions(b, b.getAlignmentStart());
        java.util.Set<Integer> out = new java.util.HashSet<>();
        int ia = 0;
        int ib = 0;
        int iref = b.getAlignmentStart();
        if (pa.length == 0 || pb.length == 0) {
            return out;
        }
        while (true) {
            while (ia < pa.length && pa[ia] < iref) {
                ia++;
            }
            if (ia >= pa.length) {
                break;
            }
            iref = Math.max(iref, pa[ia]);
            while (ib < pb.length && pb[ib] < iref) {
                ib++;
            }
            if (ib >= pb.length) {
                break;
            }
            iref = Math.max(iref, pb[ib]);
            iref++;
            if (pa[ia] == pb[ib]) {
                out.add(pa[ia]);
            }
        }
        return out;
    }

    /** Reference positions of the read's aligned (M/=/X) bases at or after {@code from}, in order. */
    private static int[] matchPositions(SAMRecord r, int from) {
        int[] out = new int[Math.max(0, r.getAlignmentEnd() - Math.max(from, r.getAlignmentStart()) + 1)];
        int n = 0;
        int ref = r.getAlignmentStart();
        for (htsjdk.samtools.CigarElement e : r.getCigar().getCigarElements()) {
            htsjdk.samtools.CigarOperator op = e.getOperator();
            if (op.consumesReferenceBases() && op.consumesReadBases()) {
                for (int k = 0; k < e.getLength(); k++, ref++) {
                    if (ref >= from) {
                        out[n++] = ref;
                    }
                }
            } else if (op.consumesReferenceBases()) {
                ref += e.getLength();
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * htslib's (1.13-1.16) tweak_overlap_quality(a = earlier mate, b = later mate) at the sites both
     * mates show a base at and the walk compares ({@code compared}): bases agree, the mate chosen
     * by a hash of the read name gets the summed quality (at most 200) and the other 0; they
     * disagree, the better base keeps 0.8 of its quality (ties: the chosen mate) and the other 0.
     * Where one mate has a deletion nothing changes (the deleted read is not counted anyway).
     */
    static void tweakOverlap(List<Observation> earlier, List<Observation> later, String readName, java.util.Set<Integer> compared) {
        boolean aKeeps = (wangHash(x31Hash(readName)) & 1) != 0;
        Map<Integer, Observation> bySite = new HashMap<>();
        for (Observation o : earlier) {
            bySite.put(o.site, o);
        }
        for (Observation b : later) {
            Observation a = bySite.get(b.site);
            if (a == null || a.deleted || b.deleted || !compared.contains(a.position)) {
                continue;
            }
            if (a.base == b.base) {
                int q = Math.min(a.quality + b.quality, 200);
                a.quality = aKeeps ? q : 0;
                b.quality = aKeeps ? 0 : q;
            } else if (a.quality > b.quality) {
                a.quality = (int) (0.8 * a.quality);
                b.quality = 0;
            } else if (a.quality < b.quality) {
                b.quality = (int) (0.8 * b.quality);
                a.quality = 0;
            } else {
                a.quality = aKeeps ? (int) (0.8 * a.quality) : 0;
                b.quality = aKeeps ? 0 : (int) (0.8 * b.quality);
            }
        }
    }

    /** khash's __ac_X31_hash_string over the name's bytes (32-bit unsigned arithmetic). */
    static int x31Hash(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (b.length == 0) {
            return 0;
        }
        int h = b[0];
        for (int i = 1; i < b.length; i++) {
            h = (h << 5) - h + b[i];
        }
        return h;
    }

    /** khash's __ac_Wang_hash. */
    static int wangHash(int key) {
        key += ~(key << 15);
        key ^= key >>> 10;
        key += key << 3;
        key ^= key >>> 6;
        key += ~(key << 11);
        key ^= key >>> 16;
        return key;
    }

    private void add(List<Observation> obs, boolean reverse, AlleleCounts[] counts) {
        for (Observation o : obs) {
            if (!o.deleted && o.quality >= filters.minBaseQuality()) {
                counts[o.site].add(o.allele, reverse);
            }
        }
    }

    private void flushAll(Map<String, Pending> waiting, PriorityQueue<Pending> byEnd, AlleleCounts[] counts) {
        for (Pending p : byEnd) {
            if (waiting.get(p.name()) == p) {
                add(p.observations(), p.reverse(), counts);
            }
        }
        waiting.clear();
        byEnd.clear();
    }
}
