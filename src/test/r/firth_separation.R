#!/usr/bin/env Rscript
# Writes the separated data set used by the Firth tests and the Firth estimates computed in R by
# direct maximisation of loglik(b) + log|I(b)|/2 (Heinze & Schemper 2001), with loglik and I(b)
# taken from coxph at fixed b (iter.max = 0). Usage: Rscript firth_separation.R OUT_DIR
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "src/test/resources/org/oncoconcord/survival"
set.seed(42)
n <- 80
x <- rep(c(1, 0), c(15, 65))
z <- round(rnorm(n), 3)
time <- ifelse(x == 1, sample(1:40, n, replace = TRUE), sample(41:400, n, replace = TRUE))
status <- ifelse(x == 1, 1, rbinom(n, 1, 0.6))
d <- data.frame(patient = sprintf("S%02d", 1:n), time = time, status = status, x = x, z = z)
write.csv(d, file.path(out, "firth_separation.csv"), row.names = FALSE, quote = FALSE)
pen <- function(b, ties) {
  f <- coxph(Surv(time, status) ~ x + z, data = d, init = b, ties = ties, control = coxph.control(iter.max = 0))
  f$loglik[2] - 0.5 * as.numeric(determinant(f$var, logarithm = TRUE)$modulus)
}
res <- NULL
for (ties in c("efron", "breslow")) {
  o <- optim(c(1, 0), function(b) -pen(b, ties), method = "BFGS", control = list(reltol = 1e-14, maxit = 1000))
  o <- optim(o$par, function(b) -pen(b, ties), method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 5000))
  ordinary <- suppressWarnings(coxph(Surv(time, status) ~ x + z, data = d, ties = ties))
  res <- rbind(res, data.frame(case = paste0("firth_", ties), key = c("coef:x", "coef:z", "penalized_loglik", "ordinary_coef:x"),
                               value = format(c(o$par, -o$value, coef(ordinary)[["x"]]), digits = 15)))
}
write.table(res, file.path(out, "firth_expected.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
print(res)
