package org.oncoconcord.annotate;

import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import htsjdk.samtools.reference.IndexedFastaSequenceFile;
import htsjdk.samtools.reference.ReferenceSequence;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.ContigNames;

/** Reference bases from an indexed FASTA (htsjdk), contigs matched by style-free name ({@code chr1} = {@code 1}). */
public final class ReferenceBases implements Closeable {
    private final Path path;
    private final IndexedFastaSequenceFile fasta;
    private final Map<String, String> contigs = new HashMap<>();

    public ReferenceBases(Path path) {
        this.path = path;
        if (!Files.isReadable(path)) {
            throw new UserException(path + ": reference FASTA not found or not readable");
        }
        try {
            if (!Files.exists(path.resolveSibling(path.getFileName() + ".fai"))) {
                FastaSequenceIndexCreator.create(path, false);
            }
            fasta = new IndexedFastaSequenceFile(path);
        } catch (IOException | RuntimeException e) {
            throw new UserException(path + ": cannot open as an indexed FASTA (" + e.getMessage()
                    + "); run 'samtools faidx " + path + "'");
        }
        Path fai = path.resolveSibling(path.getFileName() + ".fai");
        for (htsjdk.samtools.reference.FastaSequenceIndexEntry e : new htsjdk.samtools.reference.FastaSequenceIndex(fai)) {
            contigs.put(ContigNames.canonical(e.getContig()), e.getContig());
        }
    }

    public Path path() {
        return path;
    }

    /** The FASTA's contig names, as written in it (in no particular order). */
    public java.util.Collection<String> contigNames() {
        return java.util.Collections.unmodifiableCollection(contigs.values());
    }

    /** True when the FASTA has this contig (any naming style). */
    public boolean hasContig(String chrom) {
        return contigs.containsKey(ContigNames.canonical(chrom));
    }

    /** Upper-case bases {@code start..end} (1-based inclusive) of a contig the FASTA has. */
    public String bases(String chrom, int start, int end) {
        return new String(rawBases(chrom, start, end), java.nio.charset.StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
    }

    /** Bases {@code start..end} (1-based inclusive) of a contig the FASTA has, as the file holds them (either case). */
    byte[] rawBases(String chrom, int start, int end) {
        String name = contigs.get(ContigNames.canonical(chrom));
        if (name == null) {
            throw new UserException(path + ": the FASTA has no contig " + chrom);
        }
        try {
            ReferenceSequence seq = fasta.getSubsequenceAt(name, start, end);
            return seq.getBases();
        } catch (RuntimeException e) {
            throw new UserException(path + ": cannot read " + chrom + ":" + start + "-" + end + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        fasta.close();
    }
}
