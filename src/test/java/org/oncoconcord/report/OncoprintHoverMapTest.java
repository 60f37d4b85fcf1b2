package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raster oncoprint of a large cohort names the cell under the pointer from its hover map (report.js): the map's
 * geometry, applied as the page applies it to the centre of each cell, must land on a pixel of that cell's colour in
 * the inline PNG itself (class colours of a planted oncoprint.tsv of 240 patients), and the table the page reads the
 * cell's text from must hold every mutated cell.
 */
class OncoprintHoverMapTest {
    @TempDir
    Path tmp;

    private static final String[] CLASSES = {"missense", "truncating", "inframe", "splice"};
    private static final Color[] PAINT = {new Color(0x2E7D32), Color.BLACK, new Color(0x8E44AD), new Color(0xE69F00)};

    @Test
    void mapGeometryLandsOnEachPlantedCellOfTheInlinePng() throws Exception {
        Random rng = new Random(7);
        List<String> genes = List.of("APC", "TP53", "KRAS", "PIK3CA");
        StringBuilder tsv = new StringBuilder("patient\tgene\tprimary\tmetastasis\tplasma\tprimary_class\tmetastasis_class\tplasma_class"
                + "\tprimary_variants\tprimary_protein\tmetastasis_variants\tmetastasis_protein\tplasma_variants\tplasma_protein\n");
        Map<String, String> planted = new HashMap<>(); // patient \t gene \t type index -> class
        for (int p = 0; p < 240; p++) {
            String id = String.format("P%04d", p);
            for (String g : genes) {
                StringBuilder calls = new StringBuilder(), classes = new StringBuilder(), variants = new StringBuilder();
                for (int t = 0; t < 3; t++) {
                    boolean mutated = rng.nextInt(3) == 0;
                    calls.append('\t').append(mutated ? "1" : "0");
                    String k = CLASSES[rng.nextInt(CLASSES.length)];
                    classes.append('\t').append(mutated ? k : "none");
                    variants.append('\t').append(mutated ? "chr1:" + (100 + p) + ":A>T" : "NA").append('\t').append(mutated ? "p.X" + p + "Y" : "NA");
                    if (mutated) {
                        planted.put(id + "\t" + g + "\t" + t, k);
                    }
                }
                tsv.append(id).append('\t').append(g).append(calls).append(classes).append(variants).append('\n');
            }
        }
        Path file = tmp.resolve("oncoprint.tsv");
        Files.writeString(file, tsv);
        Tsv onco = Tsv.read(file);
        ChartFiles.Written w = ChartFiles.write(OncoprintPlot.chart(onco, Set.of()), tmp, "oncoprint", OncoprintPlot.width(onco),
                OncoprintPlot.height(onco), true);
        assertThat(w.dataArea()).isNotNull();
        JsonNode map = new ObjectMapper().readTree(OncoprintPlot.hoverMap(onco, Set.of(), w.dataArea()));
        Matcher m = Pattern.compile("base64,([^\"]+)\"").matcher(w.inlineSvg());
        assertThat(m.find()).isTrue();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        double scale = (double) png.getWidth() / w.width(); // the inline PNG is drawn at 1.5x the chart's units

        List<String> patients = new ArrayList<>();
        map.get("patients").forEach(n -> patients.add(n.asText()));
        List<String> rows = new ArrayList<>();
        map.get("rows").forEach(n -> rows.add(n.asText()));
        assertThat(patients).hasSize(240).doesNotHaveDuplicates();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(genes);
        double[] area = new double[4];
        for (int i = 0; i < 4; i++) {
            area[i] = map.get("area").get(i).asDouble();
        }
        int checked = 0;
        for (int p = 0; p < patients.size(); p++) {
            for (int r = 0; r < rows.size(); r++) {
                for (int t = 0; t < 3; t++) {
                    // the centre of the cell in data units, then chart units (report.js inverts exactly this)
                    double y = r + map.get("offsets").get(t).asDouble();
                    double px = area[0] + (p + 0.5) / patients.size() * area[2];
                    double py = area[1] + (y + 0.5) / rows.size() * area[3];
                    Color got = new Color(png.getRGB((int) (px * scale), (int) (py * scale)));
                    String k = planted.get(patients.get(p) + "\t" + rows.get(r) + "\t" + t);
                    if (k != null) {
                        assertThat(got).as(patients.get(p) + " " + rows.get(r) + " " + map.get("types").get(t).asText())
                                .isEqualTo(PAINT[List.of(CLASSES).indexOf(k)]);
                        checked++;
                    } else {
                        assertThat(got).as(patients.get(p) + " " + rows.get(r) + " wild type").isEqualTo(ChartStyle.WILDTYPE);
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(planted.size());
        // every mutated cell has its row in the table the page reads the text from, under the same patient and gene
        Map<String, List<String>> table = new HashMap<>();
        for (List<String> row : MutationTable.rows(onco)) {
            table.put(row.get(0) + "\t" + row.get(1), row.subList(2, 5));
        }
        for (String key : planted.keySet()) {
            String[] k = key.split("\t");
            String cell = table.get(k[0] + "\t" + k[1]).get(Integer.parseInt(k[2]));
            assertThat(cell).as(key).startsWith(k[1] + " p.X");
        }
    }
}
