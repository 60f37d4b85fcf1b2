# Competing-risks oracles for `survival cif` (Gray's test), `survival crr` (Fine-Gray) and
# `survival cox --cause K` (cause-specific Cox):
#  - mgus2: cause 1 = progression to plasma-cell malignancy, 2 = death without it; months (many ties);
#  - sim: a cmprsk-style simulated set (3 causes, 3 groups, 2 strata, times rounded for ties).
# Writes OUT/mgus2_cr.csv, OUT/sim_cr.csv and OUT/competing_expected.tsv (key value).
# Usage: Rscript competing_oracle.R OUT
suppressMessages({library(survival); library(cmprsk)})
out <- commandArgs(TRUE)[1]
keys <- c(); vals <- c()
put <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, v) }

m <- survival::mgus2
m$etime <- ifelse(m$pstat == 0, m$futime, m$ptime)
m$status <- ifelse(m$pstat == 0, 2 * m$death, 1)
m <- m[, c("id", "etime", "status", "sex", "age", "hgb", "creat")]
write.csv(m, file.path(out, "mgus2_cr.csv"), row.names = FALSE)

set.seed(20261202)
n <- 240
grp <- sample(c("a", "b", "c"), n, replace = TRUE)
st <- sample(c("s1", "s2"), n, replace = TRUE)
x1 <- round(rnorm(n), 2)
lp <- 0.5 * x1 + ifelse(grp == "b", 0.4, ifelse(grp == "c", -0.3, 0))
t1 <- rexp(n, 0.10 * exp(lp)); t2 <- rexp(n, 0.07); t3 <- rexp(n, 0.03 * exp(-lp)); cens <- runif(n, 2, 20)
tt <- pmin(t1, t2, t3, cens)
cause <- ifelse(tt == cens, 0, ifelse(tt == t1, 1, ifelse(tt == t2, 2, 3)))
sim <- data.frame(id = seq_len(n), time = ceiling(tt * 2) / 2, status = cause, grp = grp, st = st, x1 = x1)
write.csv(sim, file.path(out, "sim_cr.csv"), row.names = FALSE)

# Gray's test: cuminc()$Tests (stat, pv, df) per cause
gray <- function(name, ci) {
  tst <- ci$Tests
  for (r in rownames(tst)) {
    put(paste0("gray:", name, ":", r, ":stat"), tst[r, "stat"])
    put(paste0("gray:", name, ":", r, ":p"), tst[r, "pv"])
    put(paste0("gray:", name, ":", r, ":df"), tst[r, "df"])
  }
}
gray("mgus2_sex", cuminc(m$etime, m$status, m$sex))
gray("sim_grp", cuminc(sim$time, sim$status, sim$grp))
gray("sim_grp_strata", cuminc(sim$time, sim$status, sim$grp, strata = sim$st))

# Fine-Gray: crr with the default censoring weights (KM of censoring), no time-varying terms
fg <- function(name, d, formula, time, status, failcode) {
  mf <- model.frame(formula, d)
  x <- model.matrix(formula, mf)[, -1, drop = FALSE]
  ok <- complete.cases(d[, all.vars(formula)])
  f <- crr(d[[time]][ok], d[[status]][ok], x, failcode = failcode)
  se <- sqrt(diag(f$var))
  for (j in seq_along(f$coef)) {
    tn <- colnames(x)[j]
    put(paste0("crr:", name, ":coef:", tn), f$coef[j])
    put(paste0("crr:", name, ":se:", tn), se[j])
    put(paste0("crr:", name, ":p:", tn), 2 * pnorm(-abs(f$coef[j] / se[j])))
    put(paste0("crr:", name, ":lower:", tn), exp(f$coef[j] - qnorm(0.975) * se[j]))
  }
  put(paste0("crr:", name, ":loglik"), f$loglik)
  put(paste0("crr:", name, ":loglik_null"), f$loglik.null)
  put(paste0("crr:", name, ":n"), f$n)
  put(paste0("crr:", name, ":converged"), as.numeric(f$converged))
}
fg("mgus2_c1", m, ~ age + sex + hgb, "etime", "status", 1)
fg("mgus2_c2", m, ~ age + sex + creat, "etime", "status", 2)
fg("sim_c1", sim, ~ x1 + grp, "time", "status", 1)
fg("sim_c3", sim, ~ x1 + grp, "time", "status", 3)

# Cause-specific Cox: coxph(Surv(time, status == K) ~ ...), Efron
cs <- function(name, f) {
  s <- summary(f)$coefficients
  for (tn in rownames(s)) {
    put(paste0("cs:", name, ":coef:", tn), s[tn, "coef"])
    put(paste0("cs:", name, ":se:", tn), s[tn, "se(coef)"])
  }
  put(paste0("cs:", name, ":events"), f$nevent)
  put(paste0("cs:", name, ":lr"), 2 * diff(f$loglik))
}
cs("mgus2_c1", coxph(Surv(etime, status == 1) ~ age + sex + hgb, data = m))
cs("mgus2_c2", coxph(Surv(etime, status == 2) ~ age + sex + hgb, data = m))
cs("sim_c3", coxph(Surv(time, status == 3) ~ x1 + grp, data = sim))
write.table(data.frame(key = keys, value = sprintf("%.15g", vals)), file.path(out, "competing_expected.tsv"),
            sep = "\t", quote = FALSE, row.names = FALSE)
