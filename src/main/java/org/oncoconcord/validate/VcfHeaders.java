package org.oncoconcord.validate;

import htsjdk.tribble.readers.LineIteratorImpl;
import htsjdk.tribble.readers.SynchronousLineReader;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.vcf.GenomeBuild;
import org.oncoconcord.vcf.VcfInput;

/**
 * Reads a VCF (plain, gzip, BGZF or BCF: {@link VcfInput}) once for validation: its header with htsjdk (samples, contig
 * lengths, build), the contigs its records use with their largest POS, and the SHA-256 of the file.
 */
final class VcfHeaders {
    private VcfHeaders() {
    }

    /**
     * What validation needs of one VCF.
     *
     * @param samples        sample columns
     * @param headerContigs  {@code ##contig} ID -> length (null when the line gives none), in header order
     * @param recordContigs  CHROM of the records -> largest POS seen (0 when not a number), in file order
     * @param build          the build the header shows
     * @param sha256         hex SHA-256 of the file's bytes
     */
    record Info(List<String> samples, Map<String, Long> headerContigs, Map<String, Long> recordContigs,
                GenomeBuild.Detection build, String sha256) {
    }

    /** The sample columns of the VCF; throws with htsjdk's reason when it is not a readable VCF. */
    static List<String> samples(Path vcf) throws Exception {
        return read(vcf).samples();
    }

    /** Reads {@code vcf} whole; throws with the reason when it is not a readable VCF. */
    static Info read(Path vcf) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream raw = Files.newInputStream(vcf); DigestInputStream digest = new DigestInputStream(raw, sha)) {
            // plain, gzip, BGZF or BCF, detected by content (one opener for every step); the digest sees the raw bytes
            InputStream text = VcfInput.openText(digest, vcf.toString());
            BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder headerText = new StringBuilder();
            String line;
            int lineNo = 0;
            boolean sawChromLine = false;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.indexOf('\0') >= 0) {
                    throw new IOException("line " + lineNo + ": binary content (NUL byte)");
                }
                headerText.append(line).append('\n');
                if (line.startsWith("#CHROM")) {
                    sawChromLine = true;
                    break;
                }
                if (!line.startsWith("##")) {
                    throw new IOException("line " + lineNo + ": expected a '##' meta line or the '#CHROM' header line");
                }
            }
            if (!sawChromLine) {
                throw new IOException("no '#CHROM' header line");
            }
            VCFHeader header;
            try {
                var lines = new LineIteratorImpl(new SynchronousLineReader(new StringReader(headerText.toString())));
                Object h = new VCFCodec().readActualHeader(lines);
                if (!(h instanceof VCFHeader vh)) {
                    throw new IOException("no VCF header");
                }
                header = vh;
            } catch (RuntimeException e) {
                throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " "), e);
            }
            Map<String, Long> recordContigs = new LinkedHashMap<>();
            while ((line = reader.readLine()) != null) {
                int t1 = line.indexOf('\t');
                if (t1 <= 0) {
                    continue; // malformed records are normalize's to report
                }
                int t2 = line.indexOf('\t', t1 + 1);
                long pos = 0;
                try {
                    pos = Long.parseLong(t2 > 0 ? line.substring(t1 + 1, t2) : line.substring(t1 + 1));
                } catch (NumberFormatException e) {
                    // reported by normalize
                }
                recordContigs.merge(line.substring(0, t1), pos, Math::max);
            }
            digest.transferTo(OutputStream.nullOutputStream());
            Map<String, Long> headerContigs = new LinkedHashMap<>();
            for (VCFContigHeaderLine c : header.getContigLines()) {
                String len = c.getGenericFields().get("length");
                Long value = null;
                try {
                    value = len == null ? null : Long.parseLong(len.trim());
                } catch (NumberFormatException e) {
                    // a non-numeric length counts as none
                }
                headerContigs.put(c.getID(), value);
            }
            return new Info(header.getGenotypeSamples(), headerContigs, recordContigs, GenomeBuild.fromVcfHeader(header),
                    HexFormat.of().formatHex(sha.digest()));
        } catch (java.util.zip.ZipException e) {
            throw new IOException("corrupt gzip/BGZF data: " + e.getMessage(), e);
        }
    }
}
