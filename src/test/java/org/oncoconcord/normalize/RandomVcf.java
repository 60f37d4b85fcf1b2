package org.oncoconcord.normalize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random reference + random VCF for differential testing against bcftools norm: SNVs, MNPs,
 * indels in tandem repeats, padded (untrimmed) alleles, multiallelics with Number=A/R/G INFO and
 * FORMAT fields, and genotypes such as 1/2, phased and missing ones.
 */
final class RandomVcf {
    private static final String BASES = "ACGT";
    private final Random rnd;
    final List<String> contigs = List.of("1", "2");
    final List<String> sequences = new ArrayList<>();

    /** With complex: also multiallelic MNPs, complex substitutions, haploid genotypes and missing values. */
    private final boolean complex;

    /**
     * When set, about one record in six gets a REF that {@code -c s} must fix: REF swapped with an
     * ALT, a wrong or N REF base, or an ALT equal to REF.
     */
    boolean badRefs;

    RandomVcf(long seed) {
        this(seed, false);
    }

    RandomVcf(long seed, boolean complex) {
        this.complex = complex;
        rnd = new Random(seed);
        for (int c = 0; c < contigs.size(); c++) {
            sequences.add(randomReference(2000 + rnd.nextInt(2000)));
        }
    }

    private String randomReference(int len) {
        StringBuilder sb = new StringBuilder(len);
        while (sb.length() < len) {
            if (rnd.nextInt(6) == 0) {
                String unit = randomBases(1 + rnd.nextInt(4));
                sb.append(unit.repeat(3 + rnd.nextInt(7)));
            } else {
                sb.append(randomBases(5 + rnd.nextInt(20)));
            }
        }
        return sb.substring(0, len);
    }

    private String randomBases(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(BASES.charAt(rnd.nextInt(4)));
        }
        return sb.toString();
    }

    void writeFasta(Path fa) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < contigs.size(); c++) {
            sb.append('>').append(contigs.get(c)).append('\n');
            String s = sequences.get(c);
            for (int i = 0; i < s.length(); i += 60) {
                sb.append(s, i, Math.min(s.length(), i + 60)).append('\n');
            }
        }
        Files.writeString(fa, sb.toString());
    }

    void writeVcf(Path vcf, int recordsPerContig) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("##fileformat=VCFv4.2\n");
        for (int c = 0; c < contigs.size(); c++) {
            sb.append("##contig=<ID=").append(contigs.get(c)).append(",length=").append(sequences.get(c).length()).append(">\n");
        }
        sb.append("##FILTER=<ID=q10,Description=\"q\">\n");
        sb.append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"d\">\n");
        sb.append("##INFO=<ID=AC,Number=A,Type=Integer,Description=\"a\">\n");
        sb.append("##INFO=<ID=XR,Number=R,Type=Integer,Description=\"r\">\n");
        sb.append("##INFO=<ID=XG,Number=G,Type=Integer,Description=\"g\">\n");
        sb.append("##INFO=<ID=XS,Number=A,Type=String,Description=\"s\">\n");
        sb.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n");
        sb.append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"a\">\n");
        sb.append("##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"p\">\n");
        sb.append("##FORMAT=<ID=FS,Number=A,Type=String,Description=\"f\">\n");
        if (complex) {
            sb.append("##INFO=<ID=AD,Number=R,Type=Integer,Description=\"a\">\n");
            sb.append("##INFO=<ID=XF,Number=A,Type=Float,Description=\"f\">\n");
            sb.append("##FORMAT=<ID=QS,Number=R,Type=Integer,Description=\"q\">\n");
            sb.append("##FORMAT=<ID=FR,Number=R,Type=String,Description=\"r\">\n");
        }
        sb.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n");
        for (int c = 0; c < contigs.size(); c++) {
            String seq = sequences.get(c);
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < recordsPerContig; i++) {
                positions.add(2 + rnd.nextInt(seq.length() - 40));
            }
            positions.sort(null);
            for (int p : positions) {
                String[] alleles = randomAlleles(seq, p);
                if (alleles == null) {
                    continue;
                }
                if (badRefs && rnd.nextInt(6) == 0) {
                    alleles = spoilRef(alleles);
                }
                sb.append(record(contigs.get(c), p, alleles)).append('\n');
            }
        }
        Files.writeString(vcf, sb.toString());
    }

    private String[] spoilRef(String[] alleles) {
        String ref = alleles[0];
        switch (rnd.nextInt(4)) {
            case 0 -> { // REF and first ALT swapped (a single-base ALT)
                if (alleles[1].length() == 1 && ref.length() == 1) {
                    String[] a = alleles.clone();
                    a[0] = alleles[1];
                    a[1] = ref;
                    return a;
                }
                return alleles;
            }
            case 1 -> { // a wrong first REF base that no ALT has
                for (char b : BASES.toCharArray()) {
                    boolean used = b == ref.charAt(0);
                    for (String a : alleles) {
                        used |= a.charAt(0) == b;
                    }
                    if (!used) {
                        String[] a = alleles.clone();
                        a[0] = b + ref.substring(1);
                        return a;
                    }
                }
                return alleles;
            }
            case 2 -> { // REF given as N
                if (ref.length() == 1) {
                    String[] a = alleles.clone();
                    a[0] = "N";
                    return a;
                }
                return alleles;
            }
            default -> { // an ALT equal to REF, inserted at a random ALT position
                List<String> a = new ArrayList<>(List.of(alleles));
                a.add(1 + rnd.nextInt(alleles.length), rnd.nextBoolean() ? ref : ref.toLowerCase(java.util.Locale.ROOT));
                return a.toArray(String[]::new);
            }
        }
    }

    private String[] randomAlleles(String seq, int p) {
        int kind = rnd.nextInt(complex ? 10 : 7);
        int i = p - 1;
        String ref;
        Set<String> alts = new LinkedHashSet<>();
        switch (kind) {
            case 0 -> { // SNV (sometimes multiallelic)
                ref = seq.substring(i, i + 1);
                int n = 1 + rnd.nextInt(2);
                while (alts.size() < n) {
                    String a = randomBases(1);
                    if (!a.equals(ref)) {
                        alts.add(a);
                    }
                }
            }
            case 1 -> { // MNP
                ref = seq.substring(i, i + 2 + rnd.nextInt(2));
                String a = randomBases(ref.length());
                if (a.equals(ref)) {
                    return null;
                }
                alts.add(a);
            }
            case 2 -> { // deletion, often inside a repeat
                int k = 1 + rnd.nextInt(4);
                ref = seq.substring(i, i + 1 + k);
                alts.add(ref.substring(0, 1));
            }
            case 3 -> { // insertion: a copy of the following bases (repeat expansion) or random
                int k = 1 + rnd.nextInt(4);
                ref = seq.substring(i, i + 1);
                alts.add(ref + (rnd.nextBoolean() ? seq.substring(i + 1, i + 1 + k) : randomBases(k)));
            }
            case 4 -> { // padded, untrimmed alleles
                int m = 2 + rnd.nextInt(3);
                ref = seq.substring(i, i + m);
                alts.add(ref + seq.charAt(i + m - 1));
            }
            case 7, 8 -> { // MNPs and complex substitutions, often multiallelic and sharing bases
                int m = 1 + rnd.nextInt(4);
                ref = seq.substring(i, i + m);
                int n = 1 + rnd.nextInt(3);
                int guard = 0;
                while (alts.size() < n && guard++ < 50) {
                    String a = mutate(ref);
                    if (!a.isEmpty() && !a.equals(ref)) {
                        alts.add(a);
                    }
                }
                if (alts.isEmpty()) {
                    return null;
                }
            }
            case 9 -> { // symbolic or star alleles, left alone by --atomize
                ref = seq.substring(i, i + 1 + rnd.nextInt(2));
                alts.add(randomBases(1) + ref.substring(1));
                alts.add(rnd.nextBoolean() ? "<*>" : "*");
                if (alts.contains(ref)) {
                    return null;
                }
            }
            default -> { // multiallelic mixing substitutions and indels on a shared REF
                int m = 1 + rnd.nextInt(4);
                ref = seq.substring(i, i + m);
                int n = 2 + rnd.nextInt(2);
                int guard = 0;
                while (alts.size() < n && guard++ < 50) {
                    String a;
                    switch (rnd.nextInt(3)) {
                        case 0 -> a = ref.substring(0, 1) + (m > 1 ? ref.substring(2 < m ? 2 : m) : "");
                        case 1 -> a = ref + seq.substring(i + m, i + m + 1 + rnd.nextInt(3));
                        default -> a = randomBases(1) + ref.substring(1);
                    }
                    if (!a.isEmpty() && !a.equals(ref)) {
                        alts.add(a);
                    }
                }
            }
        }
        String[] out = new String[alts.size() + 1];
        out[0] = ref;
        int k = 1;
        for (String a : alts) {
            out[k++] = a;
        }
        return out;
    }

    /** REF with random base changes, and sometimes an inserted or deleted tail. */
    private String mutate(String ref) {
        StringBuilder a = new StringBuilder(ref);
        int changes = 1 + rnd.nextInt(ref.length());
        for (int k = 0; k < changes; k++) {
            a.setCharAt(rnd.nextInt(a.length()), BASES.charAt(rnd.nextInt(4)));
        }
        int r = rnd.nextInt(5);
        if (r == 0) {
            a.append(randomBases(1 + rnd.nextInt(3)));
        } else if (r == 1 && a.length() > 1) {
            a.setLength(1 + rnd.nextInt(a.length() - 1));
        }
        return a.toString();
    }

    private String record(String chrom, int pos, String[] al) {
        int n = al.length;
        int nAlt = n - 1;
        int ng = n * (n + 1) / 2;
        StringBuilder sb = new StringBuilder();
        sb.append(chrom).append('\t').append(pos).append('\t').append(rnd.nextInt(5) == 0 ? "rs" + rnd.nextInt(1000) : ".")
                .append('\t').append(al[0]).append('\t');
        for (int i = 1; i < n; i++) {
            sb.append(i > 1 ? "," : "").append(al[i]);
        }
        sb.append('\t').append(rnd.nextInt(100)).append('\t').append(rnd.nextBoolean() ? "PASS" : "q10").append('\t');
        sb.append("DP=").append(rnd.nextInt(200)).append(";AC=").append(ints(nAlt)).append(";XR=").append(ints(n))
                .append(";XG=").append(ints(ng)).append(";XS=").append(strings(nAlt));
        if (complex) {
            sb.append(";AD=").append(ints(n)).append(";XF=").append(floats(nAlt));
        }
        sb.append(complex ? "\tGT:AD:PL:FS:QS:FR" : "\tGT:AD:PL:FS");
        for (int s = 0; s < 2; s++) {
            if (complex && rnd.nextInt(6) == 0) { // haploid
                sb.append('\t').append(rnd.nextInt(n)).append(':').append(ints(n)).append(':').append(ints(n));
            } else if (complex && rnd.nextInt(8) == 0) { // all missing
                sb.append("\t./.:.:.");
            } else {
                sb.append('\t').append(genotype(n)).append(':').append(ints(n)).append(':').append(ints(ng));
            }
            sb.append(':').append(strings(nAlt));
            if (complex) {
                sb.append(':').append(ints(n)).append(':').append(strings(n));
            }
        }
        return sb.toString();
    }

    private String genotype(int n) {
        if (rnd.nextInt(10) == 0) {
            return "./.";
        }
        int a = rnd.nextInt(n);
        int b = rnd.nextInt(n);
        return a + (rnd.nextInt(4) == 0 ? "|" : "/") + b;
    }

    private String ints(int k) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < k; i++) {
            sb.append(i > 0 ? "," : "").append(rnd.nextInt(100));
        }
        return sb.toString();
    }

    private String floats(int k) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < k; i++) {
            sb.append(i > 0 ? "," : "").append(rnd.nextInt(4) == 0 ? "." : rnd.nextInt(1000) / 8.0);
        }
        return sb.toString();
    }

    private String strings(int k) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < k; i++) {
            sb.append(i > 0 ? "," : "").append((char) ('a' + rnd.nextInt(26))).append(rnd.nextInt(10));
        }
        return sb.toString();
    }
}
