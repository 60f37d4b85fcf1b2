package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SystemTools;

/**
 * The report in a real headless Chromium (Debian {@code chromium}) loaded from file://: no console
 * message at all (the page logs nothing, so any message is an error or a blocked fetch), its script
 * ran to the end, and a screenshot with real content. A page with a deliberate error proves the
 * console check can fail.
 */
class ChromiumReportTest {

    record Browser(int exit, String stderr, String stdout) {
        List<String> console() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    static Browser chromium(Path profile, String page, String... mode) throws IOException, InterruptedException {
        Path exe = SystemTools.require("chromium", "chromium");
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(mode));
        cmd.add(page);
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out"), err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        return new Browser(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void reportLoadsWithoutConsoleMessagesAndScreenshotHasContent(@TempDir Path tmp) throws Exception {
        Path html = ReportRun.report().resolve("report/report.html");
        Path shot = ReportRun.report().resolve("screenshot.png");
        Browser b = chromium(tmp.resolve("profile"), html.toUri().toString(), "--window-size=1400,2400", "--screenshot=" + shot, "--dump-dom");
        assertThat(b.exit()).as(b.stderr()).isZero();
        assertThat(b.console()).as("console messages").isEmpty();
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
        assertThat(ReportCommandTest.distinctColours(img)).isGreaterThan(100);
        long nonWhite = 0, total = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                total++;
                nonWhite += (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat((double) nonWhite / total).as("share of non-white pixels").isGreaterThan(0.15);
        // the page's script ran to its end: it marks <body>
        assertThat(b.stdout()).containsPattern("<body[^>]*data-report-ready=\"true\"").contains("<svg");
    }

    @Test
    void consoleCheckCatchesAScriptError(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><p>x</p><script>notDefined();</script></body></html>");
        Browser b = chromium(tmp.resolve("profile"), bad.toUri().toString(), "--screenshot=" + tmp.resolve("bad.png"));
        assertThat(b.console()).anyMatch(l -> l.contains("Uncaught ReferenceError"));
    }
}
