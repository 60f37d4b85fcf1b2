package org.oncoconcord.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code survival univariable}: one Cox model per covariate, each written as {@code survival cox}
 * writes it ({@code cox_uni_<covariate>/}), and one summary table {@code univariable.tsv} (a row per
 * term: HR, CI, p, n, events, baseline or landmark analysis). Covariates known only at the
 * {@code --landmark} time are fitted on the landmark subset with time measured from it; a
 * covariate that cannot be estimated there (no events, no complete row) gets a row saying why.
 */
@Command(name = "univariable", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "One Cox model per covariate (cox_uni_<covariate>/ like 'survival cox') and the summary univariable.tsv "
                + "(term, HR, CI, p, n, events, analysis baseline|landmark).")
public final class UnivariableCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    static final List<String> HEADER = List.of("feature", "term", "analysis", "n", "events", "coef", "se", "hr", "hr_lower", "hr_upper", "p",
            "p_lr", "method", "dropped_missing", "dropped_landmark", "note");

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions in;

    @Option(names = "--landmark-covariates", split = ",", description = "Covariates only known at the --landmark time (fitted on the landmark "
            + "subset, time from the landmark); the others use every row from time 0. Default with --landmark: all covariates.")
    Set<String> landmarkCovariates = new LinkedHashSet<>();

    @Mixin
    CoxFitOptions fit;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        in.requireNoStart("survival univariable");
        in.requireLinear("survival univariable");
        in.requireCovariates("survival univariable");
        if (!landmarkCovariates.isEmpty() && in.landmark == null) {
            throw new UserException("--landmark-covariates needs --landmark COL");
        }
        for (String c : landmarkCovariates) {
            if (!in.covariates.contains(c)) {
                throw new UserException("--landmark-covariates " + c + ": not one of the --covariates " + in.covariates);
            }
        }
        DataTable all = DataTable.read(in.data);
        Landmark.Applied lm = in.landmark == null ? null : Landmark.apply(all, in.time, in.event, in.landmark);
        List<List<String>> rows = new ArrayList<>();
        int fitted = 0;
        for (String c : in.covariates) {
            boolean landmark = lm != null && (landmarkCovariates.isEmpty() || landmarkCovariates.contains(c));
            DataTable t = landmark ? lm.table() : all;
            org.oncoconcord.contract.LandmarkCounts lmJson = landmark ? lm.counts().toJson(in.time) : null;
            int droppedLandmark = landmark ? lm.counts().dropped() : 0;
            String analysis = landmark ? "landmark" : "baseline";
            all.column(c);
            List<String> cols = new ArrayList<>(List.of(c, in.time, in.event));
            if (in.strata != null) {
                cols.addAll(List.of(in.strata.split(",")));
            }
            boolean[] complete = SurvivalData.completeRows(t, cols);
            int nComplete = 0;
            for (boolean b : complete) {
                nComplete += b ? 1 : 0;
            }
            if (nComplete == 0) {
                rows.add(notEstimable(c, analysis, 0, 0, t.rows(), droppedLandmark, landmark
                        ? "no complete row at risk at the landmark " + in.landmark : "no complete row"));
                continue;
            }
            Map<String, String> ref = in.refLevels.containsKey(c) ? Map.of(c, in.refLevels.get(c)) : Map.of();
            Design design = Design.infer(t, List.of(c), complete, in.factors, ref);
            SurvivalData d = SurvivalData.from(t, null, in.time, in.event, in.eventCode(), design, in.strata, in.idColumn(t));
            if (design.width() == 0) {
                rows.add(notEstimable(c, analysis, d.n(), d.events(), d.dropped(), droppedLandmark, "a single level ("
                        + design.covariates().get(0).levels().get(0) + ") among the " + d.n() + " complete cases"));
                continue;
            }
            if (d.n() < 2) {
                rows.add(notEstimable(c, analysis, d.n(), d.events(), d.dropped(), droppedLandmark, "a single complete case"));
                continue;
            }
            if (d.events() == 0) {
                rows.add(notEstimable(c, analysis, d.n(), 0, d.dropped(), droppedLandmark, "no events among the " + d.n() + " complete cases"
                        + (landmark ? " at risk at the landmark " + in.landmark : "")));
                continue;
            }
            CoxModel m = CoxModel.fit(d, design, in.strata, fit.ties, fit.firth);
            Path dir = in.out.resolve("cox_uni_" + safe(c));
            CoxCommand.write(outputs, dir, m, d, fit.level(), in.strata, List.of(c), d.n() + d.dropped() + droppedLandmark, lmJson, in.cause, null,
                    in.analysis(org.oncoconcord.contract.SurvivalAnalysis.Kind.COX_UNIVARIABLE, c, null, null, List.of(c), landmark ? in.landmark : null));
            fitted++;
            CoxFit f = m.fit();
            double z = Stats.z(fit.level());
            double pLr = Stats.chi2P(f.lrChi2(), f.df());
            String note = String.join("; ", m.warnings());
            for (int j = 0; j < f.p(); j++) {
                double b = f.coef()[j];
                double se = f.se(j);
                List<String> r = new ArrayList<>(Output.row(c, f.terms().get(j), analysis, (double) d.n(), (double) d.events(), b, se,
                        Math.exp(b), Math.exp(b - z * se), Math.exp(b + z * se), Stats.normalP(b / se), pLr,
                        f.firth() ? "firth" : "partial_likelihood", (double) d.dropped(), (double) droppedLandmark));
                r.add(note.isEmpty() ? "." : note.replace('\t', ' '));
                rows.add(r);
            }
        }
        outputs.tsv(in.out.resolve("univariable.tsv"), HEADER, rows);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival univariable: %d of %d covariates fitted%s%n", fitted, in.covariates.size(),
                    lm == null ? "" : String.format(", landmark %s: %d of %d rows at risk (%d without it, %d not at risk)", in.landmark,
                            lm.counts().kept(), lm.counts().rowsRead(), lm.counts().missingLandmark(), lm.counts().notAtRisk()));
        }
        outputs.commit();
        return 0;
    }

    private static List<String> notEstimable(String c, String analysis, int n, int events, int droppedMissing, int droppedLandmark, String why) {
        return List.of(c, ".", analysis, String.valueOf(n), String.valueOf(events), "NA", "NA", "NA", "NA", "NA", "NA", "NA", "not_estimable",
                String.valueOf(droppedMissing), String.valueOf(droppedLandmark), why);
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
