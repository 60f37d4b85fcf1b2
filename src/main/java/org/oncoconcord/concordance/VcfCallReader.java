package org.oncoconcord.concordance;

import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.oncoconcord.cli.UserException;
import org.oncoconcord.core.ContigNames;

/**
 * Streams the ALT alleles of one position-sorted VCF as {@link Call}s, multiallelic records split
 * into one call per ALT (trimmed of shared leading/trailing bases, as {@code bcftools norm -m-}
 * does), in (contig, position) order. Checks the sort order against a {@link ContigOrder}.
 * Tumour VAF/depth come from FORMAT/AF, AD, DP of the tumour sample: {@code ##tumor_sample=}, else
 * the only sample, else one named TUMOR, else the second sample.
 */
public final class VcfCallReader implements AutoCloseable {
    private final SampleSpec sample;
    private final boolean includeFiltered;
    private final VCFFileReader reader;
    private final CloseableIterator<VariantContext> it;
    private final int tumourIndex;
    private final String tumourName;
    private final List<String> headerContigs = new ArrayList<>();
    private final PriorityQueue<Call> pending = new PriorityQueue<>(this::compareCalls);
    private boolean eof;
    private ContigOrder order;
    private final ReadStats stats = new ReadStats();
    private String rawContig;
    private int rawPos;
    private long recordNo;

    /** Counts of what was read, so nothing is lost silently. */
    public static final class ReadStats {
        public long records;
        public long alleles;
        public long skippedSymbolic;
        public long filtered;
        public long belowMinVaf;
        public long belowMinDepth;
    }

    public VcfCallReader(SampleSpec sample, boolean includeFiltered) {
        this.sample = sample;
        this.includeFiltered = includeFiltered;
        try {
            this.reader = new VCFFileReader(sample.vcf(), false);
        } catch (TribbleException | htsjdk.samtools.SAMException e) {
            throw new UserException(sample.vcf() + ": cannot read VCF header: " + e.getMessage(), e);
        }
        VCFHeader header = reader.getFileHeader();
        header.getContigLines().forEach(c -> headerContigs.add(c.getID()));
        List<String> samples = header.getGenotypeSamples();
        VCFHeaderLine tumourLine = header.getOtherHeaderLine("tumor_sample");
        String wanted = tumourLine == null ? null : tumourLine.getValue();
        int idx = -1;
        if (wanted != null) {
            idx = samples.indexOf(wanted);
            if (idx < 0) {
                throw new UserException(sample.vcf() + ": header ##tumor_sample=" + wanted
                        + " names no sample column (samples: " + samples + ")");
            }
        } else if (samples.size() == 1) {
            idx = 0;
        } else if (samples.size() > 1) {
            for (int i = 0; i < samples.size() && idx < 0; i++) {
                if (samples.get(i).equalsIgnoreCase("TUMOR") || samples.get(i).equalsIgnoreCase("TUMOUR")) {
                    idx = i;
                }
            }
            for (int i = 0; i < samples.size() && idx < 0; i++) {
                if (samples.get(i).toUpperCase(Locale.ROOT).contains("TUMO")) {
                    idx = i;
                }
            }
            if (idx < 0) {
                idx = 1;
            }
        }
        this.tumourIndex = idx;
        this.tumourName = idx < 0 ? null : samples.get(idx);
        this.it = reader.iterator();
    }

    /** Contig names of the {@code ##contig} lines, in header order. */
    public List<String> headerContigs() {
        return headerContigs;
    }

    /** Name of the sample column VAF and depth are read from, or null for a sites-only VCF. */
    public String tumourSample() {
        return tumourName;
    }

    public ReadStats stats() {
        return stats;
    }

    private int compareCalls(Call x, Call y) {
        int c = x.contig().equals(y.contig()) ? 0 : order.compare(x.contig(), y.contig());
        return c != 0 ? c : Integer.compare(x.pos(), y.pos());
    }

    /** Must be called once, before the first {@link #peek()}. */
    public void setOrder(ContigOrder order) {
        this.order = order;
    }

    /** The next call without consuming it, or null at the end. */
    public Call peek() {
        fill();
        return pending.peek();
    }

    /** The next call, or null at the end. */
    public Call next() {
        fill();
        return pending.poll();
    }

    /** Reads records until the smallest pending call can no longer be preceded by a later one. */
    private void fill() {
        while (true) {
            Call head = pending.peek();
            if (head != null && (eof || !rawContig.equals(head.contig()) || rawPos >= head.pos())) {
                return;
            }
            if (eof || !it.hasNext()) {
                eof = true;
                return;
            }
            VariantContext vc;
            try {
                vc = it.next();
            } catch (TribbleException | IllegalArgumentException | IllegalStateException e) {
                throw new UserException(sample.vcf() + ": bad record after data record " + recordNo + ": "
                        + e.getMessage(), e);
            }
            recordNo++;
            String contig = ContigNames.canonical(vc.getContig());
            checkOrder(contig, vc);
            rawContig = contig;
            rawPos = vc.getStart();
            addCalls(vc, contig);
        }
    }

    private void checkOrder(String contig, VariantContext vc) {
        if (rawContig != null) {
            int c = contig.equals(rawContig) ? 0 : order.compare(contig, rawContig);
            if (c < 0 || (c == 0 && vc.getStart() < rawPos)) {
                throw new UserException(sample.vcf() + ": data record " + recordNo + " (" + vc.getContig() + ":"
                        + vc.getStart() + ") is out of order after " + rawContig + ":" + rawPos
                        + "; inputs must be sorted by position in header contig order (bcftools sort)");
            }
        }
    }

    private void addCalls(VariantContext vc, String contig) {
        stats.records++;
        boolean filtered = vc.isFiltered() && !includeFiltered;
        Genotype g = tumourIndex >= 0 ? vc.getGenotype(tumourIndex) : null;
        int depth = g == null ? -1 : depthOf(g);
        List<Allele> alts = vc.getAlternateAlleles();
        String ref = vc.getReference().getDisplayString();
        boolean split = alts.size() > 1;
        for (int i = 0; i < alts.size(); i++) {
            Allele a = alts.get(i);
            stats.alleles++;
            if (a.isSymbolic() || a.isNoCall() || a.equals(Allele.SPAN_DEL) || a.getDisplayString().equals("*")) {
                stats.skippedSymbolic++;
                continue;
            }
            String r = ref;
            String alt = a.getDisplayString();
            int pos = vc.getStart();
            if (split) {
                while (r.length() > 1 && alt.length() > 1 && r.charAt(r.length() - 1) == alt.charAt(alt.length() - 1)) {
                    r = r.substring(0, r.length() - 1);
                    alt = alt.substring(0, alt.length() - 1);
                }
                while (r.length() > 1 && alt.length() > 1 && r.charAt(0) == alt.charAt(0)) {
                    r = r.substring(1);
                    alt = alt.substring(1);
                    pos++;
                }
            }
            double vaf = g == null ? Double.NaN : vafOf(g, i, alts.size());
            CallStatus status;
            if (filtered) {
                status = CallStatus.FILTERED;
                stats.filtered++;
            } else if (sample.minDepth() > 0 && depth >= 0 && depth < sample.minDepth()) {
                status = CallStatus.BELOW_MIN_DEPTH;
                stats.belowMinDepth++;
            } else if (sample.minVaf() > 0 && !Double.isNaN(vaf) && vaf < sample.minVaf()) {
                status = CallStatus.BELOW_MIN_VAF;
                stats.belowMinVaf++;
            } else {
                status = CallStatus.COUNTED;
            }
            pending.add(new Call(contig, vc.getContig(), pos, r, alt, vaf, depth, status, recordNo));
        }
    }

    /** FORMAT/DP, else the sum of FORMAT/AD, else -1. */
    static int depthOf(Genotype g) {
        if (g.hasDP()) {
            return g.getDP();
        }
        if (g.hasAD()) {
            int sum = 0;
            for (int x : g.getAD()) {
                sum += Math.max(0, x);
            }
            return sum;
        }
        return -1;
    }

    /** FORMAT/AF of ALT {@code i}, else AD[i+1]/sum(AD), else NaN. */
    static double vafOf(Genotype g, int i, int nAlts) {
        Object af = g.getExtendedAttribute("AF");
        if (af != null) {
            String s = af instanceof List<?> l ? (i < l.size() ? String.valueOf(l.get(i)) : null) : nth(af.toString(), i);
            if (s != null && !s.equals(".")) {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    // fall through to AD
                }
            }
        }
        if (g.hasAD()) {
            int[] ad = g.getAD();
            if (ad.length == nAlts + 1) {
                long sum = 0;
                for (int x : ad) {
                    sum += Math.max(0, x);
                }
                return sum == 0 ? Double.NaN : Math.max(0, ad[i + 1]) / (double) sum;
            }
        }
        return Double.NaN;
    }

    private static String nth(String csv, int i) {
        String[] parts = csv.split(",");
        return i < parts.length ? parts[i] : null;
    }

    public long recordsRead() {
        return recordNo;
    }

    @Override
    public void close() {
        it.close();
        reader.close();
    }
}
