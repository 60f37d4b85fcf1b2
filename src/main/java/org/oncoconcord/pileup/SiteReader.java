package org.oncoconcord.pileup;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.contract.VariantsTsv;
import org.oncoconcord.core.UserException;

/**
 * Reads the sites to count: a VCF (each ALT allele a site; samples whose genotype carries it are
 * "called") or a TSV {@code contig pos ref alt} (lines starting with # are comments), or a
 * concordance {@code variants.tsv} (header {@code chrom pos ref alt ...}; the samples whose
 * {@code <label>.present} is 1 are "called").
 */
public final class SiteReader {
    private SiteReader() {
    }

    /**
     * The union of the sites of several files, in order of first appearance (a site is contig, position,
     * REF and ALT after trimming); its called samples are the union of the files'. With {@code ignoreCalls}
     * (the input of {@code concordance --evidence}) the states come from the reads alone and the called samples are
     * only those of unfiltered (PASS or '.') records: they name the reads' state, never decide it.
     * Symbolic and {@code *} ALT alleles of a VCF are skipped here (they have no bases to match; reported on
     * {@code notes}), where reading a single file refuses them.
     */
    public static List<Site> readUnion(List<Path> files, boolean ignoreCalls, java.util.function.Consumer<String> notes) {
        Map<String, Integer> index = new java.util.HashMap<>();
        List<Site> out = new ArrayList<>();
        for (Path f : files) {
            long[] skipped = new long[1];
            for (Site s : read(f, files.size() > 1, skipped, ignoreCalls)) {
                String key = s.contig() + ":" + s.pos() + ":" + s.ref() + ":" + s.alt();
                Set<String> called = s.calledIn();
                Integer at = index.get(key);
                if (at == null) {
                    index.put(key, out.size());
                    out.add(new Site(out.size(), s.contig(), s.pos(), s.ref(), s.alt(), called));
                } else if (!called.isEmpty()) {
                    Site old = out.get(at);
                    Set<String> both = new LinkedHashSet<>(old.calledIn());
                    both.addAll(called);
                    out.set(at, new Site(at, old.contig(), old.pos(), old.ref(), old.alt(), Set.copyOf(both)));
                }
            }
            if (skipped[0] > 0) {
                notes.accept("sites file " + f + ": " + skipped[0] + " symbolic or '*' ALT allele(s) skipped (no bases to count)");
            }
        }
        return out;
    }

    public static List<Site> read(Path file) {
        return read(file, false, new long[1], false);
    }

    /** {@code passOnly}: samples of filtered VCF records are not called. */
    private static List<Site> read(Path file, boolean skipSymbolic, long[] skipped, boolean passOnly) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("sites file " + file + ": not found");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".vcf") || name.endsWith(".vcf.gz") || name.endsWith(".vcf.bgz") || name.endsWith(".bcf")
                ? readVcf(file, skipSymbolic, skipped, passOnly) : readTsv(file);
    }

    private static List<Site> readVcf(Path file, boolean skipSymbolic, long[] skipped, boolean passOnly) {
        List<Site> out = new ArrayList<>();
        try (VCFFileReader reader = new VCFFileReader(file, false)) {
            long record = 0;
            for (VariantContext vc : reader) {
                record++;
                for (Allele alt : vc.getAlternateAlleles()) {
                    boolean symbolic = alt.isSymbolic() || alt.getBaseString().isEmpty() || alt.getDisplayString().equals("*");
                    if (symbolic && skipSymbolic) {
                        skipped[0]++;
                        continue;
                    }
                    if (symbolic) {
                        throw new UserException("sites file " + file + ": record " + record + " (" + vc.getContig() + ":"
                                + vc.getStart() + "): ALT " + alt.getDisplayString() + " is not a sequence allele");
                    }
                    Set<String> called = new LinkedHashSet<>();
                    for (Genotype g : vc.getGenotypes()) {
                        if (g.getAlleles().contains(alt) && !(passOnly && vc.isFiltered())) {
                            called.add(g.getSampleName());
                        }
                    }
                    out.add(Site.trimmed(out.size(), vc.getContig(), vc.getStart(), vc.getReference().getBaseString(),
                            alt.getBaseString(), Set.copyOf(called)));
                }
            }
        } catch (htsjdk.tribble.TribbleException e) {
            throw new UserException("sites file " + file + ": not a readable VCF: " + e.getMessage(), e);
        }
        return out;
    }

    private static List<Site> readTsv(Path file) {
        List<Site> out = new ArrayList<>();
        CSVFormat format = CSVFormat.TDF.builder().setCommentMarker('#').setIgnoreEmptyLines(true).build();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = format.parse(in)) {
            Map<Integer, String> presentColumns = null;
            for (CSVRecord r : parser) {
                long line = r.getParser().getCurrentLineNumber();
                if (presentColumns == null && r.size() >= 4 && r.get(0).equals(VariantsTsv.CHROM) && r.get(1).equals(VariantsTsv.POS)) {
                    presentColumns = new java.util.TreeMap<>(); // a concordance variants.tsv: its header
                    for (int i = 4; i < r.size(); i++) {
                        if (r.get(i).endsWith(VariantsTsv.PRESENT)) {
                            presentColumns.put(i, r.get(i).substring(0, r.get(i).length() - VariantsTsv.PRESENT.length()));
                        }
                    }
                    continue;
                }
                if (r.size() < 4) {
                    throw new UserException("sites file " + file + ": line " + line + ": expected 4 tab-separated columns contig pos ref alt, found " + r.size());
                }
                int pos;
                try {
                    pos = Integer.parseInt(r.get(1).trim());
                } catch (NumberFormatException e) {
                    throw new UserException("sites file " + file + ": line " + line + ": pos '" + r.get(1) + "' is not a whole number");
                }
                String ref = r.get(2).trim();
                String alt = r.get(3).trim();
                if (pos < 1 || !ref.matches("[ACGTNacgtn]+") || !alt.matches("[ACGTNacgtn]+")) {
                    throw new UserException("sites file " + file + ": line " + line + ": need pos >= 1 and REF/ALT of A,C,G,T,N (got "
                            + r.get(1) + " " + ref + " " + alt + ")");
                }
                Set<String> called = new LinkedHashSet<>();
                if (presentColumns != null) {
                    presentColumns.forEach((i, label) -> {
                        if (i < r.size() && r.get(i).equals("1")) {
                            called.add(label);
                        }
                    });
                }
                out.add(Site.trimmed(out.size(), r.get(0).trim(), pos, ref, alt, Set.copyOf(called)));
            }
        } catch (IOException e) {
            throw new UserException("sites file " + file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }
}
