package org.oncoconcord.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oncoconcord.concordance.VariantClass;
import org.oncoconcord.core.SampleType;

/**
 * Keeps docs/CONTRACTS.md and the contract records in step: every key of a record appears in its
 * format's section, and every {@code "key":} of that section's example is a key of the record (or
 * a map key the section names, such as a variant class).
 */
class ContractsDocTest {
    static String section(String heading) throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("project.basedir", "."), "docs", "CONTRACTS.md"));
        int a = doc.indexOf("\n## " + heading + "\n");
        assertThat(a).as("CONTRACTS.md section '## %s'", heading).isGreaterThanOrEqualTo(0);
        int b = doc.indexOf("\n## ", a + 1);
        return doc.substring(a, b < 0 ? doc.length() : b);
    }

    /** The JSON keys of a record and of every record it holds, recursively. */
    static Set<String> keys(Class<?> record) {
        Set<String> out = new TreeSet<>();
        collect(record, out);
        return out;
    }

    private static void collect(Type t, Set<String> out) {
        if (t instanceof Class<?> k && k.isRecord()) {
            for (RecordComponent c : k.getRecordComponents()) {
                out.add(ContractJson.key(c));
                collect(c.getGenericType(), out);
            }
        } else if (t instanceof ParameterizedType p) {
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> collect(a, out));
        }
    }

    @Test
    void concordanceJsonAndItsSectionAgree() throws Exception {
        String text = section("concordance");
        Set<String> keys = keys(ConcordanceJson.class);
        assertThat(keys).hasSizeGreaterThan(60);
        for (String k : keys) {
            assertThat(Pattern.compile("\\b" + k + "\\b").matcher(text).find())
                    .as("key '%s' of ConcordanceJson is described in CONTRACTS.md ## concordance", k).isTrue();
        }
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("\"([a-z][a-z0-9_]*)\":").matcher(text);
        while (m.find()) {
            documented.add(m.group(1));
        }
        List<String> mapKeys = VariantClass.possible(List.of(SampleType.PRIMARY, SampleType.METASTASIS, SampleType.PLASMA));
        documented.removeAll(mapKeys);
        assertThat(keys).as("every key of the CONTRACTS.md example is a ConcordanceJson key").containsAll(documented);
    }

    /** variants.tsv: the column lists of VariantsTsv are exactly the ones the section names, in order. */
    @Test
    void variantsTsvColumnsAndTheSectionAgree() throws Exception {
        String text = section("concordance").replaceAll("\\s+", " ");
        assertThat(text).contains("`" + String.join(" ", VariantsTsv.FIXED) + "` then per sample");
        assertThat(text).contains("`" + String.join(" ", VariantsTsv.PER_SAMPLE.stream().map(s -> "<label>" + s).toList()) + "`");
        assertThat(text).contains("then `" + String.join(" ", VariantsTsv.ANNOTATION) + "`");
        assertThat(VariantsTsv.header(List.of("T", "M"))).hasSize(VariantsTsv.FIXED.size() + 8 + VariantsTsv.ANNOTATION.size())
                .containsSubsequence("class", "T.present", "T.vaf", "T.depth", "T.evaluable", "M.present", "consequence");
    }

    /** features.tsv: every column name, suffix and sidecar value of FeaturesTsv appears in its section. */
    @Test
    void featuresTsvNamesAndTheSectionAgree() throws Exception {
        String text = section("cohort -> survival");
        List<String> names = new java.util.ArrayList<>();
        for (java.lang.reflect.Field f : FeaturesTsv.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                names.add((String) f.get(null));
            }
        }
        Arrays.stream(FeaturesTsv.Kind.values()).forEach(k -> names.add(k.label()));
        Arrays.stream(FeaturesTsv.AvailableAt.values()).forEach(a -> names.add(a.label()));
        assertThat(names).hasSizeGreaterThan(15);
        for (String n : names) {
            assertThat(text).as("FeaturesTsv name '%s' is described in CONTRACTS.md ## cohort -> survival", n).containsPattern(Pattern.quote(n) + "\\b");
        }
    }
}
