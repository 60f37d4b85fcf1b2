package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.oncoconcord.contract.LogrankJson;
import org.oncoconcord.contract.SurvivalAnalysis;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code survival km}: Kaplan-Meier per group (km.tsv, medians.tsv) and log-rank / Peto-Peto tests (logrank.json). */
@Command(name = "km", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Kaplan-Meier curves per group with Greenwood se and CIs, medians, log-rank and Peto-Peto tests.")
public final class KmCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions in;

    @Option(names = "--group", description = "Grouping column (one curve per level; all patients when absent).")
    String group;

    @Option(names = "--at", split = ",", converter = org.oncoconcord.options.Ranges.NonNegativeDouble.class, description = "Times at which to report the curve (rows with kind=at).")
    List<Double> at = new ArrayList<>();

    @Option(names = "--conf-type", defaultValue = "log", converter = KaplanMeier.CiType.Converter.class,
            description = "CI scale: log (default), log-log, plain.")
    KaplanMeier.CiType confType;

    @Mixin
    ConfLevelOption confLevel;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        in.requireNoStart("survival km");
        in.requireLinear("survival km");
        KaplanMeier.CiType ci = confType;
        if (!in.covariates.isEmpty()) {
            throw new UserException("--covariates is not used by 'survival km' (use --group)");
        }
        DataTable t = in.table();
        Design design = new Design(group == null ? List.of() : List.of(new Covariate(group, true, levels(t))));
        java.util.SortedSet<Integer> causes = SurvivalData.causeCodes(t, in.event);
        List<String> warnings = new ArrayList<>();
        if (in.cause != null) {
            warnings.add("cause-specific Kaplan-Meier of cause " + in.cause + " (other causes censored): 1 - KM overestimates the cumulative"
                    + " incidence when causes compete; use 'survival cif' for it");
        } else if (!causes.isEmpty()) {
            warnings.add("column '" + in.event + "' holds competing-risk cause codes " + causes + " besides 1: Kaplan-Meier of any event "
                    + "(all causes pooled); use 'survival cif' for the incidence of each cause, --cause K for one cause");
        }
        for (String w : warnings) {
            System.err.println("oncoconcord survival km: warning: " + w);
        }
        SurvivalData d = in.cases(t, design, in.cause != null ? in.eventCode() : EventCode.ANY_CAUSE);
        if (d.n() == 0) {
            throw new UserException(in.data + ": no usable row: all " + d.dropped() + " rows lack " + in.time + ", " + in.event
                    + (group == null ? "" : " or " + group) + (in.strata == null ? "" : " or " + in.strata));
        }
        List<String> groups = group == null ? List.of("all") : design.covariates().get(0).levels();
        int[] g = new int[d.n()];
        for (int i = 0; i < d.n(); i++) {
            g[i] = group == null ? 0 : groups.indexOf(t.cell(group, d.rows()[i]));
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> medians = new ArrayList<>();
        double[] atTimes = at.stream().mapToDouble(Double::doubleValue).toArray();
        for (int k = 0; k < groups.size(); k++) {
            boolean[] keep = new boolean[d.n()];
            int nk = 0;
            int ek = 0;
            for (int i = 0; i < d.n(); i++) {
                keep[i] = g[i] == k;
                nk += keep[i] ? 1 : 0;
                ek += keep[i] ? d.event()[i] : 0;
            }
            KaplanMeier km = KaplanMeier.fit(d.time(), d.event(), keep, ci, confLevel.level);
            for (int r = 0; r < km.time().length; r++) {
                if (km.nEvent()[r] > 0) {
                    rows.add(Output.row(groups.get(k), km.time()[r], km.nRisk()[r], km.nEvent()[r], km.surv()[r],
                            km.surv()[r] * km.greenwood()[r], km.lower()[r], km.upper()[r], "event"));
                }
            }
            for (KaplanMeier.Point pt : km.at(atTimes)) {
                rows.add(Output.row(groups.get(k), pt.time(), pt.nRisk(), pt.nEvent(), pt.surv(), pt.se(), pt.lower(), pt.upper(), "at"));
            }
            KaplanMeier.Median med = km.median();
            medians.add(Output.row(groups.get(k), nk, ek, med.median(), med.lower(), med.upper()));
        }
        outputs.tsv(in.out.resolve("km.tsv"), List.of("group", "time", "n_risk", "n_event", "surv", "se", "lower", "upper", "kind"), rows);
        outputs.tsv(in.out.resolve("medians.tsv"), List.of("group", "n", "events", "median", "lower", "upper"), medians);
        LogRank lr = LogRank.test(d.time(), d.event(), g, groups.size(), in.strata == null ? null : d.strata(), 0);
        LogRank pp = LogRank.test(d.time(), d.event(), g, groups.size(), in.strata == null ? null : d.strata(), 1);
        LogrankJson j = new LogrankJson("log-rank", Output.jnum(lr.chi2()), lr.df(), Output.jnum(lr.p()), groups, boxed(lr.observed()),
                boxed(lr.expected()), Output.test(pp.chi2(), pp.df(), pp.p()), d.n(), d.events(), d.dropped(), group, in.landmarkJson(),
                in.strata == null ? null : d.strataNames(), in.cause, warnings,
                in.analysis(SurvivalAnalysis.Kind.KM, null, group, null, List.of(), in.landmark));
        outputs.json(in.out.resolve("logrank.json"), j);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival km: n=%d events=%d dropped=%d (missing values), %d group(s)%n",
                    d.n(), d.events(), d.dropped(), groups.size());
        }
        outputs.commit();
        return 0;
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    /** Group levels in sorted order (numbers numerically). */
    private List<String> levels(DataTable t) {
        boolean numeric = t.isNumeric(group);
        TreeSet<String> s = new TreeSet<>(numeric
                ? java.util.Comparator.comparingDouble(Double::parseDouble).thenComparing(java.util.Comparator.naturalOrder())
                : java.util.Comparator.<String>naturalOrder());
        for (String v : t.column(group)) {
            if (!DataTable.isMissing(v)) {
                s.add(v);
            }
        }
        return new ArrayList<>(s);
    }
}
