package org.oncoconcord.survival.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.oncoconcord.survival.plan.Plan.CancerSpecificPlan;
import org.oncoconcord.survival.plan.Plan.EndpointPlan;
import org.oncoconcord.survival.plan.Plan.KmGroup;
import org.oncoconcord.survival.plan.Plan.Skip;
import org.oncoconcord.survival.plan.Plan.TimeDependentFit;
import org.oncoconcord.survival.plan.PlanOptions.CancerSpecific;
import org.oncoconcord.survival.plan.PlanOptions.Endpoint;
import org.oncoconcord.survival.plan.PlanOptions.TimeDependent;

/**
 * Decides what the SURVIVAL step fits, from the header and rows of features.tsv and its
 * post_metastasis columns (pure function): the endpoints whose time and event columns exist; per
 * endpoint the KM groupings, univariable features, multivariable covariates and elastic-net gene
 * columns that exist, post_metastasis ones analysed from the landmark (never from diagnosis); the
 * time-dependent (counting-process) fits; the cancer-specific competing-risk analyses. Whatever is
 * left out is listed in {@link Plan#skipped()} with its reason. An empty table (-stub-run) takes the
 * configured plan as is.
 */
public final class Planner {
    /** A gene column known at diagnosis: {@code <GENE>_primary}. */
    static final Pattern GENE_PRIMARY = Pattern.compile("[A-Z0-9][A-Za-z0-9.-]*_primary");

    private Planner() {
    }

    /** The plan (without command lines: {@link Commands#lines}). */
    public static Plan plan(FeatureTable t, PlanOptions o, boolean causeOption, String outDir) {
        boolean stub = t.stub();
        List<Skip> skipped = new ArrayList<>();
        String landmark = o.landmark() != null && (stub || t.has(o.landmark())) ? o.landmark() : null;
        List<EndpointPlan> endpoints = new ArrayList<>();
        for (Endpoint e : o.endpoints()) {
            List<String> absent = new ArrayList<>();
            for (String c : List.of(e.time(), e.event())) {
                if (!t.has(c)) {
                    absent.add(c);
                }
            }
            if (!stub && !absent.isEmpty()) {
                skipped.add(new Skip(e.time(), "endpoint", "column(s) " + String.join(", ", absent) + " not in features.tsv"));
                continue;
            }
            if (!stub && t.rows().stream().noneMatch(r -> t.number(r, e.time()) != null && t.number(r, e.event()) != null)) {
                // e.g. relapse-free survival in a cohort of stage IV patients: the columns exist, every value is NA
                skipped.add(new Skip(e.time(), "endpoint", "no patient has both " + e.time() + " and " + e.event()));
                continue;
            }
            endpoints.add(endpoint(t, o, e, landmark, stub, skipped, causeOption, outDir));
        }
        return new Plan(t.file(), stub, landmark, o.horizon(), endpoints, skipped, List.of());
    }

    private static EndpointPlan endpoint(FeatureTable t, PlanOptions o, Endpoint e, String landmark, boolean stub,
                                         List<Skip> skipped, boolean causeOption, String outDir) {
        String time = e.time();
        List<FeatureTable.Row> complete = new ArrayList<>();
        for (FeatureTable.Row r : t.rows()) {
            if (t.number(r, time) != null && t.number(r, e.event()) != null) {
                complete.add(r);
            }
        }
        int events = (int) complete.stream().filter(r -> t.number(r, e.event()) == 1).count();
        List<FeatureTable.Row> atRisk = new ArrayList<>();
        if (landmark != null && !stub) {
            for (FeatureTable.Row r : complete) {
                Double lm = t.number(r, landmark);
                if (lm != null && t.number(r, time) > lm) {
                    atRisk.add(r);
                }
            }
        }
        int lmEvents = stub ? 1 : (int) atRisk.stream().filter(r -> t.number(r, e.event()) == 1).count();
        if (!stub && events == 0) {
            skipped.add(new Skip(time, "models", "no events among the " + complete.size() + " patients with " + time + " and " + e.event()));
        }
        Usable usable = (c, analysis, fitsModels) -> {
            if (!stub && !t.has(c)) {
                skipped.add(new Skip(time, analysis, "no column " + c + " in features.tsv"));
                return false;
            }
            boolean post = t.postMetastasis().contains(c);
            if (post && landmark == null) {
                skipped.add(new Skip(time, analysis, c + " is only known after the metastasis and features.tsv has no landmark column "
                        + o.landmark()));
                return false;
            }
            if (post && fitsModels && lmEvents == 0) {
                skipped.add(new Skip(time, analysis, "no events after the landmark " + landmark + " (" + atRisk.size()
                        + " patients at risk then)"));
                return false;
            }
            return true;
        };
        List<KmGroup> km = new ArrayList<>();
        for (String g : o.kmGroups()) {
            if (usable.test(g, "km_" + g, true)) {
                km.add(new KmGroup(g, t.postMetastasis().contains(g)));
            }
        }
        LinkedHashSet<String> candidates = new LinkedHashSet<>(o.kmGroups());
        candidates.addAll(o.covariates());
        candidates.addAll(o.univariable());
        List<String> uni = new ArrayList<>();
        for (String c : candidates) {
            if (usable.test(c, "cox_uni_" + c, false)) {
                uni.add(c);
            }
        }
        boolean modelled = events > 0 || stub;
        List<String> cox = modelled ? o.covariates() : List.of();
        if (!cox.isEmpty()) {
            for (String c : cox) {
                if (!usable.test(c, "cox and cv", true)) {   // the first unusable covariate drops the model
                    cox = List.of();
                    break;
                }
            }
        }
        List<String> genes = t.header().stream()
                .filter(c -> GENE_PRIMARY.matcher(c).matches() && !t.postMetastasis().contains(c)).toList();
        List<String> unpenalized = o.coxnetUnpenalized().stream().filter(c -> stub || t.has(c)).toList();
        List<String> coxnet = List.of();
        if (o.coxnet() && events == 1 && !stub) {
            skipped.add(new Skip(time, "coxnet", "a single event: too few to choose the elastic-net lambda by cross-validation"));
        } else if (o.coxnet() && modelled) {
            if (!genes.isEmpty() || stub) {
                coxnet = genes;
            } else {
                skipped.add(new Skip(time, "coxnet", "no <GENE>_primary column in features.tsv"));
            }
        }
        boolean coxLandmark = cox.stream().anyMatch(t.postMetastasis()::contains);
        List<TimeDependentFit> tdc = modelled ? timeDependent(t, o, e, stub, skipped) : List.of();
        CancerSpecificPlan cs = cancerSpecific(t, o, e, km, cox, coxLandmark, stub, skipped, causeOption, outDir);
        return new EndpointPlan(time, e.event(), events, lmEvents, km, modelled ? uni : List.of(),
                uni.stream().filter(t.postMetastasis()::contains).toList(), cox, coxLandmark, coxnet, unpenalized, tdc, cs);
    }

    /** A column check that records its reason in skipped.tsv when it fails. */
    @FunctionalInterface
    private interface Usable {
        boolean test(String column, String analysis, boolean fitsModels);
    }

    /**
     * Counting-process fits of features that switch on at a per-patient day (R: tmerge tdc): both
     * columns must exist and at least one patient must have the feature non-zero from a day inside
     * follow-up (else the covariate is 0 on every row).
     */
    static List<TimeDependentFit> timeDependent(FeatureTable t, PlanOptions o, Endpoint e, boolean stub, List<Skip> skipped) {
        List<TimeDependentFit> out = new ArrayList<>();
        for (TimeDependent d : o.timeDependent()) {
            String analysis = "tdc_" + d.feature();
            if (stub) {
                out.add(new TimeDependentFit(d.feature(), d.change(), 0));
                continue;
            }
            if (!t.has(d.feature())) {
                skipped.add(new Skip(e.time(), analysis, "no column " + d.feature() + " in features.tsv"));
                continue;
            }
            if (!t.has(d.change())) {
                skipped.add(new Skip(e.time(), analysis, "no column " + d.change() + " (the day " + d.feature()
                        + " becomes known) in features.tsv"));
                continue;
            }
            int switched = 0;
            for (FeatureTable.Row r : t.rows()) {
                Double time = t.number(r, e.time());
                Double event = t.number(r, e.event());
                Double change = t.number(r, d.change());
                if (time != null && event != null && change != null && change < time && on(t.cell(r, d.feature()))) {
                    switched++;
                }
            }
            if (switched == 0) {
                skipped.add(new Skip(e.time(), analysis, "no patient has " + d.feature() + " switched on before the end of follow-up ("
                        + d.change() + " < " + e.time() + ")"));
                continue;
            }
            out.add(new TimeDependentFit(d.feature(), d.change(), switched));
        }
        return out;
    }

    /** A feature cell that is known and not zero (a non-numeric level counts as on). */
    private static boolean on(String v) {
        if (FeatureTable.missing(v)) {
            return false;
        }
        try {
            return Double.parseDouble(v) != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The competing-risk analyses of the cancer-specific endpoint, when it is this endpoint; null otherwise. */
    static CancerSpecificPlan cancerSpecific(FeatureTable t, PlanOptions o, Endpoint e, List<KmGroup> km, List<String> cox,
                                             boolean coxLandmark, boolean stub, List<Skip> skipped, boolean causeOption,
                                             String outDir) {
        CancerSpecific spec = o.cancerSpecific();
        if (spec == null || !spec.time().equals(e.time()) || !spec.event().equals(e.event())) {
            return null;
        }
        String analysis = "cancer_specific";
        String causeColumn = e.event() + "_cause";
        String crcColumn = e.event() + "_crc";
        String data = outDir + "/" + e.time() + "/cause_of_death.tsv";
        if (!stub && !t.has(spec.cause())) {
            skipped.add(new Skip(e.time(), analysis, "no column " + spec.cause() + " (cause of death: crc or other) in features.tsv"));
            return null;
        }
        if (t.has(causeColumn) || t.has(crcColumn)) {
            skipped.add(new Skip(e.time(), analysis, "features.tsv already has a column " + (t.has(causeColumn) ? causeColumn : crcColumn)));
            return null;
        }
        CauseOfDeath.Codes codes = CauseOfDeath.codes(t, spec);
        if (codes.problem() != null) {
            skipped.add(new Skip(e.time(), analysis, codes.problem()));
            return null;
        }
        if (!stub && codes.crcDeaths() + codes.otherDeaths() == 0) {
            skipped.add(new Skip(e.time(), analysis, "no death with a known cause in " + spec.cause()));
            return null;
        }
        List<String> groups = new ArrayList<>();
        for (KmGroup g : km) {
            if (g.landmark()) {
                skipped.add(new Skip(e.time(), "cif_" + g.column(), g.column()
                        + " is only known after the metastasis and survival cif has no landmark analysis"));
            } else {
                groups.add(g.column());
            }
        }
        List<String> csCox = cox;
        if (!stub && !cox.isEmpty() && codes.crcDeaths() == 0) {
            skipped.add(new Skip(e.time(), "cox_crc", "no colorectal-cancer death (" + spec.cause() + " = crc)"));
            csCox = List.of();
        }
        return new CancerSpecificPlan(spec.cause(), data, causeColumn, crcColumn, codes.crcDeaths(), codes.otherDeaths(),
                codes.unknownCause(), groups, csCox, coxLandmark, causeOption);
    }
}
