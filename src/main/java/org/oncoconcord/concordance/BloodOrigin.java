package org.oncoconcord.concordance;

import org.oncoconcord.contract.ConcordanceJson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labels the plasma calls that come from blood cells rather than the tumour (docs/PLASMA.md): with the
 * patient's white-blood-cell ({@code normal}) sample, a plasma call the WBC VCF also has is germline
 * (WBC VAF at least {@link ChRules#germlineMinWbcVaf()}) or clonal haematopoiesis; without it, a plasma
 * call no tissue sample has, in a CH gene ({@link ChRules#listed}), is possible CH. The WBC VCF is
 * streamed beside the engine's merge-join (memory: the calls at one position).
 */
final class BloodOrigin implements AutoCloseable {
    private static final int MAX_LISTED = 5000;

    /** Why a plasma call is taken for blood DNA. */
    enum Label {
        CH, GERMLINE, POSSIBLE_CH;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One labelled plasma call (a row of cohort/plasma_ch.tsv). */
    record Labelled(String variant, String gene, double plasmaVaf, int plasmaDepth, double wbcVaf, int wbcDepth,
                    boolean inTissue, Label label, String rule, boolean counted) {
    }

    private final ChRules rules;
    private final SampleSpec wbc;
    private final VcfCallReader wbcReader;
    private ContigOrder order;
    private final List<Call> atPosition = new ArrayList<>();
    private final List<Labelled> labelled = new ArrayList<>();
    private final long[] counts = new long[Label.values().length];
    private long excluded;

    /** @param wbc the patient's white-blood-cell sample, or null (then the gene-list rule applies) */
    BloodOrigin(ChRules rules, SampleSpec wbc) {
        this.rules = rules;
        this.wbc = wbc;
        this.wbcReader = wbc == null ? null : new VcfCallReader(wbc, true);
    }

    /** The WBC VCF's contig order (for the engine's {@link ContigOrder}); empty without a WBC sample. */
    List<List<String>> contigChains() {
        if (wbcReader == null) {
            return List.of();
        }
        return List.of(wbcReader.headerContigs().isEmpty() ? wbcReader.scanContigs() : wbcReader.headerContigs());
    }

    /** Must be called once, before the first {@link #judge}. */
    void setOrder(ContigOrder order) {
        this.order = order;
        if (wbcReader != null) {
            wbcReader.setOrder(order);
        }
    }

    /**
     * Labels one plasma call (calls come in position order); null when it is taken for tumour DNA.
     *
     * @param genes    the genes the variant lies in
     * @param inTissue whether a tissue sample of the patient has the call
     */
    Label judge(Call v, String id, Collection<String> genes, boolean inTissue, double plasmaVaf, int plasmaDepth) {
        Label label = null;
        String rule = null;
        Call w = null;
        if (wbcReader != null) {
            w = wbcCall(v);
            if (w != null) {
                boolean germline = !Double.isNaN(w.vaf()) && w.vaf() >= rules.germlineMinWbcVaf();
                label = germline ? Label.GERMLINE : Label.CH;
                rule = germline ? "wbc_vaf_at_least_" + rules.germlineMinWbcVaf() : "in_wbc";
            }
        } else if (!inTissue) {
            for (String g : genes) {
                if (label == null && rules.listed(g, plasmaVaf)) {
                    label = Label.POSSIBLE_CH;
                    rule = g.equals("TP53") ? "gene_list_tp53_below_" + rules.tp53MaxVaf() : "gene_list";
                }
            }
        }
        if (label == null) {
            return null;
        }
        boolean counted = label == Label.POSSIBLE_CH && rules.possibleCh() == PossibleCh.COUNT;
        counts[label.ordinal()]++;
        excluded += counted ? 0 : 1;
        if (labelled.size() < MAX_LISTED) {
            labelled.add(new Labelled(id, String.join(",", genes), plasmaVaf, plasmaDepth,
                    w == null ? Double.NaN : w.vaf(), w == null ? -1 : w.depth(), inTissue, label, rule, counted));
        }
        return label;
    }

    /** Whether a call with this label leaves the tissue/plasma comparison. */
    boolean excludes(Label label) {
        return label != null && !(label == Label.POSSIBLE_CH && rules.possibleCh() == PossibleCh.COUNT);
    }

    /** The WBC VCF's record of the same allele (any FILTER, VAF above 0 or unknown), or null. */
    private Call wbcCall(Call v) {
        if (atPosition.isEmpty() || !sameSite(atPosition.get(0), v)) {
            atPosition.clear();
            Call c;
            while ((c = wbcReader.peek()) != null && before(c, v)) {
                wbcReader.next();
            }
            while ((c = wbcReader.peek()) != null && sameSite(c, v)) {
                atPosition.add(wbcReader.next());
            }
        }
        for (Call c : atPosition) {
            if (c.ref().equals(v.ref()) && c.alt().equals(v.alt()) && (Double.isNaN(c.vaf()) || c.vaf() > 0)) {
                return c;
            }
        }
        return null;
    }

    private static boolean sameSite(Call a, Call b) {
        return a.pos() == b.pos() && a.contig().equals(b.contig());
    }

    private boolean before(Call a, Call b) {
        int c = a.contig().equals(b.contig()) ? 0 : order.compare(a.contig(), b.contig());
        return c != 0 ? c < 0 : a.pos() < b.pos();
    }

    /** The {@code plasma.clonal_haematopoiesis} section of concordance.json. */
    ConcordanceJson.ClonalHaematopoiesis summary() {
        List<ConcordanceJson.ChCall> calls = new ArrayList<>();
        for (Labelled c : labelled) {
            calls.add(new ConcordanceJson.ChCall(c.variant(), c.gene().isEmpty() ? null : c.gene(), num(c.plasmaVaf()),
                    c.plasmaDepth() < 0 ? null : (long) c.plasmaDepth(), num(c.wbcVaf()), c.wbcDepth() < 0 ? null : (long) c.wbcDepth(),
                    c.inTissue(), c.label().label(), c.rule(), c.counted()));
        }
        return rules.describe(wbc == null ? null : wbc.label(), wbc == null ? null : wbc.vcf().toString(),
                counts[Label.CH.ordinal()], counts[Label.GERMLINE.ordinal()], counts[Label.POSSIBLE_CH.ordinal()], excluded,
                labelled.size() < counts[0] + counts[1] + counts[2], calls);
    }

    private static Double num(double x) {
        return Double.isNaN(x) ? null : ConcordanceEngine.round(x, 6);
    }

    @Override
    public void close() {
        if (wbcReader != null) {
            wbcReader.close();
        }
    }
}
