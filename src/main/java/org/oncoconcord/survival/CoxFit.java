package org.oncoconcord.survival;

import java.util.List;

/**
 * A fitted Cox model.
 *
 * @param terms        term names
 * @param coef         coefficients (NaN for aliased terms)
 * @param variance     variance matrix (p x p row-major; rows of aliased terms are NaN)
 * @param means        covariate means used for centring
 * @param ties         tie handling
 * @param loglikNull   log partial likelihood at beta = 0 (penalised when Firth)
 * @param loglik       log partial likelihood at the estimate (penalised when Firth)
 * @param scoreChi2    score (log-rank) test statistic at beta = 0
 * @param waldChi2     Wald test statistic
 * @param df           number of estimated (non-aliased) coefficients
 * @param iterations   Newton-Raphson iterations
 * @param converged    whether the iterations converged
 * @param firth        whether this is a Firth-penalised fit
 * @param infinite     terms whose estimate diverged in the ordinary fit (monotone likelihood)
 * @param n            cases
 * @param events       events
 */
public record CoxFit(List<String> terms, double[] coef, double[] variance, double[] means, Ties ties,
                     double loglikNull, double loglik, double scoreChi2, double waldChi2, int df,
                     int iterations, boolean converged, boolean firth, List<String> infinite, int n, int events) {

    public int p() {
        return coef.length;
    }

    public double se(int j) {
        return Math.sqrt(variance[j * coef.length + j]);
    }

    public boolean aliased(int j) {
        return Double.isNaN(coef[j]);
    }

    public double lrChi2() {
        return 2 * (loglik - loglikNull);
    }

    /** Centred linear predictor (x - means) . beta, aliased terms contributing 0. */
    public double lp(double[] x) {
        double s = 0;
        for (int j = 0; j < coef.length; j++) {
            if (!Double.isNaN(coef[j])) {
                s += (x[j] - means[j]) * coef[j];
            }
        }
        return s;
    }
}
