package org.oncoconcord.cohort;

import org.oncoconcord.core.Proportion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SystemTools;

/**
 * Agreement statistics against R: the committed output of {@code agreement_oracle.R} (prop.test
 * Wilson intervals, binom.test / mcnemar.test, kappa by vcd's formula), and the same script run
 * live when Rscript is installed; plus the published Schmiegel et al. 2017 RAS plasma figures.
 */
class AgreementTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(AgreementTest.class.getResource(name).toURI());
    }

    static List<Map<String, String>> readTsv(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        String[] header = lines.get(0).split("\t");
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\t");
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i].trim(), f[i].trim());
            }
            return m;
        }).toList();
    }

    static void assertClose(double actual, String expected, String what) {
        if (expected.equals("NA")) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(Double.parseDouble(expected), within(1e-9));
        }
    }

    static void compare(Path expectedFile) throws Exception {
        Map<String, Map<String, String>> cases = new HashMap<>();
        readTsv(resource("agreement_cases.tsv")).forEach(r -> cases.put(r.get("case"), r));
        List<Map<String, String>> expected = readTsv(expectedFile);
        assertThat(expected).hasSize(cases.size());
        for (Map<String, String> e : expected) {
            Map<String, String> c = cases.get(e.get("case"));
            Agreement g = Agreement.of(Integer.parseInt(c.get("both_pos")), Integer.parseInt(c.get("ref_only")),
                    Integer.parseInt(c.get("test_only")), Integer.parseInt(c.get("both_neg")));
            String id = e.get("case") + " ";
            assertClose(g.opa().estimate(), e.get("opa"), id + "opa");
            assertClose(g.opa().lower(), e.get("opa_lower"), id + "opa_lower");
            assertClose(g.opa().upper(), e.get("opa_upper"), id + "opa_upper");
            assertClose(g.ppa().estimate(), e.get("ppa"), id + "ppa");
            assertClose(g.ppa().lower(), e.get("ppa_lower"), id + "ppa_lower");
            assertClose(g.ppa().upper(), e.get("ppa_upper"), id + "ppa_upper");
            assertClose(g.npa().estimate(), e.get("npa"), id + "npa");
            assertClose(g.npa().lower(), e.get("npa_lower"), id + "npa_lower");
            assertClose(g.npa().upper(), e.get("npa_upper"), id + "npa_upper");
            assertClose(g.kappa(), e.get("kappa"), id + "kappa");
            assertClose(g.kappaSe(), e.get("kappa_se"), id + "kappa_se");
            assertClose(g.mcnemarP(), e.get("mcnemar_p"), id + "mcnemar_p");
            if (!Double.isNaN(g.kappa())) { // Wald interval from R's se, truncated to [-1, 1]
                double se = Double.parseDouble(e.get("kappa_se"));
                assertThat(g.kappaLower()).isCloseTo(Math.max(-1, g.kappa() - Proportion.Z95 * se), within(1e-8));
                assertThat(g.kappaUpper()).isCloseTo(Math.min(1, g.kappa() + Proportion.Z95 * se), within(1e-8));
            }
            if (g.mcnemarMethod().equals(Agreement.CHISQ)) {
                assertClose(g.mcnemarStatistic(), e.get("mcnemar_chisq"), id + "mcnemar_chisq");
            }
        }
    }

    @Test
    void matchesCommittedROutput() throws Exception {
        compare(resource("agreement_expected.tsv"));
    }

    @Test
    void matchesLiveR(@TempDir Path tmp) throws Exception {
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        Path out = tmp.resolve("expected.tsv");
        Process p = new ProcessBuilder(rscript.toString(), resource("agreement_oracle.R").toString(),
                resource("agreement_cases.tsv").toString(), out.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        compare(out);
    }

    @Test
    void mcnemarSwitchesFromExactToChiSquareAt25DiscordantPairs() {
        assertThat(Agreement.of(10, 20, 4, 30).mcnemarMethod()).isEqualTo(Agreement.EXACT);
        assertThat(Agreement.of(10, 20, 5, 30).mcnemarMethod()).isEqualTo(Agreement.CHISQ);
        assertThat(Agreement.of(10, 0, 0, 10).mcnemarMethod()).isEqualTo(Agreement.NONE);
    }

    /** Schmiegel W et al. 2017 (PMC5527457): PPA 90.4% (47/52), NPA 93.5% (43/46), OPA 91.8% (90/98). */
    @Test
    void reproducesPublishedPlasmaRasAgreement() {
        Agreement g = Agreement.of(47, 5, 3, 43);
        assertThat(100 * g.ppa().estimate()).isCloseTo(90.4, within(0.05));
        assertThat(100 * g.npa().estimate()).isCloseTo(93.5, within(0.05));
        assertThat(100 * g.opa().estimate()).isCloseTo(91.8, within(0.05));
        assertThat(g.n()).isEqualTo(98);
    }

    /** The McNemar p far in the tail: R 4.2 mcnemar.test(matrix(c(5, 330, 0, 7), 2))$p.value = 2.6165796915943158e-73. */
    @Test
    void mcnemarPKeepsItsDigitsFarInTheTail() {
        Agreement a = Agreement.of(5, 330, 0, 7);
        assertThat(a.mcnemarP()).isCloseTo(2.6165796915943158e-73, org.assertj.core.api.Assertions.withinPercentage(1e-8));
        assertThat(Table.num(a.mcnemarP())).isEqualTo("2.6166e-73");
    }
}
