# Writes a survival-results fixture in the formats of docs/CONTRACTS.md / issue 6 for the report tests:
# os/km_ras_mutant_primary, os/km_any_driver_metastasis_new (km.tsv + logrank.json),
# os/cox_uni_ras_mutant_primary, os/cox (the pipeline layout) (coefficients.tsv + model.json), os/cv (cv.json + cv_predictions.tsv).
# Usage: Rscript make_survival_fixture.R OUTDIR
suppressPackageStartupMessages(library(survival))
out <- commandArgs(trailingOnly = TRUE)[1]
set.seed(11)
n <- 160
d <- data.frame(ras = rbinom(n, 1, 0.42), newmet = rbinom(n, 1, 0.35), age = round(rnorm(n, 64, 9)))
rate <- 1 / 1500 * exp(0.5 * d$ras + 0.6 * d$newmet + 0.02 * (d$age - 64))
t <- rexp(n, rate); cens <- runif(n, 300, 2200)
d$time <- round(pmin(t, cens)); d$event <- as.integer(t <= cens)
at <- c(0, 365, 730, 1095, 1460, 1825)
# the self-describing block that ends every survival JSON (docs/CONTRACTS.md, survival)
analysis <- function(kind, feature, group, covs, horizon = NULL) {
  q <- function(x) if (is.null(x)) "null" else paste0('"', x, '"')
  sprintf('"analysis": {"kind": "%s", "feature": %s, "endpoint": {"time": "os", "event": "os_event", "start": null, "cause": null}, "covariates": [%s], "splines": [], "interactions": [], "group": %s, "strata": null, "landmark": null, "horizon": %s}',
          kind, q(feature), if (length(covs)) paste0('"', covs, '"', collapse = ", ") else "", q(group), if (is.null(horizon)) "null" else horizon)
}
km <- function(col, dir, group) {
  dir.create(file.path(out, dir), recursive = TRUE, showWarnings = FALSE)
  g <- factor(d[[col]], labels = c("0", "1"))
  fit <- survfit(Surv(time, event) ~ g, data = d)
  rows <- list()
  for (lev in levels(g)) {
    f <- survfit(Surv(time, event) ~ 1, data = d[g == lev, ])
    s <- summary(f)
    rows[[length(rows) + 1]] <- data.frame(group = lev, time = s$time, n_risk = s$n.risk, n_event = s$n.event, surv = s$surv,
                                           se = s$std.err, lower = s$lower, upper = s$upper, kind = "event")
    a <- summary(f, times = at, extend = TRUE)
    rows[[length(rows) + 1]] <- data.frame(group = lev, time = a$time, n_risk = a$n.risk, n_event = a$n.event, surv = a$surv,
                                           se = a$std.err, lower = a$lower, upper = a$upper, kind = "at")
  }
  write.table(do.call(rbind, rows), file.path(out, dir, "km.tsv"), sep = "\t", quote = FALSE, row.names = FALSE, na = "NA")
  sd <- survdiff(Surv(time, event) ~ g, data = d)
  p <- pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE)
  writeLines(sprintf('{"test": "log-rank", "chi2": %.10g, "df": %d, "p": %.10g, "groups": ["0", "1"], "n": %d, "events": %d, "group": "%s", %s}',
                     sd$chisq, length(sd$n) - 1L, p, n, sum(d$event), group, analysis("km", NULL, group, character(0))),
             file.path(out, dir, "logrank.json"))
}
km("ras", "os/km_ras_mutant_primary", "ras_mutant_primary")
km("newmet", "os/km_any_driver_metastasis_new", "any_driver_metastasis_new")
cox <- function(formula, dir, kind, feature = NULL) {
  dir.create(file.path(out, dir), recursive = TRUE, showWarnings = FALSE)
  fit <- coxph(formula, data = d, ties = "efron")
  s <- summary(fit)$coefficients; ci <- summary(fit)$conf.int
  tab <- data.frame(term = rownames(s), coef = s[, "coef"], se = s[, "se(coef)"], hr = s[, "exp(coef)"],
                    hr_lower = ci[, "lower .95"], hr_upper = ci[, "upper .95"], z = s[, "z"], p = s[, "Pr(>|z|)"])
  write.table(tab, file.path(out, dir, "coefficients.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
  sm <- summary(fit)
  covs <- attr(terms(formula), "term.labels")
  writeLines(sprintf('{"n": %d, "events": %d, "ties": "efron", "loglik_null": %.10g, "loglik": %.10g, "lr_test": {"chi2": %.10g, "df": %d, "p": %.10g}, "concordance": {"c": %.10g, "se": %.10g}, "covariates": [%s], %s}',
                     fit$n, fit$nevent, fit$loglik[1], fit$loglik[2], sm$logtest["test"], as.integer(sm$logtest["df"]), sm$logtest["pvalue"],
                     sm$concordance[1], sm$concordance[2], paste0('"', covs, '"', collapse = ", "), analysis(kind, feature, NULL, covs)),
             file.path(out, dir, "model.json"))
  fit
}
names(d)[names(d) == "ras"] <- "ras_mutant_primary"; names(d)[names(d) == "newmet"] <- "any_driver_metastasis_new"
cox(Surv(time, event) ~ ras_mutant_primary, "os/cox_uni_ras_mutant_primary", "cox_univariable", "ras_mutant_primary")
fit <- cox(Surv(time, event) ~ ras_mutant_primary + any_driver_metastasis_new + age, "os/cox", "cox")
# Predictions at 730 days for the calibration plot (in-sample here: a fixture, not an accuracy claim)
dir.create(file.path(out, "os/cv"), recursive = TRUE, showWarnings = FALSE)
sf <- survfit(fit, newdata = d)
risk <- 1 - as.numeric(summary(sf, times = 730, extend = TRUE)$surv)
write.table(data.frame("repeat" = 1, fold = rep(1:5, length.out = n), id = sprintf("P%03d", seq_len(n)), time = d$time,
                       event = d$event, lp = predict(fit), surv = 1 - risk, risk = risk, check.names = FALSE), file.path(out, "os/cv/cv_predictions.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
# cv.json in the shape 'survival cv' writes (values made up for the fixture: the report only draws them)
writeLines(paste0('{"horizon": 730, "folds": 5, "repeats": 3, "n": 160, "events": 110,
 "metrics": {
  "auc": {"mean": 0.6623, "sd": 0.0096, "per_repeat": [0.664, 0.652, 0.671]},
  "uno_c": {"mean": 0.6407, "sd": 0.0075, "per_repeat": [0.641, 0.633, 0.648]},
  "brier": {"mean": 0.1873, "sd": 0.0025, "per_repeat": [0.187, 0.190, 0.185]},
  "brier_null": {"mean": 0.2013, "sd": 0.0, "per_repeat": [0.2013, 0.2013, 0.2013]},
  "scaled_brier": {"mean": 0.0697, "sd": 0.0111, "per_repeat": [0.071, 0.058, 0.080]},
  "cal_slope": {"mean": 0.8733, "sd": 0.0603, "per_repeat": [0.88, 0.81, 0.93]},
  "ici": {"mean": 0.0313, "sd": 0.0045, "per_repeat": [0.031, 0.036, 0.027]}},
 "held_out": null,\n ', analysis("cv", NULL, NULL, c("ras_mutant_primary", "any_driver_metastasis_new", "age"), 730), '}'),
 file.path(out, "os/cv/cv.json"))
