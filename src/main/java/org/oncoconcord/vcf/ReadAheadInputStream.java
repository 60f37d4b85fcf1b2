package org.oncoconcord.vcf;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead on a daemon thread (e.g. inflates BGZF blocks while the caller parses the
 * previous ones), in chunks handed over through a small bounded queue. The caller sees the same
 * bytes as from the wrapped stream, then the wrapped stream's end, or the very exception its read
 * threw (same type and message) after every byte it delivered before failing (with BGZF: every byte
 * of the intact blocks, see {@link BgzfBlockReads}). {@link #close} stops
 * the thread and closes the wrapped stream. One consumer thread.
 */
public final class ReadAheadInputStream extends InputStream {
    // 1 MB: fewer hand-offs; 64 kB and 128 kB chunks cost 0.1-0.16 s more CPU per 1M Strelka2-like records (bench/RESULTS-normalize.md)
    static final int CHUNK = 1 << 20;
    private static final int DEPTH = 3;

    /** A chunk of bytes, or the end (len -1), or the wrapped stream's failure. */
    private record Chunk(byte[] data, int len, Throwable error) {
    }

    private final InputStream in;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(DEPTH + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 1);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int pos;

    /** Starts reading {@code in} ahead with chunks of {@code chunkSize} bytes (tests use small ones). */
    ReadAheadInputStream(InputStream in, int chunkSize) {
        this.in = in;
        for (int i = 0; i < DEPTH; i++) {
            free.add(new byte[chunkSize]);
        }
        thread = new Thread(this::readAhead, "oncoconcord-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code in} read ahead on a daemon thread. */
    public static InputStream of(InputStream in) {
        return new ReadAheadInputStream(in, CHUNK);
    }

    private void readAhead() {
        try {
            while (!closed) {
                byte[] b = free.take();
                int n = 0;
                try {
                    while (n < b.length) {
                        int r = in.read(b, n, BgzfBlockReads.want(in, b.length - n));
                        if (r < 0) {
                            break;
                        }
                        n += r;
                    }
                } catch (Throwable e) {
                    if (n > 0) {
                        full.put(new Chunk(b, n, null));
                    }
                    full.put(new Chunk(null, -1, e));
                    return;
                }
                if (n == 0) {
                    full.put(new Chunk(null, -1, null));
                    return;
                }
                full.put(new Chunk(b, n, null));
            }
        } catch (InterruptedException e) {
            // closed by the consumer
        }
    }

    /** The next chunk with unread bytes, or the end/failure chunk. */
    private Chunk chunk() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (current != null && (current.len < 0 || pos < current.len)) {
            return current;
        }
        if (current != null) {
            free.add(current.data);
        }
        try {
            current = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        pos = 0;
        return current;
    }

    @Override
    public int read() throws IOException {
        Chunk c = chunk();
        if (c.len < 0) {
            return end(c);
        }
        return c.data[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        Chunk c = chunk();
        if (c.len < 0) {
            return end(c);
        }
        int n = Math.min(len, c.len - pos);
        System.arraycopy(c.data, pos, b, off, n);
        pos += n;
        return n;
    }

    /** -1 at the end, else rethrows the wrapped stream's failure (every time it is reached). */
    private static int end(Chunk c) throws IOException {
        Throwable e = c.error;
        if (e == null) {
            return -1;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new UncheckedIOException(new IOException(e));
    }

    @Override
    public int available() {
        Chunk c = current;
        return c == null || c.len < 0 ? 0 : c.len - pos;
    }

    /** Stops the read-ahead thread (waiting for it unless it is blocked in a read that ignores interrupts) and closes the wrapped stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        full.clear();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }

    /** Whether the read-ahead thread is still running (tests check that close ends it). */
    boolean threadAlive() {
        return thread.isAlive();
    }
}
