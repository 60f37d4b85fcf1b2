#!/usr/bin/env Rscript
# Oracle of the landmark analysis (survival --landmark COL): R's coxph on the rows with COL known and
# time > COL, with time - COL as follow-up. Usage: Rscript landmark_oracle.R IN.csv OUT.tsv
# IN.csv: id,time,status,rec_time,rx,age,nodes (rec_time empty when unknown).
# Output: key <tab> value (full precision): counts of the subset, then the coefficients and
# standard errors of four models: landmark multivariable (rx + age + nodes), landmark univariable
# nodes, baseline univariable age (all rows, time from 0), landmark Kaplan-Meier at 365 days.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], na.strings = c("", "NA"))
d$rx <- factor(d$rx, levels = c("Obs", "Lev", "Lev+5FU"))
out <- list()
put <- function(key, value) out[[length(out) + 1]] <<- data.frame(key = key, value = format(value, digits = 15, scientific = FALSE, trim = TRUE))
put("rows", nrow(d))
put("missing_landmark", sum(is.na(d$rec_time)))
known <- d[!is.na(d$rec_time), ]
put("not_at_risk", sum(known$time <= known$rec_time))
put("not_at_risk_events", sum(known$time <= known$rec_time & known$status == 1))
lm <- known[known$time > known$rec_time, ]
lm$time <- lm$time - lm$rec_time
put("kept", nrow(lm))
model <- function(prefix, fit) {
  cf <- coef(fit); se <- sqrt(diag(vcov(fit)))
  for (t in names(cf)) { put(paste0(prefix, ":coef:", t), cf[[t]]); put(paste0(prefix, ":se:", t), se[[t]]) }
  put(paste0(prefix, ":n"), fit$n); put(paste0(prefix, ":events"), fit$nevent)
  put(paste0(prefix, ":loglik"), fit$loglik[2])
}
model("multi", coxph(Surv(time, status) ~ rx + age + nodes, data = lm))
model("uni_nodes", coxph(Surv(time, status) ~ nodes, data = lm))
model("uni_age", coxph(Surv(time, status) ~ age, data = d))
s <- summary(survfit(Surv(time, status) ~ 1, data = lm), times = 365)
put("km:surv365", s$surv); put("km:n_risk365", s$n.risk)
write.table(do.call(rbind, out), args[2], sep = "\t", quote = FALSE, row.names = FALSE)
