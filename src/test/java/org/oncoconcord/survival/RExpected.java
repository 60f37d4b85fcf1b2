package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Expected values written by {@code src/test/r/survival_oracle.R} (case, key, value), read back for the tests. */
final class RExpected {
    static final String RESOURCE = "/org/oncoconcord/survival/r_expected.tsv";
    private final Map<String, Map<String, Double>> cases;

    private RExpected(Map<String, Map<String, Double>> cases) {
        this.cases = cases;
    }

    static RExpected committed() {
        try (InputStream in = RExpected.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("committed R expected values").isNotNull();
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RExpected read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file)) {
            return parse(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RExpected parse(BufferedReader r) throws IOException {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        String line = r.readLine(); // header
        while ((line = r.readLine()) != null) {
            String[] f = line.split("\t");
            double v = f[2].equals("NA") ? Double.NaN : f[2].equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[2]);
            m.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], v);
        }
        return new RExpected(m);
    }

    Map<String, Double> of(String c) {
        assertThat(cases).as("R case " + c).containsKey(c);
        return cases.get(c);
    }

    double get(String c, String key) {
        Map<String, Double> m = of(c);
        assertThat(m).as(c + " key").containsKey(key);
        return m.get(key);
    }

    Map<String, Map<String, Double>> all() {
        return cases;
    }
}
