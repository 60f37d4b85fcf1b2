package org.oncoconcord.normalize;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.oncoconcord.annotate.Annotator;
import org.oncoconcord.annotate.CsqAnnotator;
import org.oncoconcord.annotate.CsqBytes;
import org.oncoconcord.annotate.TranscriptSet;

/**
 * {@code normalize --annotate}'s second thread: it loads the transcript models while the normalizing
 * thread reads the first records, then adds INFO/CSQ to the finished output lines and writes them
 * (header first) to the {@link VcfSink}, in the order they were handed over. Lines travel in
 * batches of {@value #BATCH} records through {@value #BATCHES} reused buffers (memory bounded: the
 * normalizing thread waits for a free one). The first failure of this thread (a GTF error, an
 * unsorted record found by the sink, a bug in the annotator) is kept, the rest of the batches are
 * dropped, and it is rethrown to the normalizing thread at its next hand-over or at
 * {@link #finish}; {@link #earliest} makes the thread's error win over a later one of the
 * normalizing thread, as in the single-threaded order.
 */
final class AnnotatingWriter implements AutoCloseable {
    static final int BATCH = 1024;
    static final int BATCHES = 4;
    /** A batch is handed over early once its lines hold this many bytes (very long lines). */
    static final int MAX_BYTES = 1 << 22;
    /** The CSQ INFO line the normalizing thread's header holds until the models (which name the source) are loaded. */
    static final String PLACEHOLDER = "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"(loading transcript models)\">";

    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Batch end = new Batch(0);
    private final Thread thread;
    private final VcfSink sink;
    private final CsqAnnotator.Counts counts;
    private final Supplier<TranscriptSet> models;
    private volatile Throwable failure;
    private Batch current;
    private boolean ended;
    // the writing thread's own
    private Annotator annotator;
    private String headerLine;
    private final CsqBytes value = new CsqBytes(256);
    private final CsqInfo.Line line = new CsqInfo.Line(1024);

    /** Starts the thread, which loads {@code models} at once; CSQ counts go to {@code counts} (read them after {@link #finish}). */
    AnnotatingWriter(Supplier<TranscriptSet> models, VcfSink sink, CsqAnnotator.Counts counts) {
        this.models = models;
        this.sink = sink;
        this.counts = counts;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(BATCH));
        }
        thread = new Thread(this::work, "normalize-annotate");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands over the header text (holding {@link #PLACEHOLDER}, replaced by the models' CSQ line) and its contig order. */
    void header(String text, List<String> contigOrder) {
        Batch b = take();
        b.header = text;
        b.contigs = contigOrder;
        put(b);
    }

    /** Hands over one output line, {@code buf[0, len)}, of the record {@code chrom:pos-end} from input line {@code lineNo}. */
    void record(String chrom, int pos, int recordEnd, long lineNo, String[] alleles, byte[] buf, int len) {
        if (current == null) {
            current = take();
        }
        current.add(chrom, pos, recordEnd, lineNo, alleles, buf, len);
        if (current.n == BATCH || current.off[current.n] >= MAX_BYTES) {
            put(current);
            current = null;
        }
    }

    /** Hands over the last lines and waits for the thread: rethrows its failure, if any. Call {@link VcfSink#finish} after. */
    void finish() {
        stop();
        rethrow();
    }

    /**
     * For an error {@code e} of the normalizing thread: the lines handed over so far are written (as
     * they were before {@code e} in the single-threaded order) and the thread's failure on them, if
     * any, is returned instead of {@code e}.
     */
    Throwable earliest(Throwable e) {
        stop();
        Throwable f = failure;
        return f != null ? f : e;
    }

    @Override
    public void close() {
        stop();
    }

    private void stop() {
        if (ended) {
            return;
        }
        ended = true;
        if (current != null) {
            full.add(current);
            current = null;
        }
        full.add(end); // never blocks: BATCHES buffers and this marker fit
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException ie) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** A free buffer; rethrows the thread's failure first (no point in normalizing further). */
    private Batch take() {
        rethrow();
        try {
            Batch b;
            while ((b = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the annotating thread ended early");
                }
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the annotating thread", e);
        }
    }

    private void put(Batch b) {
        full.add(b); // at most BATCHES buffers exist: never full
    }

    private void work() {
        try {
            TranscriptSet m = models.get();
            annotator = new Annotator(m);
            headerLine = CsqAnnotator.headerLine(m);
        } catch (Throwable t) {
            failure = t;
        }
        while (true) {
            Batch b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                if (failure == null) {
                    failure = new IllegalStateException("the annotating thread was interrupted", e);
                }
                return;
            }
            if (b == end) {
                return;
            }
            if (failure == null) {
                try {
                    write(b);
                } catch (Throwable t) {
                    failure = t;
                }
            }
            b.clear();
            free.add(b);
        }
    }

    private void write(Batch b) {
        if (b.header != null) {
            String text = b.header;
            int at = text.indexOf(PLACEHOLDER + "\n");
            if (at < 0) {
                throw new IllegalStateException("the header has no CSQ placeholder line");
            }
            sink.header(text.substring(0, at) + headerLine + text.substring(at + PLACEHOLDER.length()), b.contigs);
            return;
        }
        for (int i = 0; i < b.n; i++) {
            value.clear();
            int n = CsqAnnotator.append(annotator, counts, b.chrom[i], b.pos[i], b.alleles[i], value);
            counts.records++;
            int off = b.off[i];
            int len = b.off[i + 1] - off;
            if (n == 0) {
                sink.record(b.chrom[i], b.pos[i], b.end[i], b.lineNo[i], b.data, off, len);
            } else {
                CsqInfo.insert(b.data, off, len, value, line);
                sink.record(b.chrom[i], b.pos[i], b.end[i], b.lineNo[i], line.buf, 0, line.len);
            }
        }
    }

    /** Up to {@link #BATCH} lines (or the header) and what annotating and writing them needs. */
    private static final class Batch {
        String header;
        List<String> contigs;
        int n;
        byte[] data;
        final int[] off;
        final String[] chrom;
        final int[] pos;
        final int[] end;
        final long[] lineNo;
        final String[][] alleles;

        Batch(int size) {
            data = new byte[size == 0 ? 0 : 1 << 16];
            off = new int[size + 1];
            chrom = new String[size];
            pos = new int[size];
            end = new int[size];
            lineNo = new long[size];
            alleles = new String[size][];
        }

        void add(String c, int p, int e, long l, String[] a, byte[] buf, int len) {
            int at = off[n];
            if (at + len > data.length) {
                data = Arrays.copyOf(data, Math.max(at + len, data.length * 2));
            }
            System.arraycopy(buf, 0, data, at, len);
            chrom[n] = c;
            pos[n] = p;
            end[n] = e;
            lineNo[n] = l;
            alleles[n] = a.clone(); // the record is done with, but its array is not ours
            n++;
            off[n] = at + len;
        }

        void clear() {
            header = null;
            contigs = null;
            Arrays.fill(chrom, 0, n, null);
            Arrays.fill(alleles, 0, n, null);
            n = 0;
        }
    }
}
