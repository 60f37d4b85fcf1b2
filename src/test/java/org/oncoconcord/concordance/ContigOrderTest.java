package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContigOrderTest {

    private static List<String> sorted(ContigOrder o, String... names) {
        List<String> l = new ArrayList<>(List.of(names));
        l.sort(o);
        return l;
    }

    @Test
    void findsOneOrderConsistentWithEveryInput() {
        // b37 puts MT last; another input (no header, record order) has MT between 22 and X
        ContigOrder o = new ContigOrder(List.of(List.of("1", "2", "22", "X", "MT"), List.of("chr1", "chr22", "chrM")));
        assertThat(o.consistent()).isTrue();
        assertThat(sorted(o, "MT", "X", "22", "1", "2")).containsExactly("1", "2", "22", "X", "MT");
        ContigOrder o2 = new ContigOrder(List.of(List.of("1", "2", "22", "X"), List.of("1", "22", "MT", "X")));
        assertThat(o2.consistent()).isTrue();
        assertThat(sorted(o2, "X", "MT", "22", "2", "1")).containsExactly("1", "2", "22", "MT", "X");
    }

    @Test
    void conflictingOrdersAreReportedAndUnknownContigsGoLast() {
        ContigOrder o = new ContigOrder(List.of(List.of("chrM", "chr1", "chr2"), List.of("1", "2", "MT")));
        assertThat(o.consistent()).isFalse();
        ContigOrder p = new ContigOrder(List.of(List.of("2", "1")));
        assertThat(sorted(p, "Y", "1", "X", "2", "10")).containsExactly("2", "1", "10", "X", "Y");
    }
}
