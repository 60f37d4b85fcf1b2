package org.oncoconcord.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the simulator's VCFs as plain text lines in tests (BGZF is multi-member gzip). */
final class VcfFiles {
    private VcfFiles() {
    }

    static List<String> lines(Path vcfGz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(vcfGz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static List<String[]> records(Path vcfGz) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String l : lines(vcfGz)) {
            if (!l.startsWith("#")) {
                out.add(l.split("\t"));
            }
        }
        return out;
    }
}
