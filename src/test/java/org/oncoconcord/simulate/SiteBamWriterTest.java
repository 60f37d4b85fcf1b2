package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.core.UserException;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;

/** The simulator's BAMs: planted counts as configured, off by default, config errors named. */
class SiteBamWriterTest {
    @TempDir
    Path tmp;

    @Test
    void isolatedSitesGetExactlyTheSamplesVcfDepthAndAltReads() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("c.yaml"), "bams:\n  patients: [P001, P002]\n");
        SimulationConfig cfg = ConfigLoader.load(yaml);
        var cohort = CohortSimulator.simulate(cfg, 4040, 2);
        int checked = 0;
        for (Patient p : cohort.patients()) {
            List<Variant> sites = SiteBamWriter.sites(cohort.genome(), p);
            for (Sample s : p.samples("primary")) {
                List<SiteBamWriter.SiteCount> counts = SiteBamWriter.write(tmp.resolve(s.id() + ".bam"), cohort.genome(), p, s, s.id(),
                        cfg, 17);
                assertThat(tmp.resolve(s.id() + ".bam.bai")).exists();
                assertThat(counts).extracting(SiteBamWriter.SiteCount::variant).containsExactlyElementsOf(sites);
                Map<String, Call> calls = new HashMap<>();
                s.calls().forEach(c -> calls.put(c.variant().key(), c));
                int reach = cfg.bams().fragmentMax() + cfg.bams().readLength();
                for (SiteBamWriter.SiteCount c : counts) {
                    boolean isolated = sites.stream().noneMatch(o -> o != c.variant() && o.chrom().equals(c.variant().chrom())
                            && Math.abs(o.pos() - c.variant().pos()) <= reach);
                    Call call = calls.get(c.variant().key());
                    if (!isolated) {
                        continue;
                    }
                    checked++;
                    if (call != null) {
                        assertThat(c.depth()).as(c.variant().key()).isEqualTo(call.depth());
                        assertThat(c.altReads()).as(c.variant().key()).isEqualTo(call.altReads());
                    } else {
                        assertThat(c.altReads()).as(c.variant().key() + " not in this sample").isZero();
                        assertThat(c.depth()).isGreaterThanOrEqualTo(20);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void scaledDepthKeepsARandomSubsetOfTheVcfReads() {
        // hypergeometric thinning: mean keep x alt / depth, never more ALT reads than the VCF has or than kept
        Rng rng = new Rng(9);
        int n = 20000;
        long total = 0;
        for (int i = 0; i < n; i++) {
            int a = SiteBamWriter.thinnedAlt(150, 30, 45, rng);
            assertThat(a).isBetween(0, 30);
            total += a;
        }
        double mean = (double) total / n;
        // hypergeometric mean 9, sd sqrt(45 x 0.2 x 0.8 x 105/149) = 2.25; 5 standard errors of the mean
        assertThat(mean).isCloseTo(9.0, org.assertj.core.data.Offset.offset(5 * 2.25 / Math.sqrt(n)));
        assertThat(SiteBamWriter.thinnedAlt(150, 30, 150, rng)).isEqualTo(30);
        assertThat(SiteBamWriter.thinnedAlt(150, 0, 45, rng)).isZero();
    }

    @Test
    void offByDefaultSoStudiesWithoutBamsKeepTheirSamplesheet() throws IOException {
        Path out = tmp.resolve("study");
        assertThat(Main.commandLine().execute("simulate", "--quiet", "--patients", "2", "--seed", "3", "--out", out.toString())).isZero();
        assertThat(Files.readAllLines(out.resolve("samplesheet.csv")).get(0))
                .isEqualTo("patient,sample,type,vcf,tumor_sample,collection_day,timepoint,purity");
        assertThat(out.resolve("bam")).doesNotExist();
        assertThat(Files.readString(out.resolve("truth.json"))).doesNotContain("bam_sites").doesNotContain("clonality_primary");
    }

    @Test
    void badBamsConfigIsRefusedNamingTheKey() throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "bams:\n  sample_types: [tumour]\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(UserException.class).hasMessageContaining("bad.yaml")
                .hasMessageContaining("bams.sample_types").hasMessageContaining("tumour");
        Files.writeString(f, "bams:\n  depth_scale: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).hasMessageContaining("bams.depth_scale");
        Files.writeString(f, "bams:\n  read_length: 100\n  fragment_min: 50\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).hasMessageContaining("fragment_min");
        Files.writeString(f, "bams:\n  patients: [P009]\n");
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        assertThat(cli.execute("simulate", "--quiet", "--patients", "2", "--seed", "3", "--config", f.toString(), "--out",
                tmp.resolve("o").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bams.patients").contains("P009");
    }
}
