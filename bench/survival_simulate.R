#!/usr/bin/env Rscript
# Simulated cohort for the Cox benchmark: N patients x 20 covariates (10 normal, 5 binary,
# 5 counts), exponential event times with known log hazard ratios, uniform censoring, whole days
# (so there are tied times). Usage: Rscript survival_simulate.R N OUT.csv [SEED]
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); out <- args[2]; seed <- if (length(args) >= 3) as.integer(args[3]) else 1
set.seed(seed)
x <- cbind(matrix(rnorm(n * 10), n), matrix(rbinom(n * 5, 1, 0.3), n), matrix(rpois(n * 5, 2), n))
colnames(x) <- sprintf("x%02d", 1:20)
beta <- c(seq(-0.5, 0.5, length.out = 10), c(0.7, -0.4, 0, 0.2, 0.5), c(0.1, -0.1, 0.05, 0, 0.2))
t <- rexp(n, 0.0005 * exp(drop(x %*% beta)))
c <- runif(n, 0, 3000)
d <- data.frame(patient = sprintf("P%06d", 1:n), time = pmax(1, ceiling(pmin(t, c))), status = as.integer(t <= c), x)
write.csv(d, out, row.names = FALSE, quote = FALSE)
