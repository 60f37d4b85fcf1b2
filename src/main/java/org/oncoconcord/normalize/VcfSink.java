package org.oncoconcord.normalize;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.tribble.SimpleFeature;
import htsjdk.tribble.index.Index;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.oncoconcord.cli.UserException;
import org.oncoconcord.io.AtomicFiles;

/**
 * Where normalized lines go: stdout, a plain {@code .vcf}, or BGZF {@code .vcf.gz} with a tabix
 * index built on the fly (htsjdk). Files are written to temporaries and renamed on {@link #commit}
 * so a failed run leaves nothing behind. Refuses unsorted output, which could not be indexed.
 */
final class VcfSink implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final Path tmpIndex;
    private final OutputStream out;
    private final BlockCompressedOutputStream bgzf;
    private final TabixIndexCreator tabix;
    private final Set<String> finishedContigs = new HashSet<>();
    private String lastContig;
    private int lastPos;
    private boolean committed;
    private final String inputName;

    VcfSink(Path target, String inputName) throws IOException {
        this.target = target;
        this.inputName = inputName;
        if (target == null) {
            tmp = null;
            tmpIndex = null;
            bgzf = null;
            tabix = null;
            out = new BufferedOutputStream(System.out, 1 << 16);
        } else {
            tmp = AtomicFiles.tempFor(target);
            if (tmp.getParent() != null) {
                Files.createDirectories(tmp.getParent());
            }
            if (target.getFileName().toString().endsWith(".gz")) {
                tmpIndex = AtomicFiles.tempFor(target.resolveSibling(target.getFileName() + ".tbi"));
                bgzf = new BlockCompressedOutputStream(tmp.toFile());
                tabix = new TabixIndexCreator(TabixFormat.VCF);
                out = bgzf;
            } else {
                tmpIndex = null;
                bgzf = null;
                tabix = null;
                out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
            }
        }
    }

    void header(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void record(VcfRecord r, String line) throws IOException {
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
        } else if (r.pos < lastPos) {
            throw new UserException(inputName + ": line " + r.line + ": position " + r.chrom + ":" + r.pos + " comes after "
                    + r.chrom + ":" + lastPos + "; the input must be sorted (bcftools sort)");
        }
        lastPos = r.pos;
        if (tabix != null) {
            int end = Math.max(r.pos, r.end());
            tabix.addFeature(new SimpleFeature(r.chrom, r.pos, end), bgzf.getFilePointer());
        }
        out.write(line.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
    }

    /** Finishes the files and renames them into place. */
    void commit() throws IOException {
        if (target == null) {
            out.flush();
            committed = true;
            return;
        }
        if (tabix != null) {
            Index idx = tabix.finalizeIndex(bgzf.getFilePointer());
            out.close();
            idx.write(tmpIndex);
            AtomicFiles.move(tmp, target);
            AtomicFiles.move(tmpIndex, target.resolveSibling(target.getFileName() + ".tbi"));
        } else {
            out.close();
            AtomicFiles.move(tmp, target);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        if (target == null) {
            out.flush();
            return;
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // being discarded anyway
        }
        Files.deleteIfExists(tmp);
        if (tmpIndex != null) {
            Files.deleteIfExists(tmpIndex);
        }
    }
}
