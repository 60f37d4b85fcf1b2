package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.List;
import org.oncoconcord.contract.CoxModelJson;

/**
 * Wald test that a restricted cubic spline is linear: its non-linear coefficients (all but the first
 * of the column's terms) are jointly 0, chi2 = b' V^-1 b on K - 2 df (rms::anova's "Nonlinear" row).
 * With the cluster-robust variance the test uses it.
 */
final class Nonlinearity {
    private Nonlinearity() {
    }

    /** One test per spline covariate of the design; null when the model has no spline. */
    static List<CoxModelJson.Nonlinearity> of(Design design, CoxFit f) {
        List<CoxModelJson.Nonlinearity> out = new ArrayList<>();
        for (Covariate c : design.covariates()) {
            if (!c.spline()) {
                continue;
            }
            int first = design.offset(c.name()) + 1;
            int k = c.width() - 1;
            double[] v = new double[k * k];
            double[] b = new double[k];
            boolean[] aliased = new boolean[k];
            int df = 0;
            for (int a = 0; a < k; a++) {
                aliased[a] = f.aliased(first + a);
                b[a] = aliased[a] ? 0 : f.coef()[first + a];
                df += aliased[a] ? 0 : 1;
                for (int e = 0; e < k; e++) {
                    double x = f.variance()[(first + a) * f.p() + first + e];
                    v[a * k + e] = Double.isNaN(x) ? 0 : x;
                }
            }
            double chi2 = df == 0 ? Double.NaN : Linalg.quadInv(Linalg.cholesky(v, k, CoxFitter.TOLER_CHOL, aliased), k, aliased, b);
            out.add(new CoxModelJson.Nonlinearity(c.name(), Output.jnum(chi2), df, Output.jnum(Stats.chi2P(chi2, df))));
        }
        return out.isEmpty() ? null : out;
    }
}
