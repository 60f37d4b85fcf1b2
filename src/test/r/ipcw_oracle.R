# IPCW accuracy at a horizon when deaths and censorings share times (days rounded to months):
# riskRegression::Score (td-AUC, Brier) and survival::concordance(timewt = "n/G2") overall and
# within strata. Writes OUT/ipcw.csv (time, status, surv, g) and OUT/ipcw_expected.tsv (key value).
# Usage: Rscript ipcw_oracle.R OUT
suppressMessages({library(survival); library(riskRegression)})
out <- commandArgs(TRUE)[1]
set.seed(5)
n <- 150
x <- rnorm(n)
t <- ceiling(rexp(n, 0.002 * exp(0.7 * x)) / 30) * 30
c <- ceiling(runif(n, 0, 1500) / 30) * 30
d <- data.frame(time = pmin(t, c), status = as.integer(t <= c))
d$surv <- exp(-0.0015 * 720 * exp(0.6 * x))
d$g <- rep(1:2, length.out = n)
tau <- 720
stopifnot(any(duplicated(paste(d$time[d$status == 1]))), length(intersect(d$time[d$status == 1], d$time[d$status == 0])) > 5)
sc <- Score(list(m = matrix(1 - d$surv, ncol = 1)), formula = Surv(time, status) ~ 1, data = d, times = tau,
            metrics = c("auc", "brier"), cens.model = "km", null.model = FALSE, se.fit = FALSE)
uno <- concordance(Surv(time, status) ~ I(1 - surv), data = d, timewt = "n/G2", ymax = tau, reverse = TRUE)$concordance
uno_s <- concordance(Surv(time, status) ~ I(1 - surv) + strata(g), data = d, timewt = "n/G2", ymax = tau, reverse = TRUE)$concordance
write.csv(d, file.path(out, "ipcw.csv"), row.names = FALSE)
v <- c(auc = sc$AUC$score$AUC[1], brier = sc$Brier$score$Brier[1], uno_c = uno, uno_c_strata = uno_s)
write.table(data.frame(key = names(v), value = sprintf("%.15g", v)), file.path(out, "ipcw_expected.tsv"),
            sep = "\t", quote = FALSE, row.names = FALSE)
