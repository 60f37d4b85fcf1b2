package org.oncoconcord.concordance;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.IOUtil;
import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.LineIteratorImpl;
import htsjdk.tribble.readers.SynchronousLineReader;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;
import org.oncoconcord.cli.UserException;
import org.oncoconcord.core.ContigNames;

/**
 * Streams the ALT alleles of one position-sorted VCF (plain, gzip or BGZF) as {@link Call}s in
 * (contig, position) order, multiallelic records split into one call per ALT (trimmed of shared
 * leading/trailing bases, as {@code bcftools norm -m-} does). The header is parsed by htsjdk; data
 * lines are read by a background thread that only decodes the columns concordance needs (CHROM,
 * POS, REF, ALT, FILTER and the tumour sample's AF, AD, DP), in bounded batches: memory stays flat.
 * The tumour sample is {@code ##tumor_sample=}, else the only sample, else one named like TUMOR,
 * else the second sample. Checks the sort order against a {@link ContigOrder}.
 */
public final class VcfCallReader implements AutoCloseable {
    private static final int BATCH = 4096;
    private static final Batch END = new Batch(new Call[0], 0, null);

    private final SampleSpec sample;
    private final Path file;
    private final boolean includeFiltered;
    private final ByteLineReader in;
    private final VCFHeader header;
    private final int tumourIndex;
    private final String tumourName;
    private final List<String> headerContigs = new ArrayList<>();
    private final ReadStats stats = new ReadStats();
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private long lineNo;
    private ContigOrder order;
    private Thread producer;
    private volatile boolean closed;
    private Batch current;
    private int index;

    /** Counts of what was read, so nothing is lost silently. */
    public static final class ReadStats {
        public long records;
        public long alleles;
        public long skippedSymbolic;
        public long filtered;
        public long belowMinVaf;
        public long belowMinDepth;
    }

    private record Batch(Call[] calls, int n, RuntimeException error) {
    }

    public VcfCallReader(SampleSpec sample, boolean includeFiltered) {
        this.sample = sample;
        this.file = sample.vcf();
        this.includeFiltered = includeFiltered;
        try {
            this.in = new ByteLineReader(open(file));
            StringBuilder head = new StringBuilder();
            String line;
            boolean sawColumns = false;
            while ((line = in.readUtf8Line()) != null) {
                lineNo++;
                head.append(line).append('\n');
                if (line.startsWith("#CHROM")) {
                    sawColumns = true;
                    break;
                }
                if (!line.startsWith("##")) {
                    throw new UserException(file + ": line " + lineNo + ": expected a ## header line or the #CHROM line");
                }
            }
            if (!sawColumns) {
                throw new UserException(file + ": no #CHROM header line; not a VCF");
            }
            this.header = (VCFHeader) new VCFCodec().readActualHeader(
                    new LineIteratorImpl(new SynchronousLineReader(new StringReader(head.toString()))));
        } catch (TribbleException e) {
            throw new UserException(file + ": bad VCF header: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        header.getContigLines().forEach(c -> headerContigs.add(c.getID()));
        List<String> samples = header.getGenotypeSamples();
        VCFHeaderLine tumourLine = header.getOtherHeaderLine("tumor_sample");
        String wanted = tumourLine == null ? null : tumourLine.getValue();
        int idx = -1;
        if (wanted != null) {
            idx = samples.indexOf(wanted);
            if (idx < 0) {
                throw new UserException(file + ": header ##tumor_sample=" + wanted + " names no sample column (samples: "
                        + samples + ")");
            }
        } else if (samples.size() == 1) {
            idx = 0;
        } else if (samples.size() > 1) {
            for (int i = 0; i < samples.size() && idx < 0; i++) {
                String s = samples.get(i).toUpperCase(Locale.ROOT);
                if (s.equals("TUMOR") || s.equals("TUMOUR")) {
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
    }

    private static InputStream open(Path file) throws IOException {
        if (IOUtil.isBlockCompressed(file)) {
            return new BlockCompressedInputStream(file.toFile());
        }
        BufferedInputStream b = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        b.mark(2);
        int m1 = b.read();
        int m2 = b.read();
        b.reset();
        return m1 == 0x1f && m2 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
    }

    /** Contig names of the {@code ##contig} lines, in header order. */
    public List<String> headerContigs() {
        return headerContigs;
    }

    /**
     * The contigs in the order the data records visit them (a separate streaming pass, for files
     * without {@code ##contig} lines; memory is the number of contigs).
     */
    public List<String> scanContigs() {
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        try (ByteLineReader r = new ByteLineReader(open(file))) {
            String line;
            String last = null;
            while ((line = r.readLatin1Line()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int tab = line.indexOf('\t');
                String c = tab < 0 ? line : line.substring(0, tab);
                if (!c.equals(last)) {
                    seen.add(c);
                    last = c;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(seen);
    }

    /** Name of the sample column VAF and depth are read from, or null for a sites-only VCF. */
    public String tumourSample() {
        return tumourName;
    }

    /** What was read; complete once {@link #peek()} has returned null. */
    public ReadStats stats() {
        return stats;
    }

    /** Must be called once, before the first {@link #peek()}. */
    public void setOrder(ContigOrder order) {
        this.order = order;
    }

    /** The next call without consuming it, or null at the end. */
    public Call peek() {
        if (current == null || index == current.n()) {
            if (current == END) {
                return null;
            }
            current = take();
            index = 0;
            if (current == END) {
                return null;
            }
        }
        return current.calls()[index];
    }

    /** The next call, or null at the end. */
    public Call next() {
        Call c = peek();
        if (c != null) {
            index++;
        }
        return c;
    }

    private Batch take() {
        if (producer == null) {
            producer = new Thread(this::produce, "read " + file.getFileName());
            producer.setDaemon(true);
            producer.start();
        }
        try {
            Batch b = queue.take();
            if (b.error() != null) {
                throw b.error();
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + file, e);
        }
    }

    // ---- producer thread: everything below runs there ----

    private final PriorityQueue<Call> pending = new PriorityQueue<>(this::compareCalls);
    private Call[] out = new Call[BATCH];
    private int outN;
    private String rawContig;
    private int rawPos;
    private String lastFormat;
    private String lastDisplay;
    private String lastCanonical;
    private int afIdx;
    private int adIdx;
    private int dpIdx;

    private int compareCalls(Call x, Call y) {
        int c = x.contig().equals(y.contig()) ? 0 : order.compare(x.contig(), y.contig());
        return c != 0 ? c : Integer.compare(x.pos(), y.pos());
    }

    private void produce() {
        try {
            String line;
            while (!closed && (line = in.readLatin1Line()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                parse(line);
                while (!pending.isEmpty()) {
                    Call h = pending.peek();
                    if (h.contig().equals(rawContig) && h.pos() > rawPos) {
                        break;
                    }
                    emit(pending.poll());
                }
            }
            while (!pending.isEmpty()) {
                emit(pending.poll());
            }
            flush();
            put(END);
        } catch (UserException e) {
            put(new Batch(null, 0, e));
        } catch (IOException e) {
            put(new Batch(null, 0, new UncheckedIOException(file + ": line " + lineNo + ": " + e.getMessage(), e)));
        } catch (RuntimeException e) {
            put(new Batch(null, 0, new UserException(file + ": line " + lineNo + ": " + e, e)));
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // reading is over
            }
        }
    }

    private void emit(Call c) {
        out[outN++] = c;
        if (outN == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (outN > 0) {
            put(new Batch(out, outN, null));
            out = new Call[BATCH];
            outN = 0;
        }
    }

    private void put(Batch b) {
        try {
            while (!closed) {
                if (queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private UserException bad(String what) {
        return new UserException(file + ": line " + lineNo + " (data record " + (stats.records + 1) + "): " + what);
    }

    /** Splits a data line into calls and queues them (pending) after checking the sort order. */
    private void parse(String line) {
        int t0 = line.indexOf('\t');
        int t1 = t0 < 0 ? -1 : line.indexOf('\t', t0 + 1);
        int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
        int t3 = t2 < 0 ? -1 : line.indexOf('\t', t2 + 1);
        int t4 = t3 < 0 ? -1 : line.indexOf('\t', t3 + 1);
        int t5 = t4 < 0 ? -1 : line.indexOf('\t', t4 + 1);
        int t6 = t5 < 0 ? -1 : line.indexOf('\t', t5 + 1);
        if (t6 < 0) {
            throw bad("fewer than 8 tab-separated columns");
        }
        String display;
        if (lastDisplay != null && lastDisplay.length() == t0 && line.startsWith(lastDisplay)) {
            display = lastDisplay;
        } else {
            display = line.substring(0, t0);
            lastDisplay = display;
            lastCanonical = ContigNames.canonical(display);
        }
        int pos;
        try {
            pos = Integer.parseInt(line, t0 + 1, t1, 10);
        } catch (NumberFormatException e) {
            throw bad("POS '" + line.substring(t0 + 1, t1) + "' is not an integer");
        }
        if (pos < 1) {
            throw bad("POS " + pos + " is not >= 1");
        }
        String contig = lastCanonical;
        if (rawContig != null) {
            int c = contig.equals(rawContig) ? 0 : order.compare(contig, rawContig);
            if (c < 0 || (c == 0 && pos < rawPos)) {
                throw bad(display + ":" + pos + " is out of order after " + rawContig + ":" + rawPos
                        + (order.consistent() ? "; inputs must be sorted by position in header contig order (bcftools sort)"
                        : "; the inputs order their contigs differently (##contig lines or record order): sort them alike"));
            }
        }
        rawContig = contig.equals(rawContig) ? rawContig : contig;
        rawPos = pos;
        stats.records++;
        if (t3 == t2 + 1 || (t3 == t2 + 2 && line.charAt(t2 + 1) == '.')) {
            throw bad("REF is empty");
        }
        String ref = t3 == t2 + 2 ? oneChar(line.charAt(t2 + 1)) : line.substring(t2 + 1, t3);
        int filterLen = t6 - t5 - 1;
        boolean pass = (filterLen == 4 && line.startsWith("PASS", t5 + 1)) || (filterLen == 1 && line.charAt(t5 + 1) == '.');
        boolean filtered = !includeFiltered && !pass;
        // tumour sample fields
        String af = null;
        String ad = null;
        int depth = -1;
        if (tumourIndex >= 0) {
            int t7 = line.indexOf('\t', t6 + 1);
            if (t7 >= 0) {
                int t8 = line.indexOf('\t', t7 + 1);
                int formatEnd = t8 < 0 ? line.length() : t8;
                if (lastFormat == null || lastFormat.length() != formatEnd - t7 - 1 || !line.startsWith(lastFormat, t7 + 1)) {
                    formatIndices(line.substring(t7 + 1, formatEnd));
                }
                int start = t8 + 1;
                for (int i = 0; i < tumourIndex && start > 0; i++) {
                    start = line.indexOf('\t', start) + 1;
                }
                if (t8 >= 0 && start > 0) {
                    int end = line.indexOf('\t', start);
                    int fieldEnd = end < 0 ? line.length() : end;
                    af = subfield(line, start, fieldEnd, afIdx);
                    ad = subfield(line, start, fieldEnd, adIdx);
                    String dp = subfield(line, start, fieldEnd, dpIdx);
                    depth = dp == null || dp.equals(".") ? -1 : parseInt(dp, "DP");
                }
            }
        }
        String[] alts;
        if (t4 == t3 + 2) {
            char c = line.charAt(t3 + 1);
            alts = c == '.' ? NO_ALTS : new String[] {oneChar(c)};
        } else {
            String altField = line.substring(t3 + 1, t4);
            alts = altField.indexOf(',') < 0 ? new String[] {altField} : altField.split(",", -1);
        }
        int[] adv = ad == null || ad.equals(".") ? null : parseInts(ad);
        if (depth < 0 && adv != null) {
            depth = 0;
            for (int x : adv) {
                depth += Math.max(0, x);
            }
        }
        String[] afv = af == null || af.equals(".") ? null : af.indexOf(',') < 0 ? new String[] {af} : af.split(",", -1);
        boolean split = alts.length > 1;
        for (int i = 0; i < alts.length; i++) {
            String alt = alts[i];
            stats.alleles++;
            if (alt.isEmpty()) {
                throw bad("empty ALT allele");
            }
            if (alt.charAt(0) == '<' || alt.equals("*") || alt.equals(".") || alt.indexOf('[') >= 0 || alt.indexOf(']') >= 0) {
                stats.skippedSymbolic++;
                continue;
            }
            String r = ref;
            String a = alt;
            int p = pos;
            if (split) {
                while (r.length() > 1 && a.length() > 1 && r.charAt(r.length() - 1) == a.charAt(a.length() - 1)) {
                    r = r.substring(0, r.length() - 1);
                    a = a.substring(0, a.length() - 1);
                }
                while (r.length() > 1 && a.length() > 1 && r.charAt(0) == a.charAt(0)) {
                    r = r.substring(1);
                    a = a.substring(1);
                    p++;
                }
            }
            double vaf = Double.NaN;
            if (afv != null && i < afv.length && !afv[i].equals(".")) {
                vaf = parseFraction(afv[i]);
                if (Double.isNaN(vaf)) {
                    throw bad("FORMAT/AF '" + af + "' is not numeric");
                }
            } else if (adv != null && adv.length == alts.length + 1) {
                long sum = 0;
                for (int x : adv) {
                    sum += Math.max(0, x);
                }
                vaf = sum == 0 ? Double.NaN : Math.max(0, adv[i + 1]) / (double) sum;
            }
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
            Call call = new Call(rawContig, display, p, r, a, vaf, depth, status, stats.records);
            if (!split && pending.isEmpty()) {
                emit(call); // a lone allele at the current position cannot be preceded by a later one
            } else {
                pending.add(call);
            }
        }
    }

    private static final String[] NO_ALTS = new String[0];
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (int c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf((char) c).intern();
        }
    }

    private static String oneChar(char c) {
        return c < 128 ? ONE_CHAR[c] : String.valueOf(c);
    }

    /**
     * Parses a plain decimal like {@code 0.125} exactly as Double.parseDouble would (an integer of at
     * most 15 digits divided by an exact power of ten rounds once); other forms go to Double.parseDouble.
     * NaN if not a number.
     */
    static double parseFraction(String s) {
        long mant = 0;
        int scale = 0;
        boolean dot = false;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' && digits < 15) {
                mant = mant * 10 + (c - '0');
                digits++;
                if (dot) {
                    scale++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        return scale == 0 ? mant : mant / POW10[scale];
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /** The {@code k}-th ':'-separated subfield of line[from, to), or null when absent or k < 0. */
    private static String subfield(String line, int from, int to, int k) {
        if (k < 0) {
            return null;
        }
        int s = from;
        for (int i = 0; i < k; i++) {
            int c = line.indexOf(':', s);
            if (c < 0 || c >= to) {
                return null;
            }
            s = c + 1;
        }
        int e = line.indexOf(':', s);
        return line.substring(s, e < 0 || e > to ? to : e);
    }

    private void formatIndices(String format) {
        lastFormat = format;
        afIdx = -1;
        adIdx = -1;
        dpIdx = -1;
        String[] keys = format.split(":");
        for (int i = 0; i < keys.length; i++) {
            switch (keys[i]) {
                case "AF" -> afIdx = i;
                case "AD" -> adIdx = i;
                case "DP" -> dpIdx = i;
                default -> {
                }
            }
        }
    }

    private int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad("FORMAT/" + what + " '" + s + "' is not an integer");
        }
    }

    private int[] parseInts(String csv) {
        int n = 1;
        for (int i = 0; i < csv.length(); i++) {
            if (csv.charAt(i) == ',') {
                n++;
            }
        }
        int[] v = new int[n];
        int s = 0;
        for (int k = 0; k < n; k++) {
            int e = csv.indexOf(',', s);
            if (e < 0) {
                e = csv.length();
            }
            if (e - s == 1 && csv.charAt(s) == '.') {
                v[k] = 0;
            } else {
                try {
                    v[k] = Integer.parseInt(csv, s, e, 10);
                } catch (NumberFormatException ex) {
                    throw bad("FORMAT/AD '" + csv + "' is not a list of integers");
                }
            }
            s = e + 1;
        }
        return v;
    }

    @Override
    public void close() {
        closed = true;
        if (producer != null) {
            producer.interrupt();
            queue.clear();
        } else {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read
            }
        }
    }
}
