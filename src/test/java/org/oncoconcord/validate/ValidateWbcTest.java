package org.oncoconcord.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;

/** The {@code normal} (white blood cell) sample type in samplesheets: accepted with or without plasma, one per patient. */
class ValidateWbcTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err) {
        List<String> lines(String severity) {
            return Arrays.stream(err.split("\\R")).filter(l -> !l.startsWith("oncoconcord ") && l.contains(": " + severity + ": ")).toList();
        }
    }

    private Run validate(String sheet) throws IOException {
        for (String name : List.of("t.vcf", "p.vcf", "w.vcf", "w2.vcf", "m.vcf")) {
            Files.writeString(dir.resolve(name), "##fileformat=VCFv4.2\n##source=" + name + "\n##contig=<ID=1,length=1000>\n"
                    + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t10\t.\tA\tT\t.\tPASS\t.\n");
        }
        Path csv = Files.writeString(dir.resolve("s.csv"), sheet);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = cl.execute("validate", "-i", csv.toString());
        return new Run(exit, err.toString());
    }

    @Test
    void wbcWithAndWithoutPlasmaIsValid() throws IOException {
        Run r = validate("patient,sample,type,vcf\nP1,T,primary,t.vcf\nP1,P,plasma,p.vcf\nP1,W,normal,w.vcf\n"
                + "P2,T,primary,m.vcf\nP2,W,normal,w2.vcf\n");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines("error")).isEmpty();
    }

    @Test
    void twoWbcSamplesOrWbcAloneAreRefused() throws IOException {
        Run r = validate("patient,sample,type,vcf\nP1,T,primary,t.vcf\nP1,W,normal,w.vcf\nP1,W2,normal,w2.vcf\n"
                + "P2,W,normal,p.vcf\n");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).hasSize(2);
        assertThat(r.lines("error").get(0)).contains("s.csv:2:3:").contains("'P1' has 2 normal (white blood cell) samples");
        assertThat(r.lines("error").get(1)).contains("s.csv:5:3:").contains("'P2' has no tissue sample");
    }

    @Test
    void unknownTypeNamesNormalAmongTheChoices() throws IOException {
        Run r = validate("patient,sample,type,vcf\nP1,T,primary,t.vcf\nP1,W,buffy,w.vcf\n");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines("error")).singleElement().asString().contains("s.csv:3:3:")
                .contains("primary, metastasis, plasma, normal");
    }
}
