package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.oncoconcord.options.Labels;
import picocli.CommandLine.TypeConversionException;

/**
 * The command-line spellings of survival's enum options (docs/SURVIVAL.md, survfit's conf.type): each
 * label as written by hand here, each converted back to its constant, any other value refused with the list.
 */
class LabelledOptionsTest {
    @Test
    void labelsAreTheCommandLineSpellings() {
        assertThat(labels(KaplanMeier.CiType.values())).containsExactly("log", "log-log", "plain");
        assertThat(labels(PenaltyOptions.Penalty.values())).containsExactly("none", "elastic-net");
        assertThat(labels(PenaltyOptions.LambdaRule.values())).containsExactly("min", "1se");
    }

    @Test
    void convertersMapEachLabelBackAndRefuseOthers() {
        assertThat(new KaplanMeier.CiType.Converter().convert("log-log")).isEqualTo(KaplanMeier.CiType.LOG_LOG);
        assertThat(new PenaltyOptions.Penalty.Converter().convert("elastic-net")).isEqualTo(PenaltyOptions.Penalty.ELASTIC_NET);
        assertThat(new PenaltyOptions.LambdaRule.Converter().convert("1se")).isEqualTo(PenaltyOptions.LambdaRule.ONE_SE);
        assertThat(new PenaltyOptions.LambdaRule.Converter().convert("min")).isEqualTo(PenaltyOptions.LambdaRule.MIN);
        assertThatThrownBy(() -> new PenaltyOptions.LambdaRule.Converter().convert("ONE_SE"))
                .isInstanceOf(TypeConversionException.class).hasMessage("'ONE_SE' is not one of min, 1se");
        assertThatThrownBy(() -> new KaplanMeier.CiType.Converter().convert("log_log"))
                .isInstanceOf(TypeConversionException.class).hasMessage("'log_log' is not one of log, log-log, plain");
    }

    private static String[] labels(Labels.Labelled[] values) {
        return Arrays.stream(values).map(Labels.Labelled::label).toArray(String[]::new);
    }
}
