package org.oncoconcord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SharedData's decision: use, skip (data absent, local run) or fail (CI found the data but it is unusable). */
class SharedDataTest {
    @TempDir
    Path tmp;

    @Test
    void presentFileIsUsed() throws Exception {
        Files.createDirectories(tmp.resolve("vcf"));
        SharedData.Outcome o = SharedData.decide(tmp, "vcf", true);
        assertThat(o.file()).isEqualTo(tmp.resolve("vcf"));
        assertThat(o.fail()).isFalse();
    }

    @Test
    void absentDataSkipsWithTheMessageCiCounts() {
        SharedData.Outcome o = SharedData.decide(null, "vcf", false);
        assertThat(o.file()).isNull();
        assertThat(o.fail()).isFalse();
        assertThat(o.message()).startsWith(SharedData.ABSENT);
    }

    @Test
    void underCiWithDataPresentAMissingFileOrUnfoundFolderFails() {
        SharedData.Outcome missingFile = SharedData.decide(tmp, "survival/none.csv", true);
        assertThat(missingFile.fail()).isTrue();
        assertThat(missingFile.message()).contains("none.csv is absent from ../shared/data");
        SharedData.Outcome unfound = SharedData.decide(null, "vcf", true);
        assertThat(unfound.fail()).isTrue();
        assertThat(unfound.message()).contains(".ci/run found it but the tests do not");
        assertThat(SharedData.decide(tmp, "survival/none.csv", false).fail()).as("local run: skip").isFalse();
    }
}
