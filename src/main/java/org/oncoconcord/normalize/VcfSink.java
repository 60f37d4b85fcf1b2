package org.oncoconcord.normalize;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.RuntimeIOException;
import htsjdk.tribble.SimpleFeature;
import htsjdk.tribble.index.Index;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.core.UserException;
import org.oncoconcord.io.OutputSet;

/**
 * Where normalized lines go: stdout, a plain {@code .vcf}, or BGZF {@code .vcf.gz} with a tabix
 * index built on the fly (htsjdk), written to the temporaries of an {@link OutputSet}. Records come
 * out in the header's contig order: while the input visits contigs in that order they are written
 * straight through; once a contig comes before one already written, each further contig goes to a
 * spill file beside the output, and {@link #finish} merges all in header order (memory stays flat).
 * Refuses input that is not sorted within a contig or whose contigs are not contiguous.
 */
final class VcfSink implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final Path tmpIndex;
    private final String inputName;
    private final Map<String, Integer> rank = new HashMap<>();
    private final Set<String> finishedContigs = new HashSet<>();
    private final List<String> directContigs = new ArrayList<>();
    private final Map<String, Path> spills = new HashMap<>();
    private Part main;
    private OutputStream spillOut;
    private String lastContig;
    private int lastPos;
    private int lastDirectRank = -1;
    private boolean spilling;
    private String header;
    private final boolean writerThread;

    /** {@code target} null: stdout; else {@code tmp} (and {@code tmpIndex} for .gz) are the OutputSet's temporaries. */
    VcfSink(Path target, Path tmp, Path tmpIndex, String inputName) {
        this(target, tmp, tmpIndex, inputName, true);
    }

    /** As above; {@code writerThread} false: files are written on the caller's thread (small inputs, {@link HelperThreads}). */
    VcfSink(Path target, Path tmp, Path tmpIndex, String inputName, boolean writerThread) {
        this.writerThread = writerThread;
        this.target = target;
        this.tmp = tmp;
        this.tmpIndex = tmpIndex;
        this.inputName = inputName;
        try {
            main = target == null ? new Part(System.out, true, false) : Part.open(tmp, tmpIndex != null, writerThread);
        } catch (IOException | RuntimeIOException e) {
            throw cannotWrite(e);
        }
    }

    /** Writes the header; {@code contigOrder} is the order of its ##contig lines, which records will follow. */
    void header(String text, List<String> contigOrder) {
        header = text;
        for (String c : contigOrder) {
            rank.putIfAbsent(c, rank.size());
        }
        try {
            main.writeHeader(text);
        } catch (IOException | RuntimeIOException e) {
            throw cannotWrite(e);
        }
    }

    void record(VcfRecord r, String line) {
        record(r, line.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes one record's line (without its line break) as bytes, e.g. the input's bytes of an untouched record. */
    void record(VcfRecord r, byte[] line) {
        record(r, line, line.length);
    }

    /** Writes one record's line, line[0, len) (without its line break). */
    void record(VcfRecord r, byte[] line, int len) {
        if (!r.chrom.equals(lastContig)) {
            if (lastContig != null) {
                finishedContigs.add(lastContig);
            }
            if (finishedContigs.contains(r.chrom)) {
                throw new UserException(inputName + ": line " + r.line + ": records of contig " + r.chrom
                        + " are not contiguous; the input must be sorted (bcftools sort)");
            }
            lastContig = r.chrom;
            lastPos = 0;
            startContig(r);
        } else if (r.pos < lastPos) {
            throw new UserException(inputName + ": line " + r.line + ": position " + r.chrom + ":" + r.pos + " comes after "
                    + r.chrom + ":" + lastPos + "; the input must be sorted (bcftools sort)");
        }
        lastPos = r.pos;
        try {
            if (spilling) {
                spillOut.write(line, 0, len);
                spillOut.write('\n');
            } else {
                // the end (INFO/END or REF length) is needed only by the tabix index
                main.write(r.chrom, r.pos, main.tabix == null ? r.pos : Math.max(r.pos, r.end()), line, len);
            }
        } catch (IOException | RuntimeIOException e) {
            throw cannotWrite(e);
        }
    }

    private void startContig(VcfRecord r) {
        int k = rank.computeIfAbsent(r.chrom, c -> rank.size());
        try {
            if (!spilling && k > lastDirectRank) {
                lastDirectRank = k;
                directContigs.add(r.chrom);
                return;
            }
            if (target == null) {
                throw new UserException(inputName + ": line " + r.line + ": contig " + r.chrom + " comes after contigs that"
                        + " follow it in the header's ##contig order; give -o FILE to have the records sorted, or sort the"
                        + " input (bcftools sort)");
            }
            spilling = true;
            closeSpill();
            Path spill = tmp.resolveSibling(tmp.getFileName() + ".spill" + spills.size());
            spills.put(r.chrom, spill);
            spillOut = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private void closeSpill() throws IOException {
        if (spillOut != null) {
            spillOut.close();
            spillOut = null;
        }
    }

    /** Completes the files (merging spilled contigs in header order); the OutputSet renames them. */
    void finish() {
        try {
            if (!spilling) {
                main.finish(tmpIndex);
                return;
            }
            closeSpill();
            main.finish(null);
            Path direct = tmp.resolveSibling(tmp.getFileName() + ".direct");
            Files.move(tmp, direct);
            spills.put("", direct);
            List<String> all = new ArrayList<>(directContigs);
            all.addAll(spills.keySet());
            all.remove("");
            all.sort((a, b) -> Integer.compare(rank.get(a), rank.get(b)));
            Part merged = Part.open(tmp, tmpIndex != null, writerThread);
            main = merged; // discarded by close() if the merge fails (its writer thread stops)
            merged.writeHeader(header);
            try (BufferedReader directIn = reader(direct)) {
                String pending = skipHeader(directIn);
                for (String contig : all) {
                    Path spill = spills.get(contig);
                    if (spill != null) {
                        try (BufferedReader in = Files.newBufferedReader(spill, StandardCharsets.ISO_8859_1)) {
                            for (String l = in.readLine(); l != null; l = in.readLine()) {
                                merged.writeLine(l);
                            }
                        }
                    } else {
                        while (pending != null && pending.startsWith(contig + "\t")) {
                            merged.writeLine(pending);
                            pending = directIn.readLine();
                        }
                    }
                }
            }
            merged.finish(tmpIndex);
        } catch (IOException | RuntimeIOException e) {
            throw cannotWrite(e);
        } finally {
            deleteSpills();
        }
    }

    private BufferedReader reader(Path p) throws IOException {
        InputStream in = tmpIndex != null ? new BlockCompressedInputStream(p.toFile()) : Files.newInputStream(p);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
    }

    private static String skipHeader(BufferedReader in) throws IOException {
        String l = in.readLine();
        while (l != null && l.startsWith("#")) {
            l = in.readLine();
        }
        return l;
    }

    private void deleteSpills() {
        for (Path p : spills.values()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // temporaries: best effort
            }
        }
    }

    private UserException cannotWrite(Exception e) {
        String name = target == null ? "<stdout>" : target.toString();
        return new UserException(name + ": cannot write: " + OutputSet.reason(e), e);
    }

    @Override
    public void close() {
        try {
            closeSpill();
        } catch (IOException ignored) {
            // being discarded
        }
        deleteSpills();
        main.discard();
    }

    /** One output stream: stdout, plain, or BGZF with its tabix index. */
    private static final class Part {
        final OutputStream out;
        final BlockCompressedOutputStream bgzf;
        final TabixIndexCreator tabix;
        private final boolean stdout;
        /** The file under the BGZF stream, closed here too: htsjdk leaves it open when its last flush fails. */
        private final OutputStream file;
        /** Writes (deflate, index, file writes) for a file, off the caller's thread; null for stdout. */
        private final WriterThread thread;
        private boolean closed;

        private Part(OutputStream out, boolean stdout, boolean threaded) {
            this.out = new BufferedOutputStream(out, 1 << 16);
            this.bgzf = null;
            this.tabix = null;
            this.stdout = stdout;
            this.file = stdout ? null : out;
            this.thread = stdout || !threaded ? null : new WriterThread(this::writeBatch, WriterThread.BATCH);
        }

        private Part(OutputStream file, Path path, boolean threaded) {
            this.bgzf = new BlockCompressedOutputStream(file, path);
            this.out = bgzf;
            this.tabix = new TabixIndexCreator(TabixFormat.VCF);
            this.stdout = false;
            this.file = file;
            this.thread = threaded ? new WriterThread(this::writeBatch, WriterThread.BATCH) : null;
        }

        static Part open(Path file, boolean bgzip, boolean threaded) throws IOException {
            return bgzip ? new Part(Files.newOutputStream(file), file, threaded) : new Part(Files.newOutputStream(file), false, threaded);
        }

        void writeHeader(String text) throws IOException {
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
            if (thread != null) {
                thread.raw(b, 0, b.length);
            } else {
                out.write(b);
            }
        }

        void write(String chrom, int pos, int end, byte[] line, int len) throws IOException {
            if (thread != null) {
                thread.line(chrom, pos, end, line, 0, len);
                return;
            }
            if (tabix != null) {
                tabix.addFeature(new SimpleFeature(chrom, pos, end), bgzf.getFilePointer());
            }
            out.write(line, 0, len);
            out.write('\n');
        }

        /** On the writer thread: the batch's text, and with BGZF each record's index entry at its file pointer. */
        private void writeBatch(WriterThread.Batch b) throws IOException {
            if (tabix == null) {
                out.write(b.data, 0, b.size);
                return;
            }
            int from = 0;
            for (int i = 0; i < b.n; i++) {
                if (b.chrom[i] != null) {
                    tabix.addFeature(new SimpleFeature(b.chrom[i], b.pos[i], b.end[i]), bgzf.getFilePointer());
                }
                out.write(b.data, from, b.stop[i] - from);
                from = b.stop[i];
            }
        }

        /** Writes a line already written once (from a spill): its coordinates are parsed back for the index. */
        void writeLine(String line) throws IOException {
            String[] c = VcfValues.split(line, '\t');
            int pos = Integer.parseInt(c[1]);
            int end = pos + c[3].length() - 1;
            for (String kv : VcfValues.split(c[7], ';')) {
                if (kv.startsWith("END=")) {
                    try {
                        end = Integer.parseInt(kv.substring(4));
                    } catch (NumberFormatException ignored) {
                        // as VcfRecord.end(): REF length
                    }
                }
            }
            byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
            write(c[0], pos, Math.max(pos, end), b, b.length);
        }

        /** Flushes stdout, or closes the file (writing the tabix index to {@code indexFile} when given). */
        void finish(Path indexFile) throws IOException {
            if (stdout) {
                out.flush();
                return;
            }
            if (thread != null) {
                thread.finish();
            }
            if (tabix != null && indexFile != null) {
                Index idx = tabix.finalizeIndex(bgzf.getFilePointer());
                out.close();
                closed = true;
                idx.write(indexFile);
            } else {
                out.close();
                closed = true;
            }
        }

        void discard() {
            if (thread != null) {
                thread.abort();
            }
            try {
                if (stdout) {
                    out.flush();
                } else if (!closed) {
                    closed = true;
                    out.close();
                }
            } catch (IOException | RuntimeIOException ignored) {
                // being discarded
            } finally {
                if (file != null) {
                    try {
                        file.close();
                    } catch (IOException ignored) {
                        // being discarded
                    }
                }
            }
        }
    }
}
