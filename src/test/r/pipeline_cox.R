#!/usr/bin/env Rscript
# Oracle of the pipeline's published survival models: R's coxph on the published cohort/features.tsv.
# Usage: Rscript pipeline_cox.R FEATURES.tsv COVARIATES LANDMARK OUT.tsv
# For each endpoint (os_days/os_event, rfs_days/rfs_event when present): the multivariable model on
# COVARIATES (comma-separated; text columns are factors with R's default sorted levels) from time 0,
# and the univariable n_metastasis_new model from the LANDMARK column (rows with it known and time >
# it, time measured from it). Output: key <tab> value, keys ENDPOINT:multi|landmark_n_new:coef|se:TERM, :n, :events.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.delim(args[1], na.strings = c("", "NA", "NaN", "."), stringsAsFactors = TRUE)
covs <- strsplit(args[2], ",")[[1]]
landmark <- args[3]
out <- list()
put <- function(key, value) out[[length(out) + 1]] <<- data.frame(key = key, value = format(value, digits = 15, scientific = FALSE, trim = TRUE))
model <- function(prefix, fit) {
  cf <- coef(fit); se <- sqrt(diag(vcov(fit)))
  for (t in names(cf)) { put(paste0(prefix, ":coef:", t), cf[[t]]); put(paste0(prefix, ":se:", t), se[[t]]) }
  put(paste0(prefix, ":n"), fit$n); put(paste0(prefix, ":events"), fit$nevent)
}
for (ep in list(c("os_days", "os_event"), c("rfs_days", "rfs_event"))) {
  if (!all(ep %in% names(d))) next
  f <- as.formula(paste0("Surv(", ep[1], ", ", ep[2], ") ~ ", paste(covs, collapse = " + ")))
  model(paste0(ep[1], ":multi"), coxph(f, data = d))
  if (landmark %in% names(d) && "n_metastasis_new" %in% names(d)) {
    lm <- d[!is.na(d[[landmark]]) & !is.na(d[[ep[1]]]) & d[[ep[1]]] > d[[landmark]], ]
    if (nrow(lm) > 0 && sum(lm[[ep[2]]], na.rm = TRUE) > 0) {
      lm$t <- lm[[ep[1]]] - lm[[landmark]]
      model(paste0(ep[1], ":landmark_n_new"), coxph(as.formula(paste0("Surv(t, ", ep[2], ") ~ n_metastasis_new")), data = lm))
    }
  }
}
write.table(do.call(rbind, out), args[4], sep = "\t", quote = FALSE, row.names = FALSE)
