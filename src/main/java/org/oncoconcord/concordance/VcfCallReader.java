package org.oncoconcord.concordance;

import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.LineIteratorImpl;
import htsjdk.tribble.readers.SynchronousLineReader;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.oncoconcord.annotate.ExistingAnnotations;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.ContigNames;
import org.oncoconcord.vcf.ByteLineReader;
import org.oncoconcord.vcf.TabLineReader;
import org.oncoconcord.vcf.TumourSampleRule;
import org.oncoconcord.vcf.VcfInput;
import org.oncoconcord.vcf.VcfLine;
import org.oncoconcord.vcf.VcfNumbers;

/**
 * Streams the ALT alleles of one position-sorted VCF (plain, gzip, BGZF or BCF, opened by {@link VcfInput}) as {@link Call}s in
 * (contig, position) order, multiallelic records split into one call per ALT (trimmed of shared
 * leading/trailing bases, as {@code bcftools norm -m-} does). The header is parsed by htsjdk; data
 * lines are read by a background thread through a {@link TabLineReader} (one pass finding the line and its
 * first columns; the column helpers of {@link VcfLine}, the record parser shared with normalize) that only decodes the columns concordance needs (CHROM, POS, REF, ALT, FILTER and
 * the tumour sample's AF, AD, DP), in bounded batches: memory stays flat.
 * The tumour sample is chosen by {@link TumourSampleRule} (normalize's rule): {@code ##tumor_sample=}, else
 * one named like TUMOR, else the only sample, else the second. Checks the sort order against a {@link ContigOrder}.
 */
public final class VcfCallReader implements AutoCloseable {
    private static final int BATCH = 4096;
    private static final Batch END = new Batch(new Call[0], 0, null);

    private final SampleSpec sample;
    private final Path file;
    private final boolean includeFiltered;
    private final TabLineReader in;
    private final VCFHeader header;
    private final int tumourIndex;
    private final String tumourName;
    /** The VEP/SnpEff/Funcotator annotation the header declares, or null (then INFO is not looked at). */
    private final ExistingAnnotations.Source annotationSource;
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

        void copyTo(ReadStats o) {
            o.records = records;
            o.alleles = alleles;
            o.skippedSymbolic = skippedSymbolic;
            o.filtered = filtered;
            o.belowMinVaf = belowMinVaf;
            o.belowMinDepth = belowMinDepth;
        }
    }

    private record Batch(Call[] calls, int n, RuntimeException error) {
    }

    public VcfCallReader(SampleSpec sample, boolean includeFiltered) {
        this.sample = sample;
        this.file = sample.vcf();
        this.includeFiltered = includeFiltered;
        try {
            this.in = new TabLineReader(open(file), 16);
            StringBuilder head = new StringBuilder();
            boolean sawColumns = false;
            while (in.next()) {
                String line = in.utf8();
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
        // the one rule (normalize's too); the caller convention picks the same column as the fallbacks here
        TumourSampleRule.Choice choice = TumourSampleRule.choose(samples, null, tumourLine == null ? null : tumourLine.getValue(),
                false, file.toString());
        int idx = choice == null ? -1 : choice.index();
        this.tumourIndex = idx;
        this.tumourName = idx < 0 ? null : samples.get(idx);
        in.setMaxTabs(idx < 0 ? 7 : 10 + idx); // up to the end of the tumour sample column (of INFO without one)
        try {
            this.annotationSource = ExistingAnnotations.Source.of(header);
        } catch (IllegalArgumentException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        }
    }

    /** The VEP CSQ / SnpEff ANN / Funcotator FUNCOTATION annotation the header declares, or null. */
    public ExistingAnnotations.Source annotationSource() {
        return annotationSource;
    }

    /** The file as VCF text, whatever its encoding (plain, gzip, BGZF, BCF): {@link VcfInput}. */
    private static InputStream open(Path file) {
        return VcfInput.openText(file);
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
            producer = new Thread(() -> new Producer().produce(), "read " + file.getFileName());
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

    private static final long BAD_INT = VcfNumbers.BAD_INT;
    /** AD present but not parsed (nothing needed it yet). */
    private static final int AD_UNREAD = -2;

    /** {@link VcfNumbers#parseInt}. */
    static long parseInt(byte[] b, int from, int to) {
        return VcfNumbers.parseInt(b, from, to);
    }

    /** {@link VcfNumbers#parseFraction(byte[], int, int)}. */
    static double parseFraction(byte[] b, int from, int to) {
        return VcfNumbers.parseFraction(b, from, to);
    }

    /** {@link VcfNumbers#parseFraction(String)}. */
    static double parseFraction(String s) {
        return VcfNumbers.parseFraction(s);
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        return VcfLine.indexOf(b, from, to, c);
    }

    private static int indexOfOrEnd(byte[] b, int from, int to, byte c) {
        return VcfLine.indexOfOrEnd(b, from, to, c);
    }

    private static int count(byte[] b, int from, int to, byte c) {
        return VcfLine.count(b, from, to, c);
    }

    private static boolean isDot(byte[] b, int from, int to) {
        return VcfLine.isDot(b, from, to);
    }

    private static String latin1(byte[] b, int from, int to) {
        return VcfLine.latin1(b, from, to);
    }

    private static String string(byte[] b, int from, int to) {
        return VcfLine.string(b, from, to);
    }

    /**
     * The reading thread's state, allocated by that thread and touched by no other, so that the
     * fields it updates for every record share no cache line with those the merging thread updates
     * for every call ({@link #current}, {@link #index}).
     */
    private final class Producer {
        private final Path file = VcfCallReader.this.file;
        private final TabLineReader in = VcfCallReader.this.in;
        private final boolean includeFiltered = VcfCallReader.this.includeFiltered;
        private final int minDepth = sample.minDepth();
        private final double minVaf = sample.minVaf();
        private final int tumourIndex = VcfCallReader.this.tumourIndex;
        private final ExistingAnnotations.Source annotationSource = VcfCallReader.this.annotationSource;
        private final byte[] annotationKey = annotationSource == null ? null
                : (annotationSource.key() + "=").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final ContigOrder order = VcfCallReader.this.order;
        private final BlockingQueue<Batch> queue = VcfCallReader.this.queue;
        private final ReadStats stats = new ReadStats();
        private long lineNo = VcfCallReader.this.lineNo;
        private final PriorityQueue<Call> pending = new PriorityQueue<>(this::compareCalls);
        private Call[] out = new Call[BATCH];
        private int outN;
        private String rawContig;
        private int rawPos;
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
                TabLineReader in = this.in;
                while (in.next()) {
                    if ((++lineNo & 1023) == 0 && closed) {
                        return; // the reader was closed: stop (checked now and then, not per line)
                    }
                    int start = in.lineStart();
                    int end = in.lineEnd();
                    if (start == end) {
                        continue;
                    }
                    parse(in, in.buffer(), start, end);
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
                stats.copyTo(VcfCallReader.this.stats);
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

        /** A record on another contig than the previous one: checks the order, remembers the contig. */
        private void newContig(byte[] b, int s, int t0, int pos) {
            String display = latin1(b, s, t0);
            lastDisplay = display;
            lastDisplayBytes = Arrays.copyOfRange(b, s, t0 + 1); // with the tab
            lastCanonical = ContigNames.canonical(display);
            String contig = lastCanonical;
            if (rawContig != null) {
                int c = contig.equals(rawContig) ? 0 : order.compare(contig, rawContig);
                if (c < 0 || (c == 0 && pos < rawPos)) {
                    throw outOfOrder(display, pos);
                }
            }
            rawContig = contig.equals(rawContig) ? rawContig : contig;
        }

        private UserException outOfOrder(String display, int pos) {
            return bad(display + ":" + pos + " is out of order after " + rawContig + ":" + rawPos
                    + (order.consistent() ? "; inputs must be sorted by position in header contig order (bcftools sort)"
                    : "; the inputs order their contigs differently (##contig lines or record order): sort them alike"));
        }

        private UserException bad(String what) {
            return new UserException(file + ": line " + lineNo + " (data record " + (stats.records + 1) + "): " + what);
        }

        private byte[] lastDisplayBytes = {'\n'}; // contig name and tab of the previous record; starts no line
        private String[] lastFormatKeys;
        private int[] adBuf = new int[8];
        private int maxIdx;

        /**
         * Splits the data line b[s, e) into calls and queues them (pending) after checking the sort
         * order. Works on the bytes in place: only the contig (when it changes), REF and ALT become Strings.
         */
        private void parse(TabLineReader line, byte[] b, int s, int e) {
            int nt = line.tabCount();
            if (nt < 7) {
                throw bad("fewer than 8 tab-separated columns");
            }
            int t0 = line.tab(0);
            int t1 = line.tab(1);
            int t2 = line.tab(2);
            int t3 = line.tab(3);
            int t4 = line.tab(4);
            int t5 = line.tab(5);
            int t6 = line.tab(6);
            // one branch for "the contig changed" (rare: the JIT compiles it as a trap, so one branch
            // means one recompilation at the first change rather than one per kind of change): the
            // line starts with the previous contig name and its tab
            byte[] last = lastDisplayBytes;
            int lastLen = last.length;
            boolean sameContig = s + lastLen <= e && Arrays.equals(b, s, s + lastLen, last, 0, lastLen);
            long posValue = parseInt(b, t0 + 1, t1);
            if (posValue == BAD_INT) {
                throw bad("POS '" + latin1(b, t0 + 1, t1) + "' is not an integer");
            }
            int pos = (int) posValue;
            if (pos < 1) {
                throw bad("POS " + pos + " is not >= 1");
            }
            if (!sameContig) {
                newContig(b, s, t0, pos);
            } else if (pos < rawPos) {
                throw outOfOrder(lastDisplay, pos);
            }
            String display = lastDisplay;
            rawPos = pos;
            stats.records++;
            if (t3 == t2 + 1 || (t3 == t2 + 2 && b[t2 + 1] == '.')) {
                throw bad("REF is empty");
            }
            String ref = string(b, t2 + 1, t3);
            int filterLen = t6 - t5 - 1;
            boolean pass = (filterLen == 4 && b[t5 + 1] == 'P' && b[t5 + 2] == 'A' && b[t5 + 3] == 'S' && b[t5 + 4] == 'S')
                    || (filterLen == 1 && b[t5 + 1] == '.');
            boolean filtered = !includeFiltered && !pass;
            // tumour sample fields: AF and AD as byte ranges (from < 0: absent), DP parsed
            int afFrom = -1;
            int afTo = -1;
            int adFrom = -1;
            int adTo = -1;
            int depth = -1;
            if (tumourIndex >= 0 && nt > 7) {
                // FORMAT is column 9 (after tab 7), the tumour sample column 10 + tumourIndex (after tab 8 + tumourIndex)
                String[] keys = formatKeys(b, line.from(8), line.to(8));
                if (keys != lastFormatKeys) {
                    formatIndices(keys);
                    lastFormatKeys = keys;
                }
                int ti = 8 + tumourIndex;
                if (nt > ti && maxIdx >= 0) {
                    int from = line.from(ti + 1);
                    int to = line.to(ti + 1);
                    int dpFrom = -1;
                    int dpTo = -1;
                    int k = 0;
                    int fs = from;
                    for (int i = from; ; i++) {
                        if (i == to || b[i] == ':') {
                            if (k == afIdx) {
                                afFrom = fs;
                                afTo = i;
                            } else if (k == adIdx) {
                                adFrom = fs;
                                adTo = i;
                            } else if (k == dpIdx) {
                                dpFrom = fs;
                                dpTo = i;
                            }
                            if (i == to || k == maxIdx) {
                                break;
                            }
                            k++;
                            fs = i + 1;
                        }
                    }
                    if (dpFrom >= 0 && !isDot(b, dpFrom, dpTo)) {
                        long dp = parseInt(b, dpFrom, dpTo);
                        if (dp == BAD_INT) {
                            throw bad("FORMAT/DP '" + latin1(b, dpFrom, dpTo) + "' is not an integer");
                        }
                        depth = (int) dp;
                    }
                }
            }
            int altFrom = t3 + 1;
            int altTo = t4;
            int nAlts = isDot(b, altFrom, altTo) ? 0 : 1 + count(b, altFrom, altTo, (byte) ',');
            boolean hasAf = afFrom >= 0 && !isDot(b, afFrom, afTo);
            // AD is read only when DP or AF leaves something to take from it (Mutect2 writes all three)
            int adN = adFrom < 0 || isDot(b, adFrom, adTo) ? -1 : depth < 0 || !hasAf ? parseInts(b, adFrom, adTo) : AD_UNREAD;
            int[] adv = adBuf;
            if (depth < 0 && adN >= 0) {
                depth = 0;
                for (int k = 0; k < adN; k++) {
                    depth += Math.max(0, adv[k]);
                }
            }
            if (hasAf && nAlts > 0 && 1 + count(b, afFrom, afTo, (byte) ',') != nAlts) {
                throw bad("FORMAT/AF '" + latin1(b, afFrom, afTo) + "' has " + (1 + count(b, afFrom, afTo, (byte) ','))
                        + " values for " + nAlts + " ALT allele(s)");
            }
            String existing = null;
            String altColumn = null;
            if (annotationKey != null) { // only when the header declares CSQ/ANN/FUNCOTATION
                existing = infoValue(b, line.from(7), line.to(7), annotationKey);
                altColumn = existing == null ? null : latin1(b, altFrom, altTo);
            }
            int afCur = afFrom;
            boolean split = nAlts > 1;
            int altCur = altFrom;
            for (int i = 0; i < nAlts; i++) {
                int aFrom = altCur;
                int aTo = split ? indexOfOrEnd(b, altCur, altTo, (byte) ',') : altTo;
                altCur = aTo + 1;
                int fFrom = -1;
                int fTo = -1;
                if (hasAf && afCur <= afTo) {
                    fFrom = afCur;
                    fTo = indexOfOrEnd(b, afCur, afTo, (byte) ',');
                    afCur = fTo + 1;
                }
                stats.alleles++;
                if (aTo == aFrom) {
                    throw bad("empty ALT allele");
                }
                byte a0 = b[aFrom];
                if (a0 == '<' || (aTo - aFrom == 1 && (a0 == '*' || a0 == '.'))
                        || indexOf(b, aFrom, aTo, (byte) '[') >= 0 || indexOf(b, aFrom, aTo, (byte) ']') >= 0) {
                    stats.skippedSymbolic++;
                    continue;
                }
                String r;
                String a;
                int p = pos;
                if (split) {
                    int rs = t2 + 1;
                    int re = t3;
                    int as = aFrom;
                    int ae = aTo;
                    while (re - rs > 1 && ae - as > 1 && b[re - 1] == b[ae - 1]) {
                        re--;
                        ae--;
                    }
                    while (re - rs > 1 && ae - as > 1 && b[rs] == b[as]) {
                        rs++;
                        as++;
                        p++;
                    }
                    r = re - rs == t3 - t2 - 1 ? ref : string(b, rs, re);
                    a = string(b, as, ae);
                } else {
                    r = ref;
                    a = string(b, aFrom, aTo);
                }
                double vaf = Double.NaN;
                if (fFrom >= 0 && !isDot(b, fFrom, fTo)) {
                    vaf = parseFraction(b, fFrom, fTo);
                    if (Double.isNaN(vaf)) {
                        throw bad("FORMAT/AF '" + latin1(b, afFrom, afTo) + "' is not numeric");
                    }
                } else {
                    if (adN == AD_UNREAD) { // this allele's AF is '.'
                        adN = parseInts(b, adFrom, adTo);
                        adv = adBuf;
                    }
                    if (adN == nAlts + 1) {
                        long sum = 0;
                        for (int k = 0; k < adN; k++) {
                            sum += Math.max(0, adv[k]);
                        }
                        vaf = sum == 0 ? Double.NaN : Math.max(0, adv[i + 1]) / (double) sum;
                    }
                }
                CallStatus status;
                if (filtered) {
                    status = CallStatus.FILTERED;
                    stats.filtered++;
                } else if (minDepth > 0 && depth >= 0 && depth < minDepth) {
                    status = CallStatus.BELOW_MIN_DEPTH;
                    stats.belowMinDepth++;
                } else if (minVaf > 0 && !Double.isNaN(vaf) && vaf < minVaf) {
                    status = CallStatus.BELOW_MIN_VAF;
                    stats.belowMinVaf++;
                } else {
                    status = CallStatus.COUNTED;
                }
                Call call = existing == null ? new Call(rawContig, display, p, r, a, vaf, depth, status, stats.records)
                        : new Call(rawContig, display, p, r, a, vaf, depth, status, stats.records,
                        new ExistingAnnotations.Raw(annotationSource, existing, ref, altColumn, i));
                if (!split && pending.isEmpty()) {
                    emit(call); // a lone allele at the current position cannot be preceded by a later one
                } else {
                    pending.add(call);
                }
            }
        }

        /** Reads the AD list b[from, to) into {@link #adBuf} ('.' elements read as 0); returns its length. */
        private int parseInts(byte[] b, int from, int to) {
            int n = 1 + count(b, from, to, (byte) ',');
            if (adBuf.length < n) {
                adBuf = new int[Math.max(n, adBuf.length * 2)];
            }
            int s = from;
            for (int k = 0; k < n; k++) {
                int e = indexOfOrEnd(b, s, to, (byte) ',');
                if (isDot(b, s, e)) {
                    adBuf[k] = 0;
                } else {
                    long v = parseInt(b, s, e);
                    if (v == BAD_INT) {
                        throw bad("FORMAT/AD '" + latin1(b, from, to) + "' is not a list of integers");
                    }
                    adBuf[k] = (int) v;
                }
                s = e + 1;
            }
            return n;
        }

        private byte[] lastFormat;
        private String[] formatKeys;

        /** The FORMAT keys of b[from, to), split once while lines repeat the same FORMAT column. */
        private String[] formatKeys(byte[] b, int from, int to) {
            int len = to - from;
            if (lastFormat == null || lastFormat.length != len || !Arrays.equals(b, from, to, lastFormat, 0, len)) {
                lastFormat = Arrays.copyOfRange(b, from, to);
                formatKeys = len == 0 || isDot(b, from, to) ? new String[0] : VcfLine.split(b, from, to, (byte) ':');
            }
            return formatKeys;
        }

        private void formatIndices(String[] keys) {
            afIdx = -1;
            adIdx = -1;
            dpIdx = -1;
            for (int i = 0; i < keys.length; i++) {
                switch (keys[i]) {
                    case "AF" -> afIdx = i;
                    case "AD" -> adIdx = i;
                    case "DP" -> dpIdx = i;
                    default -> {
                    }
                }
            }
            maxIdx = Math.max(afIdx, Math.max(adIdx, dpIdx));
        }

    }

    /** The value of INFO key {@code keyEq} ("KEY=") in the INFO column b[from, to), or null when absent. */
    static String infoValue(byte[] b, int from, int to, byte[] keyEq) {
        int k = keyEq.length;
        for (int s = from; s < to; ) {
            int e = indexOfOrEnd(b, s, to, (byte) ';');
            if (e - s >= k && Arrays.equals(b, s, s + k, keyEq, 0, k)) {
                return string(b, s + k, e);
            }
            s = e + 1;
        }
        return null;
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
