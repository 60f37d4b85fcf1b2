package org.oncoconcord.core;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr for long work: a redrawn bar when stderr is a terminal, otherwise one line
 * every {@code intervalMillis}. Never writes to stdout, which carries only data.
 */
public final class Progress implements AutoCloseable {
    private final String task;
    private final long total;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean enabled;
    private final long intervalMillis;
    private final long start = System.nanoTime();
    private long lastReport = System.nanoTime();
    private long done;

    /**
     * @param task  what is being done, e.g. "normalize sample.vcf.gz"
     * @param total units of work expected, or -1 when unknown
     * @param quiet when true nothing is printed
     */
    public Progress(String task, long total, boolean quiet) {
        this(task, total, quiet, System.err, System.console() != null, 10_000);
    }

    Progress(String task, long total, boolean quiet, PrintStream err, boolean terminal, long intervalMillis) {
        this.task = task;
        this.total = total;
        this.err = err;
        this.terminal = terminal;
        this.enabled = !quiet;
        this.intervalMillis = terminal ? 200 : intervalMillis;
    }

    /** Records {@code n} more units done and reports if the interval has passed. */
    public void advance(long n) {
        done += n;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if ((now - lastReport) / 1_000_000 >= intervalMillis) {
            lastReport = now;
            print(false);
        }
    }

    public long done() {
        return done;
    }

    private void print(boolean last) {
        double secs = (System.nanoTime() - start) / 1e9;
        String counts = total > 0 ? String.format(Locale.ROOT, "%,d/%,d", done, total) : String.format(Locale.ROOT, "%,d", done);
        if (terminal) {
            String bar = "";
            if (total > 0) {
                int width = 30;
                int filled = (int) Math.min(width, width * done / Math.max(1, total));
                bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] ";
            }
            err.print(String.format(Locale.ROOT, "\r%s %s%s (%.1fs)", task, bar, counts, secs));
            if (last) {
                err.println();
            }
        } else {
            err.println(String.format(Locale.ROOT, "[oncoconcord] %s: %s done (%.1fs)", task, counts, secs));
        }
        err.flush();
    }

    @Override
    public void close() {
        if (enabled) {
            print(true);
        }
    }
}
