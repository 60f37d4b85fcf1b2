package org.oncoconcord.pileup;

import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMRecord;
import java.util.List;

/**
 * What one read shows at one site: the aligned base at the site's position, its base quality
 * (which mate-overlap handling may change) and the allele the read supports, decided from its
 * alignment (for indels: the CIGAR operation right after the anchor base).
 */
final class Observation {
    final int site;
    /** The site's reference position (1-based). */
    final int position;
    final byte base;
    int quality;
    final ReadAllele allele;
    /** The site's position is inside a deletion of this read: no base, not counted (used for mate overlap). */
    final boolean deleted;

    private Observation(int site, int position, byte base, int quality, ReadAllele allele) {
        this.deleted = allele == null;
        this.site = site;
        this.position = position;
        this.base = base;
        this.quality = quality;
        this.allele = allele;
    }

    /**
     * The read's observation of {@code s}: its base, or a deleted marker when a deletion of the read
     * spans the position; null when the read has neither (reference skip, outside the alignment).
     */
    static Observation of(SAMRecord read, int siteIndex, Site s) {
        int target = s.pos();
        int refPos = read.getAlignmentStart();
        int readPos = 0;
        List<CigarElement> elements = read.getCigar().getCigarElements();
        for (int i = 0; i < elements.size(); i++) {
            CigarElement e = elements.get(i);
            CigarOperator op = e.getOperator();
            int len = e.getLength();
            if (op.consumesReferenceBases() && op.consumesReadBases()) {
                if (target < refPos + len) {
                    int offset = readPos + (target - refPos);
                    byte[] bases = read.getReadBases();
                    byte base = upper(bases[offset]);
                    byte[] quals = read.getBaseQualities();
                    int q = quals.length > offset ? quals[offset] : 0;
                    CigarElement next = target == refPos + len - 1 && i + 1 < elements.size() ? elements.get(i + 1) : null;
                    return new Observation(siteIndex, target, base, q, classify(s, base, next, bases, offset));
                }
                refPos += len;
                readPos += len;
            } else if (op.consumesReferenceBases()) {
                if (target < refPos + len) {
                    return op == CigarOperator.D ? new Observation(siteIndex, target, (byte) 0, 0, null) : null;
                }
                refPos += len;
            } else if (op.consumesReadBases()) {
                readPos += len;
            }
            if (refPos > target) {
                return null;
            }
        }
        return null;
    }

    private static ReadAllele classify(Site s, byte base, CigarElement next, byte[] bases, int offset) {
        CigarOperator nextOp = next == null ? null : next.getOperator();
        boolean insertionNext = nextOp == CigarOperator.I;
        boolean deletionNext = nextOp == CigarOperator.D;
        switch (s.kind()) {
            case SNV -> {
                if (base == s.alt().charAt(0)) {
                    return ReadAllele.ALT;
                }
                return base == s.ref().charAt(0) ? ReadAllele.REF : ReadAllele.OTHER;
            }
            case INSERTION -> {
                if (insertionNext) {
                    String inserted = s.alt().substring(1);
                    if (next.getLength() != inserted.length()) {
                        return ReadAllele.OTHER;
                    }
                    for (int k = 0; k < inserted.length(); k++) {
                        if (upper(bases[offset + 1 + k]) != inserted.charAt(k)) {
                            return ReadAllele.OTHER;
                        }
                    }
                    return ReadAllele.ALT;
                }
                return deletionNext ? ReadAllele.OTHER : ReadAllele.REF;
            }
            case DELETION -> {
                if (deletionNext) {
                    return next.getLength() == s.ref().length() - 1 ? ReadAllele.ALT : ReadAllele.OTHER;
                }
                return insertionNext ? ReadAllele.OTHER : ReadAllele.REF;
            }
            default -> {
                return ReadAllele.OTHER;
            }
        }
    }

    private static byte upper(byte b) {
        return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
    }
}
