# TRIPOD validation oracle for `survival validate`: colon trial (death), Cox on age, nodes, rx, sex.
# Apparent values exactly: Harrell's C (concordance), td-AUC and Brier at 730 days
# (riskRegression::Score, KM censoring), calibration slope, smoothed calibration ICI/E50/E90
# (Austin et al. 2020: coxph on rcs(cll, 3 knots at rms's quantiles) with the Efron-type baseline
# (survfit ctype = 2, survfit's default for an Efron fit and what cph + survest give); the model's own
# S(730|x) keeps the Breslow-type baseline (ctype = 1) as the tool uses; bootstrap-corrected Dxy and
# slope from rms::validate(B).
# Writes OUT/colon_death.csv and OUT/validate_expected.tsv (key value).
# Usage: Rscript validate_oracle.R OUT B
suppressMessages({library(survival); library(rms); library(riskRegression)})
args <- commandArgs(TRUE); out <- args[1]; B <- as.integer(args[2])
d <- subset(survival::colon, etype == 2, select = c(id, time, status, age, nodes, rx, sex))
d <- d[complete.cases(d), ]
d$rx <- as.character(d$rx)
write.csv(d, file.path(out, "colon_death.csv"), row.names = FALSE)
tau <- 730
fit <- coxph(Surv(time, status) ~ age + nodes + rx + sex, data = d, x = TRUE, y = TRUE)
keys <- c(); vals <- c()
put <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, v) }
put("apparent:harrell_c", concordance(fit)$concordance)
s <- summary(survfit(fit, newdata = d, ctype = 1), times = tau)$surv[1, ]
# the tool's prediction (Breslow-type baseline, ctype = 1) scored by riskRegression::Score
sc <- Score(list(cox = matrix(1 - s, ncol = 1)), formula = Surv(time, status) ~ 1, data = d, times = tau, metrics = c("auc", "brier"),
            cens.model = "km", null.model = TRUE, conf.int = FALSE)
put("apparent:td_auc", sc$AUC$score[model == "cox"]$AUC)
put("apparent:brier", sc$Brier$score[model == "cox"]$Brier)
for (i in 1:5) put(paste0("surv:", d$id[i]), s[i])
cll <- log(-log(s))
put("apparent:calibration_slope", coef(coxph(Surv(d$time, d$status) ~ cll))[1])
k <- quantile(cll, c(.1, .5, .9))
basis <- rcspline.eval(cll, knots = k, inclx = TRUE)
calfit <- coxph(Surv(d$time, d$status) ~ basis)
obs <- 1 - summary(survfit(calfit, newdata = data.frame(basis = I(basis)), ctype = 2), times = tau)$surv[1, ]
diff <- abs(obs - (1 - s))
put("smooth:ici", mean(diff)); put("smooth:e50", median(diff)); put("smooth:e90", quantile(diff, .9))
put("base:surv_at_zero", summary(survfit(fit, newdata = data.frame(age = 0, nodes = 0, rx = "Lev", sex = 0), ctype = 1), times = tau)$surv[1])
# decision curve (Vickers et al. 2008): treated = predicted risk >= pt, KM of the treated at tau
km <- function(keep) summary(survfit(Surv(time, status) ~ 1, data = d[keep, ]), times = tau)$surv
sall <- km(rep(TRUE, nrow(d)))
for (pt in c(0.2, 0.3, 0.4)) {
  tr <- (1 - s) >= pt; st <- km(tr)
  put(paste0("dca:net_benefit:", pt), (1 - st) * mean(tr) - st * mean(tr) * pt / (1 - pt))
  put(paste0("dca:treat_all:", pt), (1 - sall) - sall * pt / (1 - pt))
}
dd <- datadist(d); options(datadist = "dd")
cf <- cph(Surv(time, status) ~ age + nodes + rx + sex, data = d, x = TRUE, y = TRUE, surv = TRUE)
set.seed(20261202)
v <- validate(cf, method = "boot", B = B)
put("rms:dxy_apparent", v["Dxy", "index.orig"]); put("rms:dxy_corrected", v["Dxy", "index.corrected"])
put("rms:slope_corrected", v["Slope", "index.corrected"]); put("rms:n", v["Dxy", "n"])
write.table(data.frame(key = keys, value = sprintf("%.15g", vals)), file.path(out, "validate_expected.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
