package org.oncoconcord.survival;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.UserException;

/**
 * A fitted Cox model that can be saved and applied to new patients: covariate coding, fit,
 * Breslow baseline hazard per stratum, and the warnings raised while fitting.
 */
public record CoxModel(Design design, CoxFit fit, BaselineHazard baseline, String strataColumn, List<String> warnings) {

    /** When to use Firth's penalised likelihood. */
    public enum Firth {
        AUTO, ALWAYS, NEVER
    }

    /**
     * Fits the model; with {@link Firth#AUTO}, a monotone likelihood (an estimate diverging, as under
     * separation) gives a warning and a Firth-penalised refit.
     */
    public static CoxModel fit(SurvivalData d, Design design, String strataColumn, Ties ties, Firth firth) {
        if (d.events() == 0) {
            throw new UserException("no events among the " + d.n() + " complete cases: a Cox model cannot be fitted");
        }
        if (d.n() < 2) {
            throw new UserException("a single complete case: a Cox model needs at least 2");
        }
        List<String> warnings = new ArrayList<>();
        CoxFit f = firth == Firth.ALWAYS ? CoxFitter.fitFirth(d, ties) : CoxFitter.fit(d, ties);
        if (firth != Firth.ALWAYS && !f.infinite().isEmpty()) {
            String msg = "monotone likelihood: the estimate of " + String.join(", ", f.infinite())
                    + " diverges (complete or quasi-complete separation)";
            if (firth == Firth.AUTO) {
                CoxFit ff = CoxFitter.fitFirth(d, ties);
                warnings.add(msg + "; refitted with Firth's penalised partial likelihood");
                f = new CoxFit(ff.terms(), ff.coef(), ff.variance(), ff.means(), ff.ties(), ff.loglikNull(), ff.loglik(),
                        f.scoreChi2(), ff.waldChi2(), ff.df(), ff.iterations(), ff.converged(), true, f.infinite(), ff.n(), ff.events());
            } else {
                warnings.add(msg + "; coefficients reported are not finite estimates (use --firth auto)");
            }
        }
        if (!f.converged()) {
            warnings.add("Newton-Raphson did not converge in " + f.iterations() + " iterations");
        }
        for (int j = 0; j < f.p(); j++) {
            if (f.aliased(j)) {
                warnings.add("term " + f.terms().get(j) + " is constant or collinear with other terms: left out (NA)");
            }
        }
        return new CoxModel(design, f, BaselineHazard.breslow(d, f), strataColumn, warnings);
    }

    /** Linear predictor (centred) of each case. */
    public double[] lp(SurvivalData d) {
        return CoxFitter.linearPredictor(fit, d.x());
    }

    /** S(t | x) of each case of d at time t (its stratum's baseline; NaN for an unseen stratum). */
    public double[] survivalAt(SurvivalData d, double t) {
        double[] lp = lp(d);
        double[] s = new double[d.n()];
        for (int i = 0; i < d.n(); i++) {
            int st = baseline.strataIndex(d.strataNames().get(d.strata()[i]));
            s[i] = st < 0 ? Double.NaN : baseline.survival(st, t, lp[i]);
        }
        return s;
    }

    /** The JSON form saved by {@code survival cox} and read by {@code survival predict}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "oncoconcord-cox-model/1");
        m.put("ties", fit.ties().name().toLowerCase());
        m.put("firth", fit.firth());
        m.put("strata_column", strataColumn);
        List<Map<String, Object>> cov = new ArrayList<>();
        for (Covariate c : design.covariates()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("factor", c.factor());
            cm.put("levels", c.levels());
            if (c.spline()) {
                cm.put("knots", c.knots());
            }
            cov.add(cm);
        }
        m.put("covariates", cov);
        m.put("interactions", design.interactions().stream().map(Design.Interaction::toString).toList());
        m.put("terms", fit.terms());
        List<Double> coef = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (int j = 0; j < fit.p(); j++) {
            coef.add(Output.jnum(fit.coef()[j]));
            means.add(fit.means()[j]);
        }
        m.put("coef", coef);
        m.put("means", means);
        List<Map<String, Object>> base = new ArrayList<>();
        for (int s = 0; s < baseline.strata().size(); s++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("stratum", baseline.strata().get(s));
            b.put("time", baseline.times().get(s));
            b.put("cumhaz", baseline.cumhaz().get(s));
            base.add(b);
        }
        m.put("baseline", base);
        return m;
    }

    /** Reads a model saved by {@link #toJson()}. */
    public static CoxModel read(Path file) {
        try {
            JsonNode n = Output.JSON.readTree(file.toFile());
            if (!"oncoconcord-cox-model/1".equals(n.path("format").asText())) {
                throw new UserException(file + ": not a saved oncoconcord Cox model (format key missing or different)");
            }
            List<Covariate> cov = new ArrayList<>();
            for (JsonNode c : n.get("covariates")) {
                List<String> lv = new ArrayList<>();
                c.get("levels").forEach(x -> lv.add(x.asText()));
                List<Double> knots = new ArrayList<>();
                c.path("knots").forEach(x -> knots.add(x.asDouble()));
                cov.add(new Covariate(c.get("name").asText(), c.get("factor").asBoolean(), lv, knots));
            }
            List<Design.Interaction> interactions = new ArrayList<>();
            for (JsonNode i : n.path("interactions")) {
                String[] ab = i.asText().split(":", -1);
                interactions.add(new Design.Interaction(ab[0], ab[1]));
            }
            List<String> terms = new ArrayList<>();
            n.get("terms").forEach(x -> terms.add(x.asText()));
            int p = terms.size();
            double[] coef = new double[p];
            double[] means = new double[p];
            for (int j = 0; j < p; j++) {
                JsonNode cj = n.get("coef").get(j);
                coef[j] = cj == null || cj.isNull() ? Double.NaN : cj.asDouble();
                means[j] = n.get("means").get(j).asDouble();
            }
            List<String> strata = new ArrayList<>();
            List<double[]> times = new ArrayList<>();
            List<double[]> hz = new ArrayList<>();
            for (JsonNode b : n.get("baseline")) {
                strata.add(b.get("stratum").asText());
                times.add(toArray(b.get("time")));
                hz.add(toArray(b.get("cumhaz")));
            }
            Ties ties = Ties.valueOf(n.get("ties").asText().toUpperCase());
            CoxFit fit = new CoxFit(terms, coef, new double[p * p], means, ties, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0, 0, true, n.path("firth").asBoolean(), List.of(), 0, 0);
            String sc = n.path("strata_column").isNull() || n.path("strata_column").isMissingNode() ? null : n.get("strata_column").asText();
            return new CoxModel(new Design(cov, interactions), fit, new BaselineHazard(strata, times, hz), sc, List.of());
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the saved model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof UserException) {
                throw e;
            }
            throw new UserException(file + ": malformed saved model: " + e, e);
        }
    }

    private static double[] toArray(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }
}
