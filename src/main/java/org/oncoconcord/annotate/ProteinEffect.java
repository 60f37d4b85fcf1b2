package org.oncoconcord.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The protein-level effect of a change contained in one transcript's CDS: consequence terms,
 * HGVSp (three-letter, without the accession), HGVSp_Short and VEP's position/amino-acid/codon
 * fields. The change is {@code cds[cStart..cEnd]} (0-based, inclusive; {@code cEnd = cStart-1} for
 * an insertion before {@code cStart}) replaced by {@code alt}, all in transcript orientation.
 */
public record ProteinEffect(List<Consequence> terms, String hgvsp, String hgvspShort,
                            String proteinPosition, String aminoAcids, String codons) {

    /*
     * of() is split in three on purpose (session 9): as one method of 1,574 bytes of bytecode the JIT's C2
     * compiler made 52 kB of machine code of it, three times over in a 1M-record run, as rare outcomes
     * (synonymous, start retained, ...) were reached; now a rare outcome recompiles change() only, and
     * the outcomes' HGVSp texts are built in methods of their own.
     */
    /** Computes the effect; {@code refProtein} is the translation of {@code cds} (ending in {@code *}). */
    public static ProteinEffect of(String cds, String refProtein, int cStart, int cEnd, String alt) {
        Fields f = Fields.of(cds, cStart, cEnd, alt);
        String altProtein = altProtein(cds, refProtein, cStart, cEnd, alt, cStart / 3);
        return change(refProtein, altProtein, cStart, cEnd, alt.length() - (cEnd - cStart + 1), f);
    }

    /** VEP's Protein_position, Amino_acids and Codons of a change. */
    private record Fields(String position, String aminoAcids, String codons) {
        static Fields of(String cds, int cStart, int cEnd, String alt) {
            boolean insertion = cEnd < cStart;
            int firstCodon = cStart / 3;
            if (insertion && cStart % 3 == 0) {
                return new Fields(firstCodon + "-" + (firstCodon + 1), "-/" + (alt.length() % 3 == 0
                        ? AminoAcids.translate(alt, 0, false) : "X"), "-/" + alt.toUpperCase(Locale.ROOT));
            }
            int lastCodon = (insertion ? cStart : cEnd) / 3;
            String position = firstCodon == lastCodon ? Integer.toString(firstCodon + 1) : (firstCodon + 1) + "-" + (lastCodon + 1);
            int ws = firstCodon * 3;
            int we = lastCodon * 3 + 3;
            String left = cds.substring(ws, cStart).toLowerCase(Locale.ROOT);
            String right = cds.substring(cEnd + 1, we).toLowerCase(Locale.ROOT);
            String refCodons = left + cds.substring(cStart, cEnd + 1).toUpperCase(Locale.ROOT) + right;
            String altCodons = left + alt.toUpperCase(Locale.ROOT) + right;
            String refAa = AminoAcids.translate(refCodons, 0, false);
            String altAa = altCodons.length() % 3 == 0 ? AminoAcids.translate(altCodons, 0, false) : "X";
            if (altAa.isEmpty()) {
                altAa = "-";
            }
            return new Fields(position, refAa.equals(altAa) ? refAa : refAa + "/" + altAa, refCodons + "/" + altCodons);
        }
    }

    /** The consequence terms and HGVSp of a change of {@code delta} bases turning {@code refProtein} into {@code altProtein}. */
    private static ProteinEffect change(String refProtein, String altProtein, int cStart, int cEnd, int delta, Fields f) {
        boolean insertion = cEnd < cStart;
        boolean frameshift = Math.floorMod(delta, 3) != 0;
        int firstCodon = cStart / 3;
        String position = f.position();
        String aminoAcids = f.aminoAcids();
        String codons = f.codons();
        boolean altStops = altProtein.endsWith("*");
        int p = firstCodon;
        while (p < refProtein.length() && p < altProtein.length() && refProtein.charAt(p) == altProtein.charAt(p)) {
            p++;
        }
        List<Consequence> terms = new ArrayList<>();
        int refStop = refProtein.length() - 1;
        if (p >= refProtein.length() || (p >= altProtein.length() && !frameshift)) {
            return unchanged(terms, refProtein, frameshift, (insertion ? cStart : cEnd) / 3, firstCodon, f);
        }
        if (p == 0) {
            terms.add(Consequence.START_LOST);
            return new ProteinEffect(terms, "p.Met1?", "p.M1?", position, aminoAcids, codons);
        }
        if (p == refStop) {
            return stopLost(terms, altProtein, p, delta, f);
        }
        if (frameshift) {
            terms.add(Consequence.FRAMESHIFT_VARIANT);
            char from = refProtein.charAt(p);
            char to = p < altProtein.length() ? altProtein.charAt(p) : 'X';
            if (to == '*') {
                return new ProteinEffect(terms, "p." + AminoAcids.three(from) + (p + 1) + "Ter",
                        "p." + from + (p + 1) + "*", position, aminoAcids, codons);
            }
            String n = altStops ? Integer.toString(altProtein.length() - p) : "?";
            return new ProteinEffect(terms, "p." + AminoAcids.three(from) + (p + 1) + AminoAcids.three(to) + "fsTer" + n,
                    "p." + from + (p + 1) + to + "fs*" + n, position, aminoAcids, codons);
        }
        Consequence indelTerm = delta > 0 ? Consequence.INFRAME_INSERTION
                : delta < 0 ? Consequence.INFRAME_DELETION : null;
        int expectedStop = refStop + delta / 3;
        int q = altProtein.length() - 1;
        if (altStops && q < expectedStop) {
            // premature stop: describe ref[p..] up to the new stop
            terms.add(Consequence.STOP_GAINED);
            if (indelTerm != null) {
                terms.add(indelTerm);
            }
            String inserted = altProtein.substring(p, q + 1);
            int refCount = (q - p + 1) - Math.max(0, delta / 3) + Math.max(0, -delta / 3);
            if (refCount <= 0) {
                return insertionOf(terms, refProtein, p, inserted, position, aminoAcids, codons);
            }
            String replaced = refProtein.substring(p, Math.min(refStop, p + refCount));
            if (replaced.length() == 1 && inserted.equals("*")) {
                return new ProteinEffect(terms, "p." + AminoAcids.three(replaced) + (p + 1) + "Ter",
                        "p." + replaced + (p + 1) + "*", position, aminoAcids, codons);
            }
            return delins(terms, p, replaced, inserted, position, aminoAcids, codons);
        }
        // in-frame: trim the common suffix (prefix trimming first gives the HGVS 3' rule)
        int i = refProtein.length() - 1;
        int j = altProtein.length() - 1;
        while (i >= p && j >= p && refProtein.charAt(i) == altProtein.charAt(j)) {
            i--;
            j--;
        }
        String removed = refProtein.substring(p, i + 1);
        String added = altProtein.substring(p, j + 1);
        if (delta == 0) {
            terms.add(Consequence.MISSENSE_VARIANT);
        } else {
            terms.add(indelTerm);
        }
        if (removed.isEmpty()) {
            return insertionOf(terms, refProtein, p, added, position, aminoAcids, codons);
        }
        if (added.isEmpty()) {
            String three = "p." + AminoAcids.three(removed.charAt(0)) + (p + 1);
            String one = "p." + removed.charAt(0) + (p + 1);
            if (removed.length() > 1) {
                three += "_" + AminoAcids.three(removed.charAt(removed.length() - 1)) + (i + 1);
                one += "_" + removed.charAt(removed.length() - 1) + (i + 1);
            }
            return new ProteinEffect(terms, three + "del", one + "del", position, aminoAcids, codons);
        }
        if (removed.length() == 1 && added.length() == 1) {
            return new ProteinEffect(terms, "p." + AminoAcids.three(removed) + (p + 1) + AminoAcids.three(added),
                    "p." + removed + (p + 1) + added, position, aminoAcids, codons);
        }
        return delins(terms, p, removed, added, position, aminoAcids, codons);
    }

    /** No amino acid changed: a frameshift without a protein change, or synonymous / start or stop retained. */
    private static ProteinEffect unchanged(List<Consequence> terms, String refProtein, boolean frameshift, int lastCodon,
            int firstCodon, Fields f) {
        if (frameshift) {
            terms.add(Consequence.FRAMESHIFT_VARIANT);
            return new ProteinEffect(terms, "", "", f.position(), f.aminoAcids(), f.codons());
        }
        int refStop = refProtein.length() - 1;
        terms.add(lastCodon >= refStop ? Consequence.STOP_RETAINED_VARIANT
                : firstCodon == 0 ? Consequence.START_RETAINED_VARIANT : Consequence.SYNONYMOUS_VARIANT);
        char aa = refProtein.charAt(Math.min(firstCodon, refStop));
        int n = Math.min(firstCodon, refStop) + 1;
        return new ProteinEffect(terms, "p." + AminoAcids.three(aa) + n + "=", "p." + aa + n + "=",
                f.position(), f.aminoAcids(), f.codons());
    }

    /** The stop codon (residue index {@code p}) now codes for an amino acid. */
    private static ProteinEffect stopLost(List<Consequence> terms, String altProtein, int p, int delta, Fields f) {
        terms.add(Consequence.STOP_LOST);
        if (Math.floorMod(delta, 3) != 0) {
            terms.add(Consequence.FRAMESHIFT_VARIANT);
        } else if (delta != 0) {
            terms.add(delta > 0 ? Consequence.INFRAME_INSERTION : Consequence.INFRAME_DELETION);
        }
        char now = p < altProtein.length() ? altProtein.charAt(p) : 'X';
        String ext = altProtein.endsWith("*") ? Integer.toString(altProtein.length() - 1 - p) : "?";
        return new ProteinEffect(terms, "p.Ter" + (p + 1) + AminoAcids.three(now) + "extTer" + ext,
                "p.*" + (p + 1) + now + "ext*" + ext, f.position(), f.aminoAcids(), f.codons());
    }

    /**
     * The translation of the mutant CDS (the reference protein before {@code firstCodon}). In-frame
     * changes translate only the changed codons and take the rest from the reference protein (the codons
     * after them are the reference's, in frame), internal stops included: a stop inside the reference CDS
     * (selenocysteine's UGA, a model laid on other sequence) is a residue as VEP reads codons, and only a
     * stop the change creates ends the protein early. Frameshifts translate the shifted tail to its first stop.
     */
    static String altProtein(String cds, String refProtein, int cStart, int cEnd, String alt, int firstCodon) {
        int ws = firstCodon * 3;
        int we = (Math.max(cStart, cEnd) / 3) * 3 + 3;
        int delta = alt.length() - (cEnd - cStart + 1);
        if (delta % 3 == 0 && we <= cds.length()) {
            String window = cds.substring(ws, cStart) + alt + cds.substring(cEnd + 1, we);
            String changed = AminoAcids.translate(window, 0, true);
            StringBuilder b = new StringBuilder(refProtein.length() + changed.length());
            b.append(refProtein, 0, firstCodon).append(changed);
            if (!changed.endsWith("*")) {
                b.append(refProtein, Math.min(we / 3, refProtein.length()), refProtein.length());
            }
            return b.toString();
        }
        String altCds = cds.substring(0, cStart) + alt + cds.substring(cEnd + 1);
        return refProtein.substring(0, firstCodon) + AminoAcids.translate(altCds, firstCodon, true);
    }

    private static ProteinEffect delins(List<Consequence> terms, int p, String removed, String added,
                                        String position, String aminoAcids, String codons) {
        int last = p + removed.length();
        String three = "p." + AminoAcids.three(removed.charAt(0)) + (p + 1);
        String one = "p." + removed.charAt(0) + (p + 1);
        if (removed.length() > 1) {
            three += "_" + AminoAcids.three(removed.charAt(removed.length() - 1)) + last;
            one += "_" + removed.charAt(removed.length() - 1) + last;
        }
        return new ProteinEffect(terms, three + "delins" + AminoAcids.three(added), one + "delins" + added,
                position, aminoAcids, codons);
    }

    /** Insertion of {@code added} before residue index {@code p}: a duplication when it repeats the residues before. */
    private static ProteinEffect insertionOf(List<Consequence> terms, String ref, int p, String added,
                                             String position, String aminoAcids, String codons) {
        int n = added.length();
        if (p - n >= 0 && ref.substring(p - n, p).equals(added)) {
            String three = "p." + AminoAcids.three(added.charAt(0)) + (p - n + 1);
            String one = "p." + added.charAt(0) + (p - n + 1);
            if (n > 1) {
                three += "_" + AminoAcids.three(added.charAt(n - 1)) + p;
                one += "_" + added.charAt(n - 1) + p;
            }
            return new ProteinEffect(terms, three + "dup", one + "dup", position, aminoAcids, codons);
        }
        char before = ref.charAt(p - 1);
        char after = ref.charAt(p);
        return new ProteinEffect(terms,
                "p." + AminoAcids.three(before) + p + "_" + AminoAcids.three(after) + (p + 1) + "ins" + AminoAcids.three(added),
                "p." + before + p + "_" + after + (p + 1) + "ins" + added, position, aminoAcids, codons);
    }
}
