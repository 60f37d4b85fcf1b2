#!/usr/bin/env Rscript
# Regenerates the expected values the survival tests compare against (R's survival and glmnet as
# the oracle). Usage: Rscript survival_oracle.R SHARED_DATA_DIR OUT_FILE
# Output: a long TSV  case <tab> key <tab> value  (full precision). Needs r-cran-survival, r-cran-glmnet.
suppressPackageStartupMessages({ library(survival); library(glmnet) })
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) >= 1) args[1] else "../shared/data"
outfile <- if (length(args) >= 2) args[2] else "src/test/resources/org/oncoconcord/survival/r_expected.tsv"
res <- list()
put <- function(case, key, value) {
  res[[length(res) + 1]] <<- data.frame(case = case, key = key, value = format(value, digits = 15, scientific = FALSE, trim = TRUE),
                                        stringsAsFactors = FALSE)
}

colon <- read.csv(file.path(shared, "survival/colon.csv"))
death <- read.csv(file.path(shared, "survival/colon_death_etype2.csv"))
tcga <- read.delim(file.path(shared, "tcga_crc/tcga_coadread_analysis_set.tsv"))
death$rx <- factor(death$rx, levels = c("Obs", "Lev", "Lev+5FU"))
recur <- colon[colon$etype == 1, ]
recur$rx <- factor(recur$rx, levels = c("Obs", "Lev", "Lev+5FU"))

cox_case <- function(case, fit) {
  cf <- coef(fit); se <- sqrt(diag(vcov(fit)))
  for (t in names(cf)) { put(case, paste0("coef:", t), cf[[t]]); put(case, paste0("se:", t), se[[t]]) }
  put(case, "n", fit$n); put(case, "events", fit$nevent)
  put(case, "loglik_null", fit$loglik[1]); put(case, "loglik", fit$loglik[2])
  put(case, "lr", 2 * diff(fit$loglik)); put(case, "wald", fit$wald.test); put(case, "score", fit$score)
  cc <- concordance(fit)
  put(case, "c", cc$concordance); put(case, "c_se", sqrt(cc$var))
}
f <- Surv(time, status) ~ rx + sex + age + obstruct + nodes + differ + extent + surg
fit_death <- coxph(f, data = death)
cox_case("colon_death_efron", fit_death)
cox_case("colon_death_breslow", coxph(f, data = death, ties = "breslow"))
cox_case("colon_death_strata_surg", coxph(Surv(time, status) ~ rx + sex + age + obstruct + nodes + differ + extent + strata(surg), data = death))
cox_case("colon_recurrence_efron", coxph(f, data = recur))
cox_case("colon_death_strata_sex_surg", coxph(Surv(time, status) ~ rx + age + obstruct + nodes + differ + extent + strata(sex, surg), data = death))
dfac <- death; dfac$differ <- factor(dfac$differ)
cox_case("colon_death_factor_differ_breslow", coxph(Surv(time, status) ~ rx + age + nodes + differ, data = dfac, ties = "breslow"))
tc <- tcga; tc$stage <- factor(tc$stage)
ftc <- Surv(OS.time, OS) ~ age + male + stage + KRAS_hotspot + BRAF_V600E + TP53 + APC + hypermutated
cox_case("tcga_os_efron", coxph(ftc, data = tc))
cox_case("tcga_os_breslow_strata_cohort", coxph(update(ftc, . ~ . + strata(cohort)), data = tc, ties = "breslow"))
# stage as a factor with reference III (the --ref-level override)
tc3 <- tc; tc3$stage <- relevel(tc3$stage, ref = "III")
cox_case("tcga_os_stage_ref_III", coxph(Surv(OS.time, OS) ~ age + stage, data = tc3))

# Kaplan-Meier at fixed times, three CI scales; medians; log-rank and Peto-Peto
km_case <- function(case, formula, data, times) {
  for (ct in c("log", "log-log", "plain")) {
    s <- summary(survfit(formula, data = data, conf.type = ct), times = times, extend = FALSE)
    g <- if (is.null(s$strata)) rep("all", length(s$time)) else sub("^[^=]*=", "", as.character(s$strata))
    for (i in seq_along(s$time)) {
      k <- paste0(ct, ":", g[i], ":", s$time[i])
      put(case, paste0(k, ":surv"), s$surv[i]); put(case, paste0(k, ":se"), s$std.err[i])
      put(case, paste0(k, ":lower"), s$lower[i]); put(case, paste0(k, ":upper"), s$upper[i])
      put(case, paste0(k, ":n_risk"), s$n.risk[i]); put(case, paste0(k, ":n_event"), s$n.event[i])
    }
  }
  tab <- summary(survfit(formula, data = data))$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  gn <- if (nrow(tab) == 1 && is.null(rownames(tab))) "all" else sub("^[^=]*=", "", rownames(tab))
  for (i in seq_len(nrow(tab))) {
    put(case, paste0("median:", gn[i]), tab[i, "median"]); put(case, paste0("median_lower:", gn[i]), tab[i, "0.95LCL"])
    put(case, paste0("median_upper:", gn[i]), tab[i, "0.95UCL"])
  }
  if (length(all.vars(formula)) > 2) {
    lr <- survdiff(formula, data = data); pp <- survdiff(formula, data = data, rho = 1)
    put(case, "logrank_chi2", lr$chisq); put(case, "logrank_df", length(lr$n) - 1)
    put(case, "peto_chi2", pp$chisq)
  }
}
km_case("km_colon_death_rx", Surv(time, status) ~ rx, death, c(365, 730, 1825))
km_case("km_colon_recurrence_rx", Surv(time, status) ~ rx, recur, c(365, 730, 1825))
km_case("km_tcga_stage", Surv(OS.time, OS) ~ stage, tc, c(365, 730, 1825))
km_case("km_tcga_all", Surv(OS.time, OS) ~ 1, tc, c(365, 730, 1825))
sl <- survdiff(Surv(time, status) ~ rx + strata(sex), data = death)
put("km_colon_death_rx_strata_sex", "logrank_chi2", sl$chisq)

# S(730 | x) from the Breslow baseline (ctype = 1) for the first 20 complete cases of the death model
cc <- death[complete.cases(death[, all.vars(f)]), ]
sf <- survfit(fit_death, newdata = cc[1:20, ], ctype = 1)
s730 <- summary(sf, times = 730)$surv
for (i in 1:20) put("predict_colon_death", paste0("surv730:", cc$id[i]), s730[i])
fit_tcs <- coxph(update(ftc, . ~ . + strata(cohort)), data = tc)
cct <- tc[complete.cases(tc[, c(all.vars(ftc), "cohort")]), ]
sft <- survfit(fit_tcs, newdata = cct[1:10, ], ctype = 1)
for (i in 1:10) {
  st <- cct$cohort[i]
  ss <- summary(sft[i], times = 730)  # each patient's own stratum curve
  put("predict_tcga_strata", paste0("surv730:", cct$patient[i]), ss$surv[1])
}

# Accuracy at a horizon, from the literature's IPCW formulas (hand-coded), for a model fitted on
# the death rows with rx, nodes, extent and evaluated on the recurrence rows' patients with death times
acc_case <- function(case, time, status, surv, tau, kmnull) {
  n <- length(time)
  gfit <- survfit(Surv(time, 1 - status) ~ 1)
  Gminus <- function(t) { s <- c(1, gfit$surv); s[findInterval(t, gfit$time, left.open = TRUE) + 1] }  # G(t-)
  Gat <- function(t) { s <- c(1, gfit$surv); s[findInterval(t, gfit$time) + 1] }                      # G(t)
  cases <- time <= tau & status == 1; ctrl <- time > tau
  wi <- 1 / Gminus(time[cases]); wj <- 1 / Gat(tau)
  risk <- 1 - surv
  num <- 0
  for (a in which(cases)) num <- num + (1 / Gminus(time[a])) * wj * (sum(risk[a] > risk[ctrl]) + 0.5 * sum(risk[a] == risk[ctrl]))
  auc <- num / (sum(wi) * wj * sum(ctrl))
  brier <- mean(ifelse(cases, surv^2 / Gminus(time), 0) + ifelse(ctrl, (1 - surv)^2 / Gat(tau), 0))
  bnull <- mean(ifelse(cases, kmnull^2 / Gminus(time), 0) + ifelse(ctrl, (1 - kmnull)^2 / Gat(tau), 0))
  uno <- concordance(Surv(time, status) ~ risk, timewt = "n/G2", ymax = tau, reverse = TRUE)$concordance
  cll <- log(-log(surv))
  slope <- coef(coxph(Surv(time, status) ~ cll))[[1]]
  k <- quantile(cll, c(0.1, 0.5, 0.9), names = FALSE, type = 7)
  pp <- function(x) pmax(x, 0)^3
  nl <- (pp(cll - k[1]) - pp(cll - k[2]) * (k[3] - k[1]) / (k[3] - k[2]) + pp(cll - k[3]) * (k[2] - k[1]) / (k[3] - k[2])) / (k[3] - k[1])^2
  cal <- coxph(Surv(time, status) ~ cll + nl)
  obs <- 1 - summary(survfit(cal, newdata = data.frame(cll = cll, nl = nl), ctype = 2), times = tau)$surv
  ici <- mean(abs(as.numeric(obs) - (1 - surv)))
  put(case, "auc", auc); put(case, "brier", brier); put(case, "brier_null", bnull); put(case, "scaled_brier", 1 - brier / bnull)
  put(case, "uno_c", uno); put(case, "cal_slope", slope); put(case, "ici", ici)
}
train <- death[death$id %% 2 == 1, ]; test <- death[death$id %% 2 == 0, ]
train <- train[complete.cases(train[, c("time", "status", "rx", "nodes", "extent")]), ]
fa <- coxph(Surv(time, status) ~ rx + nodes + extent, data = train)
test <- test[complete.cases(test[, c("time", "status", "rx", "nodes", "extent")]), ]
sa <- as.numeric(summary(survfit(fa, newdata = test, ctype = 1), times = 730)$surv)
kmn <- summary(survfit(Surv(time, status) ~ 1, data = train), times = 730)$surv
acc_case("accuracy_colon_split", test$time, test$status, sa, 730, kmn)
for (i in 1:5) put("accuracy_colon_split", paste0("surv730:", test$id[i]), sa[i])

# Elastic-net Cox path (glmnet, Breslow partial likelihood), fixed lambda grid, on the TCGA set
tg <- tc[complete.cases(tc[, c("OS.time", "OS", "age", "male", "KRAS", "NRAS", "BRAF", "PIK3CA", "APC", "TP53", "SMAD4", "hypermutated")]), ]
tg <- tg[tg$OS.time > 0, ]
# glmnet's Fortran handles tied times in its own way (neither exactly Breslow nor Efron): untie them
# deterministically (row i of the complete cases gets + i/10000 days) so both sides fit the same likelihood
tg$OS.time <- tg$OS.time + seq_len(nrow(tg)) / 10000
xg <- as.matrix(tg[, c("age", "male", "KRAS", "NRAS", "BRAF", "PIK3CA", "APC", "TP53", "SMAD4", "hypermutated")])
for (alpha in c(1, 0.5)) {
  gf <- glmnet(xg, Surv(tg$OS.time, tg$OS), family = "cox", alpha = alpha, nlambda = 30, thresh = 1e-14,
               penalty.factor = c(0, 0, rep(1, 8)))
  case <- paste0("glmnet_tcga_alpha", alpha)
  put(case, "n", nrow(xg))
  for (l in seq_along(gf$lambda)) {
    put(case, paste0("lambda:", l), gf$lambda[l])
    for (v in rownames(gf$beta)) put(case, paste0("beta:", l, ":", v), gf$beta[v, l])
  }
}
# cv.glmnet's grouped partial-likelihood deviance with fixed folds (case i in fold (i - 1) %% 5 + 1)
foldid <- (seq_len(nrow(xg)) - 1) %% 5 + 1
cvf <- cv.glmnet(xg, Surv(tg$OS.time, tg$OS), family = "cox", alpha = 1, nlambda = 30, thresh = 1e-14,
                 penalty.factor = c(0, 0, rep(1, 8)), foldid = foldid, grouped = TRUE)
for (l in seq_along(cvf$lambda)) {
  put("cvglmnet_tcga_alpha1", paste0("lambda:", l), cvf$lambda[l])
  put("cvglmnet_tcga_alpha1", paste0("cvm:", l), cvf$cvm[l]); put("cvglmnet_tcga_alpha1", paste0("cvsd:", l), cvf$cvsd[l])
}
# the same grouped deviance computed from glmnet's own fold fits by its definition
# (cv.glmnet's reported cvm differs from this by ~4e-5 relative on these data)
ll <- function(xx, yy, b) { eta <- drop(xx %*% b); o <- order(yy[, 1]); eta <- eta[o]; d <- yy[o, 2]
  sum(d * (eta - log(rev(cumsum(rev(exp(eta))))))) }
yg <- Surv(tg$OS.time, tg$OS); dev <- matrix(0, 5, length(cvf$lambda)); ev <- numeric(5)
for (k in 1:5) {
  w <- foldid != k
  fk <- glmnet(xg[w, ], yg[w], family = "cox", alpha = 1, lambda = cvf$lambda, thresh = 1e-14, penalty.factor = c(0, 0, rep(1, 8)))
  for (l in seq_along(cvf$lambda)) { b <- as.matrix(fk$beta[, l]); dev[k, l] <- -2 * (ll(xg, yg, b) - ll(xg[w, ], yg[w], b)) }
  ev[k] <- sum(tg$OS[!w])
}
for (l in seq_along(cvf$lambda)) put("cvglmnet_tcga_alpha1", paste0("cvm_definition:", l), sum(dev[, l]) / sum(ev))
put("cvglmnet_tcga_alpha1", "lambda.min", cvf$lambda.min); put("cvglmnet_tcga_alpha1", "lambda.1se", cvf$lambda.1se)
out <- do.call(rbind, res)
write.table(out, outfile, sep = "\t", quote = FALSE, row.names = FALSE)
cat("wrote", nrow(out), "values to", outfile, "\n")
