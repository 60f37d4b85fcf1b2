#!/usr/bin/env Rscript
# The R side of the benchmark: read the CSV, fit coxph (Efron) on the 20 covariates, Harrell's C,
# write the coefficients. Prints read and fit times on stderr. Usage: Rscript survival_coxph.R IN.csv OUT.tsv
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
t0 <- proc.time()[["elapsed"]]
d <- read.csv(args[1])
t1 <- proc.time()[["elapsed"]]
f <- as.formula(paste("Surv(time, status) ~", paste(sprintf("x%02d", 1:20), collapse = " + ")))
fit <- coxph(f, data = d)
cc <- concordance(fit)
t2 <- proc.time()[["elapsed"]]
write.table(data.frame(term = names(coef(fit)), coef = coef(fit), se = sqrt(diag(vcov(fit)))), args[2], sep = "\t", quote = FALSE, row.names = FALSE)
message(sprintf("R: read %.2fs, coxph + concordance %.2fs, C = %.5f", t1 - t0, t2 - t1, cc$concordance))
