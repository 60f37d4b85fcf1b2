package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's files: one self-contained HTML, every plot as valid SVG and non-trivial PNG, numbers from the inputs. */
class ReportCommandTest {
    static final List<String> PLOTS = List.of("oncoprint", "gene_concordance_primary_vs_metastasis", "gene_concordance_tissue_vs_plasma", "plasma_sensitivity", "plasma_tumour_fraction", "shared_private", "swimmer", "km_os_km_ras_mutant_primary",
            "km_os_km_any_driver_metastasis_new", "forest", "calibration_os_cv", "accuracy_os_cv");

    @Test
    void writesEveryPlotAsSvgAndPng() throws Exception {
        Path plots = ReportRun.report().resolve("report/plots");
        for (String p : PLOTS) {
            Path svg = plots.resolve(p + ".svg"), png = plots.resolve(p + ".png");
            assertThat(svg).as(p).isRegularFile();
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).as(p).isGreaterThan(600);
            assertThat(distinctColours(img)).as(p + " colours").isGreaterThan(20);
        }
        try (var s = Files.list(plots)) {
            assertThat(s.count()).isEqualTo(2L * PLOTS.size());
        }
    }

    @Test
    void htmlIsSelfContained() throws Exception {
        String html = Files.readString(ReportRun.report().resolve("report/report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>");
        // no external resource of any kind: scripts, styles, images, fonts, imports
        assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=").doesNotContainPattern("(?i)<link[^>]+href=")
                .doesNotContainPattern("(?i)<img[^>]+src=\"?https?:").doesNotContainPattern("(?i)url\\(\\s*['\"]?https?:")
                .doesNotContain("@import").doesNotContainPattern("(?i)xlink:href=\"https?:");
        // every plot inline, ids unique across the inline SVGs
        assertThat(count(html, "<svg")).isEqualTo(PLOTS.size());
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("duplicate id " + ids.group(1)).isTrue();
        }
        for (String section : List.of("summary", "oncoprint", "concordance", "shared", "survival", "methods")) {
            assertThat(html).contains("<section id=\"" + section + "\">");
        }
        // methods: version and the parameters file, flattened
        assertThat(html).contains("oncoconcord " + org.oncoconcord.core.VersionProvider.version())
                .contains("<dt>min_vaf.plasma</dt><dd>0.002</dd>").contains("<dt>genome</dt><dd>GRCh37</dd>");
    }

    @Test
    void plotsShowTheNumbersOfTheirInputs() throws Exception {
        Path root = ReportRun.report();
        // KM: numbers at risk (km.tsv rows of kind "at") and the log-rank p of logrank.json
        Path kmDir = ReportFixture.survival().resolve("os/km_ras_mutant_primary");
        String svg = Files.readString(root.resolve("report/plots/km_os_km_ras_mutant_primary.svg"));
        Tsv km = Tsv.read(kmDir.resolve("km.tsv"));
        int atRows = 0;
        for (Map<String, String> r : km.rows()) {
            if (r.get("kind").equals("at")) {
                assertThat(svg).contains(">" + r.get("n_risk") + "<");
                atRows++;
            }
        }
        assertThat(atRows).isEqualTo(12);
        double p = SurvivalResults.json(kmDir.resolve("logrank.json")).get("p").asDouble();
        assertThat(svg).contains("Log-rank p = " + SurvivalResults.formatP(p));
        // forest: every term of every model
        String forest = Files.readString(root.resolve("report/plots/forest.svg"));
        assertThat(forest).contains("any_driver_metastasis_new").contains("age").contains("ras_mutant_primary");
        // accuracy: the metrics of cv.json ("metrics" -> name -> mean, sd, per_repeat)
        String acc = Files.readString(root.resolve("report/plots/accuracy_os_cv.svg"));
        assertThat(acc).contains("Time-dependent AUC").contains("Calibration slope").contains("Prediction accuracy at 730 days");
        // concordance table in the HTML: the KRAS row of the cohort's table with its CI
        String html = Files.readString(root.resolve("report/report.html"));
        Map<String, String> kras = Tsv.read(root.resolve("cohort/gene_concordance.tsv")).rows().stream()
                .filter(r -> r.get("comparison").equals("primary_vs_metastasis") && r.get("feature").equals("KRAS")).findFirst().orElseThrow();
        assertThat(html).contains(ReportBuilder.ci(Tsv.num(kras, "opa"), Tsv.num(kras, "opa_lower"), Tsv.num(kras, "opa_upper"), true));
        // plasma misses summed over the concordance JSONs
        assertThat(html).contains("tissue variants were not found in plasma across");
    }

    @Test
    void survivalResultsAreFoundThroughSymbolicLinks(@TempDir Path tmp) throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("survival"), ReportFixture.survival());
        SurvivalResults s = SurvivalResults.scan(link);
        assertThat(s.km().stream().map(SurvivalResults.Km::name)).containsExactly("os/km_any_driver_metastasis_new", "os/km_ras_mutant_primary");
        assertThat(s.cox()).hasSize(2);
        assertThat(s.cv()).hasSize(1);
        assertThat(CvMetrics.of(s.cv().get(0).summary()).metrics().get("auc").values()).hasSize(3);
    }

    @Test
    void missingCohortTableIsAOneLineError(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("patients.tsv"), "patient\n");
        ReportRun.Result r = ReportRun.run("report", "--cohort", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("gene_concordance.tsv missing");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /** Issue 12 item 8: report.html (written last) cannot be written: exit 1 naming it, and no plot or table left. */
    @Test
    void unwritableReportLeavesNoPlots(@TempDir Path tmp) throws Exception {
        Path root = ReportRun.report();
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("report.html").resolve("blocker"));
        ReportRun.Result r = ReportRun.run("report", "--cohort", root.resolve("cohort").toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().findFirst().orElse("")).contains(out.toAbsolutePath().resolve("report.html").toString(), "is a directory");
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("report.html");
        }
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).as("no hidden temporary folder").containsExactly("out");
        }
    }

    /** Issue 12 item 8 on a real full disk: exit 1 naming the output and the system's reason; nothing left. */
    @Test
    void fullDiskLeavesNothing(@TempDir Path tmp) throws Exception {
        Path root = ReportRun.report();
        try (org.oncoconcord.testing.SmallDisk disk = org.oncoconcord.testing.SmallDisk.full(tmp.resolve("disk"))) {
            Path out = disk.path().resolve("report");
            ReportRun.Result r = ReportRun.run("report", "--cohort", root.resolve("cohort").toString(), "--out", out.toString(), "--quiet");
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err().lines().findFirst().orElse("")).contains(out.toString(), "No space left on device").doesNotContain("Exception");
            assertThat(disk.leftovers()).isEmpty();
        }
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }
}
