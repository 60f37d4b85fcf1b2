package org.oncoconcord.normalize;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.oncoconcord.cli.Main;

/** Runs {@code oncoconcord normalize} in-process and reads VCF outputs, for tests. */
final class Run {
    final int exit;
    final String err;

    private Run(int exit, String err) {
        this.exit = exit;
        this.err = err;
    }

    static Run normalize(List<String> args) {
        List<String> all = new ArrayList<>();
        all.add("normalize");
        all.add("--quiet");
        all.addAll(args);
        StringWriter sw = new StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(sw, true));
        int code = cl.execute(all.toArray(new String[0]));
        return new Run(code, sw.toString());
    }

    /** Lines from #CHROM on (the data lines bcftools' suite compares). */
    static List<String> dataLines(Path vcf) throws IOException {
        List<String> lines;
        if (vcf.toString().endsWith(".gz")) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(vcf))) {
                lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).lines().toList();
            }
        } else {
            lines = Files.readAllLines(vcf, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        List<String> out = new ArrayList<>();
        boolean on = false;
        for (String l : lines) {
            if (l.startsWith("#CHROM")) {
                on = true;
            }
            if (on) {
                out.add(l);
            }
        }
        return out;
    }

    static List<String> headerLines(Path vcf) throws IOException {
        List<String> out = new ArrayList<>();
        String text;
        if (vcf.toString().endsWith(".gz")) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(vcf))) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        } else {
            text = Files.readString(vcf, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        for (String l : text.lines().toList()) {
            if (l.startsWith("##")) {
                out.add(l);
            }
        }
        return out;
    }
}
