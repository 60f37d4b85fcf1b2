package org.oncoconcord.params;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SharedData;

/** The pipeline's --help, from the real nextflow_schema.json. */
class ParamsHelpTest {
    private static final ParameterSchema SCHEMA = ParameterSchema.read(SharedData.projectDir().resolve("nextflow_schema.json"));

    @Test
    void overviewListsEveryVisibleParameterUnderItsGroup() {
        String help = ParamsHelp.overview(SCHEMA, "nextflow run .", false);
        for (ParameterSchema.Group g : SCHEMA.groups()) {
            for (ParameterSchema.Parameter p : g.parameters()) {
                if (p.hidden()) {
                    assertThat(help).doesNotContain("\n  --" + p.name() + " ");
                } else {
                    assertThat(help).contains("\n  --" + p.name() + " ");
                    assertThat(help.indexOf("--" + p.name() + " ")).as(p.name() + " after its group title")
                            .isGreaterThan(help.indexOf(g.title() + "\n"));
                }
            }
        }
        assertThat(help).contains("--input").contains("(required)").contains("[default: 10]");
        String all = ParamsHelp.overview(SCHEMA, "nextflow run .", true);
        SCHEMA.parameters().keySet().forEach(n -> assertThat(all).contains("--" + n + " "));
    }

    @Test
    void oneParameterInFull() {
        String full = ParamsHelp.parameter(SCHEMA, "--batch_size").orElseThrow();
        assertThat(full).contains("--batch_size", SCHEMA.parameters().get("batch_size").helpText(), "type     : integer",
                "default  : 10", "minimum  : 1", "group    : Scheduling options");
        assertThat(ParamsHelp.parameter(SCHEMA, "publish_dir_mode").orElseThrow()).contains("allowed  : symlink, rellink, link, copy, copyNoFollow, move");
        assertThat(ParamsHelp.parameter(SCHEMA, "nope")).isEmpty();
    }
}
