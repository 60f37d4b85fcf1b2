package org.oncoconcord.normalize;

import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import htsjdk.samtools.reference.IndexedFastaSequenceFile;
import htsjdk.samtools.reference.ReferenceSequence;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.oncoconcord.core.UserException;

/**
 * The reference FASTA through htsjdk's indexed reader (the .fai is built when missing, if the
 * folder is writable), with contig-name harmonisation ({@code chr1} = {@code 1}, {@code chrM} =
 * {@code MT}) and a cached window ({@link #CHUNK}) so streaming lookups stay cheap; the next window is
 * read ahead on a daemon thread.
 */
final class ReferenceGenome implements Closeable {
    /**
     * 256 kb windows: on a dense VCF the JIT profiles see window changes before compiling the
     * per-record code, which a 1 Mb window's first change (at ~16,000 records) used to deoptimise;
     * a sparse VCF reads less per lookup.
     */
    static final int CHUNK = 1 << 18;
    /**
     * A window holds this many bases past its end too, so a lookup that starts near its end (an indel's
     * bases) is served from it, not by the uncached path that the JIT would only see taken once compiled.
     */
    private static final int PAD = 1 << 12;
    private final Path path;
    private final IndexedFastaSequenceFile fasta;
    private final Map<String, Integer> lengths = new LinkedHashMap<>();
    private String cachedContig;
    private int cachedStart = -1;
    private byte[] cached;
    private ExecutorService ahead;
    /** The executor's one thread, joined by {@link #close} (termination is signalled before the thread has ended). */
    private volatile Thread aheadThread;
    /** Used on the read-ahead thread only (then closed by {@link #close} after that thread ends). */
    private IndexedFastaSequenceFile aheadFasta;
    private Future<byte[]> next;
    private String nextContig;
    private int nextStart = -1;
    private int windowsReadAhead;
    private final boolean readAhead;

    /** With the next window read ahead on a daemon thread. */
    ReferenceGenome(Path path) {
        this(path, true);
    }

    /** {@code readAhead} false: every window is read on the caller's thread (small inputs, {@link HelperThreads}). */
    ReferenceGenome(Path path, boolean readAhead) {
        this.path = path;
        this.readAhead = readAhead;
        if (!Files.isReadable(path)) {
            throw new UserException(path + ": reference FASTA not found or not readable");
        }
        if (Files.isDirectory(path)) {
            throw new UserException(path + ": is a directory, not a reference FASTA");
        }
        requireFastaText(path);
        Path fai = path.resolveSibling(path.getFileName() + ".fai");
        if (!Files.exists(fai)) {
            try {
                FastaSequenceIndexCreator.create(path, false);
            } catch (IOException | RuntimeException e) {
                throw new UserException(path + ": the FASTA has no .fai index and it could not be built ("
                        + HeaderRules.preview(String.valueOf(e.getMessage())) + "); run 'samtools faidx " + path + "'");
            }
        }
        try {
            fasta = new IndexedFastaSequenceFile(path);
        } catch (IOException | RuntimeException e) {
            throw new UserException(path + ": cannot open indexed FASTA: " + HeaderRules.preview(String.valueOf(e.getMessage())));
        }
        try {
            for (htsjdk.samtools.reference.FastaSequenceIndexEntry e : new htsjdk.samtools.reference.FastaSequenceIndex(fai)) {
                lengths.put(e.getContig(), (int) e.getSize());
            }
        } catch (RuntimeException e) {
            throw new UserException(fai + ": cannot read the FASTA index: " + e.getMessage());
        }
    }

    /** Refuses a file that is not FASTA text (binary data, or text not starting with '>'); BGZF FASTA passes. */
    private static void requireFastaText(Path path) {
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            throw new UserException(path + ": cannot read the reference FASTA: " + org.oncoconcord.io.OutputSet.reason(e));
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return;
        }
        int i = 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i == head.length || head[i] != '>') {
            throw new UserException(path + ": not a FASTA file (it does not start with a '>' sequence name line)");
        }
        for (byte b : head) {
            if (b == 0 || (b < 32 && b != '\n' && b != '\r' && b != '\t')) {
                throw new UserException(path + ": not a FASTA file (binary data in its first 4 kB)");
            }
        }
    }

    Path path() {
        return path;
    }

    List<String> contigs() {
        return new ArrayList<>(lengths.keySet());
    }

    int length(String contig) {
        Integer l = lengths.get(contig);
        return l == null ? -1 : l;
    }

    /** The reference's name for a VCF contig name, or null when it has none. */
    String harmonise(String name) {
        if (lengths.containsKey(name)) {
            return name;
        }
        for (String alt : alternatives(name)) {
            if (lengths.containsKey(alt)) {
                return alt;
            }
        }
        return null;
    }

    /** Other spellings of a contig name: with/without {@code chr}, and the mitochondrion's names. */
    static List<String> alternatives(String name) {
        List<String> out = new ArrayList<>();
        String bare = name.startsWith("chr") ? name.substring(3) : name;
        if (bare.equals("M") || bare.equals("MT")) {
            out.add("chrM");
            out.add("MT");
            out.add("chrMT");
            out.add("M");
        }
        if (name.startsWith("chr")) {
            out.add(bare);
        } else {
            out.add("chr" + name);
        }
        out.remove(name);
        return out;
    }

    /** One base (0-based) as in the FASTA, or 0 outside the contig. */
    char base(String contig, int pos0) {
        int len = length(contig);
        if (pos0 < 0 || pos0 >= len) {
            return 0;
        }
        window(contig, (pos0 / CHUNK) * CHUNK, len);
        return (char) (cached[pos0 - cachedStart] & 0xff);
    }

    /**
     * Bases {@code [start0, end0)} (0-based, half-open) of a contig, as in the FASTA (case kept),
     * clipped to the contig.
     */
    String fetch(String contig, int start0, int end0) {
        int len = length(contig);
        if (start0 < 0) {
            start0 = 0;
        }
        if (end0 > len) {
            end0 = len;
        }
        if (end0 <= start0) {
            return "";
        }
        int chunkStart = (start0 / CHUNK) * CHUNK;
        if (end0 <= chunkStart + CHUNK + PAD) {
            window(contig, chunkStart, len);
            return new String(cached, start0 - cachedStart, end0 - start0, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        ReferenceSequence s = fasta.getSubsequenceAt(contig, start0 + 1L, end0);
        return new String(s.getBases(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Makes the window at {@code chunkStart} of {@code contig} (of length {@code len}) the cached one. One
     * check for {@link #base} and {@link #fetch}, window start first: a new contig nearly always starts in
     * another window, so its first lookup takes the (JIT-profiled) path of a window change.
     */
    private void window(String contig, int chunkStart, int len) {
        if (cachedStart != chunkStart || !contig.equals(cachedContig)) {
            cached = chunk(contig, chunkStart, Math.min(len, chunkStart + CHUNK + PAD));
            cachedContig = contig;
            cachedStart = chunkStart;
        }
    }

    /**
     * The bases of a window (and its {@link #PAD}): the one read ahead when it is that one, else read here; then, when
     * the windows are being read in order, the window after it (or the next contig's first) is read
     * ahead on a daemon thread. A failure ahead is dropped: the window is read again here, failing as it would have.
     */
    private byte[] chunk(String contig, int start0, int end0) {
        byte[] bases = null;
        // read ahead only while the records walk the windows in order (a dense VCF): a sparse one (a
        // panel or exome, a few records per window) would read every window twice
        boolean sequential = contig.equals(cachedContig) && start0 == cachedStart + CHUNK;
        if (next != null && start0 == nextStart && contig.equals(nextContig)) {
            sequential = true;
            try {
                bases = next.get();
            } catch (ExecutionException e) {
                bases = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        next = null;
        if (bases == null) {
            bases = fasta.getSubsequenceAt(contig, start0 + 1L, end0).getBases();
        }
        if (sequential && readAhead) {
            readAhead(contig, start0 + CHUNK);
        }
        return bases;
    }

    private void readAhead(String contig, int from0) {
        String c = contig;
        int start0 = from0;
        if (start0 >= length(c)) {
            c = contigAfter(c);
            if (c == null) {
                return;
            }
            start0 = 0;
        }
        int end0 = Math.min(length(c), start0 + CHUNK + PAD);
        if (end0 <= start0) {
            return;
        }
        if (ahead == null) {
            ahead = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "oncoconcord-reference-ahead");
                t.setDaemon(true);
                aheadThread = t;
                return t;
            });
        }
        String fc = c;
        int fs = start0;
        nextContig = c;
        nextStart = start0;
        windowsReadAhead++;
        next = ahead.submit(() -> aheadFasta().getSubsequenceAt(fc, fs + 1L, end0).getBases());
    }

    /** The contig after {@code contig} in the FASTA index, or null for the last one. */
    private String contigAfter(String contig) {
        boolean found = false;
        for (String c : lengths.keySet()) {
            if (found) {
                return c;
            }
            found = c.equals(contig);
        }
        return null;
    }

    /** The reader of the read-ahead thread (htsjdk's reader is not thread-safe: one per thread). */
    private IndexedFastaSequenceFile aheadFasta() throws IOException {
        if (aheadFasta == null) {
            aheadFasta = new IndexedFastaSequenceFile(path);
        }
        return aheadFasta;
    }

    /** How many windows were read ahead so far (tests: none for sparse lookups). */
    int windowsReadAhead() {
        return windowsReadAhead;
    }

    @Override
    public void close() throws IOException {
        if (ahead != null) {
            ahead.shutdownNow();
            try {
                ahead.awaitTermination(5, TimeUnit.SECONDS);
                Thread t = aheadThread;
                if (t != null) {
                    t.join(5000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (aheadFasta != null) {
                aheadFasta.close();
            }
        }
        fasta.close();
    }
}
