package org.oncoconcord.validate;

import htsjdk.samtools.util.IOUtil;
import htsjdk.tribble.readers.LineIteratorImpl;
import htsjdk.tribble.readers.SynchronousLineReader;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Reads only the header of a VCF (plain, gzip or BGZF) with htsjdk, to check it is a VCF and list its samples. */
final class VcfHeaders {
    private VcfHeaders() {
    }

    /** The sample columns of the VCF; throws with htsjdk's reason when it is not a readable VCF. */
    static List<String> samples(Path vcf) throws Exception {
        try (InputStream in = IOUtil.openFileForReading(vcf)) {
            var lines = new LineIteratorImpl(new SynchronousLineReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            Object header = new VCFCodec().readActualHeader(lines);
            if (!(header instanceof VCFHeader h)) {
                throw new IllegalArgumentException("no VCF header");
            }
            return h.getGenotypeSamples();
        }
    }
}
