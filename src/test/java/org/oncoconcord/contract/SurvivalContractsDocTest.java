package org.oncoconcord.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the survival section of docs/CONTRACTS.md and the survival JSON records in step: every key
 * of every record is named there, and every {@code "key":} the section writes is a key of one of them.
 */
class SurvivalContractsDocTest {
    static final List<Class<? extends Record>> RECORDS = List.of(CoxModelJson.class, CoxNetModelJson.class, CrrModelJson.class,
            LogrankJson.class, CvJson.class, ValidationJson.class, ModelAtHorizonJson.class, CifJson.class, SurvivalAnalysis.class);

    @Test
    void survivalRecordsAndTheirSectionAgree() throws Exception {
        String text = ContractsDocTest.section("survival");
        Set<String> keys = new TreeSet<>();
        for (Class<? extends Record> r : RECORDS) {
            assertThat(text).as("record %s named in CONTRACTS.md ## survival", r.getSimpleName()).contains(r.getSimpleName());
            keys.addAll(ContractsDocTest.keys(r));
        }
        assertThat(keys).hasSizeGreaterThan(100);
        for (String k : keys) {
            assertThat(Pattern.compile("\\b" + k + "\\b").matcher(text).find())
                    .as("key '%s' of a survival record is described in CONTRACTS.md ## survival", k).isTrue();
        }
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("\"([a-z][a-z0-9_]*)\":").matcher(text);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).hasSizeGreaterThan(80);
        assertThat(keys).as("every key of the survival section is a survival record key").containsAll(documented);
    }
}
