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

/**
 * Serial plasma in samplesheets ({@code collection_day}, {@code timepoint}; docs/PLASMA.md): several
 * plasma draws per patient are accepted when told apart, and every bad combination is refused, all
 * listed at once.
 */
class ValidateSerialPlasmaTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err) {
        List<String> lines(String severity) {
            return Arrays.stream(err.split("\\R")).filter(l -> !l.startsWith("oncoconcord ") && l.contains(": " + severity + ": ")).toList();
        }
    }

    private Run validate(String sheet, String... extra) throws IOException {
        for (int i = 0; i < 16; i++) {
            Files.writeString(dir.resolve("v" + i + ".vcf"), "##fileformat=VCFv4.2\n##source=v" + i + "\n##contig=<ID=1,length=1000>\n"
                    + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t10\t.\tA\tT\t.\tPASS\t.\n");
        }
        Path csv = Files.writeString(dir.resolve("s.csv"), sheet);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        List<String> args = new java.util.ArrayList<>(List.of("validate", "-i", csv.toString()));
        args.addAll(List.of(extra));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, err.toString());
    }

    @Test
    void serialDrawsWithTimepointsOrDaysAreValidAndReachTheValidatedSheet() throws IOException {
        Path out = dir.resolve("validated.csv");
        Run r = validate("""
                patient,sample,type,vcf,collection_day,timepoint
                P1,T,primary,v0.vcf,,
                P1,PB,plasma,v1.vcf,-3,baseline
                P1,PP,plasma,v2.vcf,30,post-op
                P1,PR,plasma,v3.vcf,412.5,relapse
                P1,W,normal,v4.vcf,-3,
                P2,T,primary,v5.vcf,NA,NA
                P2,P,plasma,v6.vcf,,
                P3,T,primary,v7.vcf,,
                P3,PA,plasma,v8.vcf,10,
                P3,PB,plasma,v9.vcf,90,
                P4,T,primary,v10.vcf,,
                P4,PA,plasma,v11.vcf,,week-4
                P4,PB,plasma,v12.vcf,,week-12
                """, "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines("error")).isEmpty();
        assertThat(r.lines("warning")).isEmpty();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).endsWith(",bam,collection_day,timepoint,purity,segments");
        assertThat(lines.get(2)).endsWith(",-3,baseline,,");
        assertThat(lines.get(4)).endsWith(",412.5,relapse,,");
        assertThat(lines.get(7)).endsWith(",,");
    }

    @Test
    void everyBadCombinationIsRefusedAtOnce() throws IOException {
        Run r = validate("""
                patient,sample,type,vcf,collection_day,timepoint
                P1,T,primary,v0.vcf,,
                P1,PA,plasma,v1.vcf,30,post-op
                P1,PB,plasma,v2.vcf,30,Post-op
                P2,T,primary,v3.vcf,,
                P2,P,plasma,v4.vcf,day30,
                P3,T,primary,v5.vcf,,
                P3,PA,plasma,v6.vcf,,baseline
                P3,PB,plasma,v7.vcf,,
                P4,T,primary,v8.vcf,0,baseline
                P4,P,plasma,v9.vcf,,
                P5,T,primary,v10.vcf,,
                P5,PA,plasma,v11.vcf,,
                P5,PB,plasma,v12.vcf,NA,
                P6,T,primary,v13.vcf,,
                P6,P,plasma,v14.vcf,5,post op
                """);
        assertThat(r.exit()).isEqualTo(1);
        List<String> errors = r.lines("error");
        assertThat(errors).as(r.err()).hasSize(5);
        assertThat(errors.get(0)).contains("s.csv:4:6:").contains("'PA' and 'PB' have the same timepoint ('Post-op') and collection_day (30)");
        assertThat(errors.get(1)).contains("s.csv:6:5:").contains("column 'collection_day'").contains("number of days")
                .contains("found 'day30'");
        assertThat(errors.get(2)).contains("s.csv:9:6:").contains("'PB' has neither a timepoint nor a collection_day");
        assertThat(errors.get(3)).contains("s.csv:13:6:").contains("'PA' has neither");
        assertThat(errors.get(4)).contains("s.csv:16:6:").contains("column 'timepoint'").contains("found 'post op'");
        assertThat(r.lines("warning")).singleElement().asString().contains("s.csv:10:6:")
                .contains("a primary sample has a timepoint: only plasma samples are serial draws");
    }
}
