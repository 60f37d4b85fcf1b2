package org.oncoconcord.normalize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oncoconcord.vcf.VcfEncoding;
import org.oncoconcord.vcf.VcfInput;

/**
 * Whether {@code normalize} runs its helper threads (input inflated ahead, output written and
 * deflated on a writer thread, reference windows read ahead): only for inputs of at least
 * {@link #MIN_TEXT_BYTES} of VCF text (the file's size, x4 when compressed, as bin/oncoconcord's JIT
 * choice). A small VCF (a panel, the demo) would pay the threads' start and hand-offs in CPU for
 * nothing (bench/RESULTS-normalize.md, session 9); stdin, of unknown size, keeps them.
 */
final class HelperThreads {
    /** 32 MB of text: about 130,000 Mutect2-like records. */
    static final long MIN_TEXT_BYTES = 32L << 20;

    private HelperThreads() {
    }

    /** For {@code input} ("-" for stdin). */
    static boolean worthIt(String input) {
        return input.equals("-") || worthIt(Path.of(input), MIN_TEXT_BYTES);
    }

    /** Whether {@code file}'s text (its size, x4 unless plain text) reaches {@code minTextBytes}. */
    static boolean worthIt(Path file, long minTextBytes) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return true; // the open that follows names the problem
        }
        if (size >= minTextBytes) {
            return true;
        }
        return size * 4 >= minTextBytes && VcfInput.detect(file) != VcfEncoding.TEXT;
    }
}
