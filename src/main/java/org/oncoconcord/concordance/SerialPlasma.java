package org.oncoconcord.concordance;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.core.PlasmaTimepoint;

/**
 * Serial plasma (docs/PLASMA.md "Serial plasma"): each plasma draw's result against the tissue, taken
 * from a run of the concordance engine on the tissue samples, that draw and the WBC sample, and the
 * rows of {@code <patient>.serial_plasma.tsv} taken from that run's variants.tsv.
 */
public final class SerialPlasma {
    /** Columns of {@code <patient>.serial_plasma.tsv}. */
    public static final String HEADER = "variant\tgene\tsample\ttimepoint\tcollection_day\tclass\tpresent\tvaf\tdepth\tevaluable";

    private SerialPlasma() {
    }

    /** Whether a patient's plasma samples make a serial section: several draws, or one with a timepoint or day. */
    public static boolean isSerial(List<PlasmaDraw> draws) {
        return draws.size() > 1 || draws.stream().anyMatch(PlasmaDraw::identified);
    }

    /** One draw's summary from the {@code plasma} section and classes of its own run. */
    public static ConcordanceJson.PlasmaDrawResult result(PlasmaDraw draw, boolean comparison, ConcordanceJson run) {
        ConcordanceJson.Plasma p = run.plasma();
        if (p == null) {
            throw new IllegalStateException("the run of plasma " + draw.sample() + " has no plasma section");
        }
        ConcordanceJson.TumourFraction tf = p.tumourFraction();
        ConcordanceJson.Detection det = p.detection();
        ConcordanceJson.ClonalHaematopoiesis ch = p.clonalHaematopoiesis();
        PlasmaTimepoint kind = draw.kind();
        return new ConcordanceJson.PlasmaDrawResult(draw.sample(), draw.timepoint(),
                kind == null ? null : kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), draw.collectionDay(),
                comparison, p.tumourSignal(), p.maxSomaticVaf(), tf == null ? null : tf.estimate(), tf == null ? null : tf.lower(),
                tf == null ? null : tf.upper(), tf == null ? null : tf.bin(), p.tissueVariantsDetected(),
                p.tissueVariantsDetected() + p.missedTissueVariants(), p.tissueVariantsNotEvaluable(),
                det == null ? 0 : det.missedInformative(), det == null ? 0 : det.missedNotInformative(),
                run.classes().getOrDefault(VariantClass.name(java.util.Set.of(org.oncoconcord.core.SampleType.PLASMA)), 0L),
                det == null ? ConcordanceEngine.wilson(p.tissueVariantsDetected(), p.tissueVariantsDetected() + p.missedTissueVariants())
                        : det.sensitivityAll(),
                det == null ? null : det.sensitivityInformative(), ch == null ? 0 : ch.nCh(), ch == null ? 0 : ch.nGermline(),
                ch == null ? 0 : ch.nPossibleCh());
    }

    /**
     * Appends to {@code out} one row per variants.tsv row of the draw's run: the variant, its gene, the
     * draw, the row's class and the plasma's present/vaf/depth/evaluable columns as variants.tsv has them.
     */
    public static void appendRows(Path variantsTsv, PlasmaDraw draw, BufferedWriter out) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(variantsTsv, StandardCharsets.ISO_8859_1)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(variantsTsv + " is empty");
            }
            List<String> cols = List.of(header.split("\t", -1));
            int present = index(cols, draw.sample() + ".present", variantsTsv);
            int cls = index(cols, "class", variantsTsv);
            int gene = index(cols, "gene", variantsTsv);
            String prefix = draw.sample() + "\t" + (draw.timepoint() == null ? "." : draw.timepoint()) + "\t"
                    + (draw.collectionDay() == null ? "." : day(draw.collectionDay())) + "\t";
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                out.write(f[0] + ":" + f[1] + ":" + f[2] + ">" + f[3]);
                out.write('\t');
                out.write(f[gene]);
                out.write('\t');
                out.write(prefix);
                out.write(f[cls]);
                for (int k = 0; k < 4; k++) {
                    out.write('\t');
                    out.write(f[present + k]);
                }
                out.write('\n');
            }
        }
    }

    /** A day as written: an integer without ".0". */
    static String day(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static int index(List<String> cols, String name, Path file) throws IOException {
        int i = cols.indexOf(name);
        if (i < 0) {
            throw new IOException(file + " has no column " + name);
        }
        return i;
    }
}
