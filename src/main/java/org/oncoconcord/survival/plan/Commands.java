package org.oncoconcord.survival.plan;

import java.util.ArrayList;
import java.util.List;
import org.oncoconcord.core.CommandLines;
import org.oncoconcord.survival.plan.Plan.CancerSpecificPlan;
import org.oncoconcord.survival.plan.Plan.EndpointPlan;
import org.oncoconcord.survival.plan.Plan.KmGroup;
import org.oncoconcord.survival.plan.Plan.TimeDependentFit;

/**
 * The {@code oncoconcord} command lines of a plan, in the order {@code oncoconcord batch} runs them
 * (pure function). Outputs go to {@code survival/<time column>/...}; each analysis gets the extra
 * options of its kind ({@link ExtraArgs}, the pipeline's {@code ext.args_*}).
 */
public final class Commands {
    private Commands() {
    }

    /** Extra options per analysis kind, each a shell-like word string (may be empty). */
    public record ExtraArgs(String km, String cox, String uni, String coxnet, String cv, String validate, String tdc, String cif) {
    }

    /** The lines (words joined so that {@code oncoconcord batch} splits them back). */
    public static List<String> lines(Plan plan, String features, String outDir, ExtraArgs args) {
        return commands(plan, features, outDir, args).stream().map(CommandLines::join).toList();
    }

    /** The commands as word lists. */
    public static List<List<String>> commands(Plan plan, String features, String outDir, ExtraArgs args) {
        List<List<String>> out = new ArrayList<>();
        String at = at(plan.horizon());
        List<String> lm = plan.landmark() != null ? List.of("--landmark", plan.landmark()) : List.of();
        String horizon = Integer.toString(plan.horizon());
        for (EndpointPlan e : plan.endpoints()) {
            List<String> data = List.of("--data", features, "--time", e.time(), "--event", e.event());
            String dir = outDir + "/" + e.time();
            out.add(cmd(List.of("survival", "km"), args.km(), data, List.of("--at", at, "--out", dir + "/km_all")));
            for (KmGroup g : e.km()) {
                out.add(cmd(List.of("survival", "km"), args.km(), data, g.landmark() ? lm : List.of(),
                        List.of("--group", g.column(), "--at", at, "--out", dir + "/km_" + g.column())));
            }
            if (!e.univariable().isEmpty()) {
                List<String> lmCovs = e.univariableLandmark().isEmpty() ? List.of()
                        : concat(lm, List.of("--landmark-covariates", String.join(",", e.univariableLandmark())));
                out.add(cmd(List.of("survival", "univariable"), args.uni(), data,
                        List.of("--covariates", String.join(",", e.univariable())), lmCovs, List.of("--out", dir)));
            }
            if (!e.cox().isEmpty()) {
                List<String> covs = concat(List.of("--covariates", String.join(",", e.cox())), e.coxLandmark() ? lm : List.of());
                out.add(cmd(List.of("survival", "cox"), args.cox(), data, covs, List.of("--out", dir + "/cox")));
                out.add(cmd(List.of("survival", "cv"), args.cv(), data, covs, List.of("--horizon", horizon, "--out", dir + "/cv")));
                out.add(cmd(List.of("survival", "validate"), args.validate(), data, covs,
                        List.of("--horizon", horizon, "--out", dir + "/validate")));
            }
            if (!e.coxnet().isEmpty()) {
                List<String> all = concat(e.coxnet(), e.coxnetUnpenalized());
                List<String> unpen = e.coxnetUnpenalized().isEmpty() ? List.of()
                        : List.of("--unpenalized", String.join(",", e.coxnetUnpenalized()));
                out.add(cmd(List.of("survival", "cox", "--penalty", "elastic-net"), args.coxnet(), data,
                        List.of("--covariates", String.join(",", all)), unpen, List.of("--out", dir + "/coxnet")));
            }
            for (TimeDependentFit d : e.timeDependent()) {
                String tdcDir = dir + "/tdc_" + d.feature();
                out.add(cmd(List.of("survival", "split"), "", data,
                        List.of("--change", d.change(), "--tdc", d.feature(), "--out", tdcDir)));
                out.add(cmd(List.of("survival", "cox"), args.tdc(),
                        List.of("--data", tdcDir + "/split.tsv", "--start", "tstart", "--time", "tstop", "--event", e.event()),
                        List.of("--covariates", d.feature(), "--out", tdcDir)));
            }
            CancerSpecificPlan cs = e.cancerSpecific();
            if (cs != null) {
                List<String> csData = List.of("--data", cs.data(), "--time", e.time(), "--event", cs.causeColumn());
                out.add(cmd(List.of("survival", "cif"), args.cif(), csData, List.of("--at", at, "--out", dir + "/cif_all")));
                for (String g : cs.cifGroups()) {
                    out.add(cmd(List.of("survival", "cif"), args.cif(), csData,
                            List.of("--group", g, "--at", at, "--out", dir + "/cif_" + g)));
                }
                if (!cs.cox().isEmpty()) {
                    List<String> event = cs.causeOption() ? List.of("--event", cs.causeColumn(), "--cause", "1")
                            : List.of("--event", cs.crcColumn());
                    out.add(cmd(List.of("survival", "cox"), args.cox(), List.of("--data", cs.data(), "--time", e.time()), event,
                            List.of("--covariates", String.join(",", cs.cox())), cs.coxLandmark() ? lm : List.of(),
                            List.of("--out", dir + "/cox_crc")));
                }
            }
        }
        return out;
    }

    /** The --at times: 0, h/2, h, 3h/2, 2h (integer days). */
    static String at(int horizon) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            t.add(Integer.toString(i * horizon / 2));
        }
        return String.join(",", t);
    }

    @SafeVarargs
    private static List<String> cmd(List<String> head, String extra, List<String>... parts) {
        List<String> words = new ArrayList<>(head);
        words.addAll(CommandLines.split(extra == null ? "" : extra));
        for (List<String> p : parts) {
            words.addAll(p);
        }
        return words;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
