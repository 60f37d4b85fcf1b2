package org.oncoconcord.normalize;

import htsjdk.samtools.util.RuntimeIOException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Output written on a daemon thread: the caller appends lines (with the coordinates a tabix index
 * needs) to a {@link Batch}; full batches go through a small bounded queue to the thread, which
 * hands them to a {@link BatchWriter} (BGZF deflate, index, file writes) in order. A failure there
 * is rethrown, the same exception, by the caller's next call; {@link #finish} waits for the last
 * batch, {@link #abort} drops what is queued. One caller thread.
 */
final class WriterThread {
    static final int BATCH = 1 << 18;
    private static final int DEPTH = 3;
    private static final Batch END = new Batch(0);

    /** Writes one batch (on the writer thread). */
    interface BatchWriter {
        void write(Batch b) throws IOException;
    }

    /**
     * Lines in order: entry i is data[stop[i-1], stop[i]) (from 0 for i = 0), a line with its newline
     * and its contig/start/end, or raw text (header) when its contig is null.
     */
    static final class Batch {
        byte[] data;
        int size;
        String[] chrom = new String[1024];
        int[] pos = new int[1024];
        int[] end = new int[1024];
        int[] stop = new int[1024];
        int n;

        Batch(int capacity) {
            data = new byte[capacity];
        }

        void add(String c, int p, int e, byte[] b, int off, int len, boolean newline) {
            int need = size + len + 1;
            if (need > data.length) {
                data = Arrays.copyOf(data, Math.max(need, data.length * 2));
            }
            if (n == stop.length) {
                chrom = Arrays.copyOf(chrom, n * 2);
                pos = Arrays.copyOf(pos, n * 2);
                end = Arrays.copyOf(end, n * 2);
                stop = Arrays.copyOf(stop, n * 2);
            }
            System.arraycopy(b, off, data, size, len);
            size += len;
            if (newline) {
                data[size++] = '\n';
            }
            chrom[n] = c;
            pos[n] = p;
            end[n] = e;
            stop[n++] = size;
        }

        void clear() {
            Arrays.fill(chrom, 0, n, null);
            size = 0;
            n = 0;
        }
    }

    private final BatchWriter writer;
    private final BlockingQueue<Batch> todo = new ArrayBlockingQueue<>(DEPTH + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    private final int batchBytes;
    private volatile Throwable failure;
    private Batch batch;
    private boolean done;

    /** Starts the thread; batches are handed over when they hold {@code batchBytes} (tests use small ones). */
    WriterThread(BatchWriter writer, int batchBytes) {
        this.writer = writer;
        this.batchBytes = batchBytes;
        batch = new Batch(batchBytes + 1024);
        for (int i = 1; i < DEPTH; i++) {
            free.add(new Batch(batchBytes + 1024));
        }
        thread = new Thread(this::run, "oncoconcord-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                Batch b = todo.take();
                if (b == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        writer.write(b);
                    } catch (Throwable e) {
                        failure = e;
                    }
                }
                b.clear();
                free.put(b);
            }
        } catch (InterruptedException e) {
            // aborted
        }
    }

    /** Appends raw text (the header). */
    void raw(byte[] b, int off, int len) throws IOException {
        append(null, 0, 0, b, off, len, false);
    }

    /** Appends a line (a newline is added) starting at {@code pos} and ending at {@code end} on {@code chrom}. */
    void line(String chrom, int pos, int end, byte[] b, int off, int len) throws IOException {
        append(chrom, pos, end, b, off, len, true);
    }

    private void append(String chrom, int pos, int end, byte[] b, int off, int len, boolean newline) throws IOException {
        rethrow();
        batch.add(chrom, pos, end, b, off, len, newline);
        if (batch.size >= batchBytes) {
            submit();
        }
    }

    private void submit() throws IOException {
        try {
            todo.put(batch);
            batch = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        rethrow();
    }

    /** Writes what is left, waits for the thread and rethrows its failure, if any. */
    void finish() throws IOException {
        if (done) {
            return;
        }
        try {
            if (batch.n > 0) {
                todo.put(batch);
                batch = null;
            }
            todo.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        } finally {
            done = true;
        }
        rethrow();
    }

    /** Stops the thread without writing what is queued. */
    void abort() {
        if (done) {
            return;
        }
        done = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws IOException {
        Throwable e = failure;
        if (e == null) {
            return;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeIOException r) {
            throw r;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IOException(e);
    }

    /** Whether the thread is still running (tests check that finish and abort end it). */
    boolean threadAlive() {
        return thread.isAlive();
    }
}
