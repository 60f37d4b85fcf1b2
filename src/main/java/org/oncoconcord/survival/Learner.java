package org.oncoconcord.survival;

/** Fits a survival model on training cases and predicts S(tau | x) for other cases. */
@FunctionalInterface
public interface Learner {

    /** A fitted model's predictions for new cases: S(tau | x) and the linear predictor. */
    interface Predictor {
        double[] survivalAt(SurvivalData cases, double tau);

        double[] lp(SurvivalData cases);
    }

    Predictor fit(SurvivalData train);

    /** The Cox model (Firth on monotone likelihood). */
    static Learner cox(Design design, String strataColumn, Ties ties) {
        return train -> {
            CoxModel m = CoxModel.fit(train, design, strataColumn, ties, CoxModel.Firth.AUTO);
            return new Predictor() {
                @Override
                public double[] survivalAt(SurvivalData cases, double tau) {
                    return m.survivalAt(cases, tau);
                }

                @Override
                public double[] lp(SurvivalData cases) {
                    return m.lp(cases);
                }
            };
        };
    }
}
