# Cluster-robust Cox variance, for `survival cox --cluster`: R's retinopathy data (two eyes per
# patient, cluster = id) and the heart data ((start, stop] rows, cluster = id). Writes
# OUT/retinopathy.csv, OUT/heart.csv and OUT/robust_expected.tsv (key value).
# Usage: Rscript robust_oracle.R OUT
suppressMessages(library(survival))
out <- commandArgs(TRUE)[1]
r <- survival::retinopathy
r$argon <- as.integer(r$laser == "argon"); r$right <- as.integer(r$eye == "right")
write.csv(r[, c("id", "futime", "status", "trt", "argon", "right", "risk", "age")], file.path(out, "retinopathy.csv"), row.names = FALSE)
h <- survival::heart
h$transplant <- as.integer(as.character(h$transplant))
write.csv(h, file.path(out, "heart.csv"), row.names = FALSE)
keys <- c(); vals <- c()
put <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, v) }
fits <- list(
  retinopathy_efron = coxph(Surv(futime, status) ~ trt + argon + right + risk, data = r, cluster = id),
  retinopathy_breslow = coxph(Surv(futime, status) ~ trt + argon + right + risk, data = r, cluster = id, ties = "breslow"),
  retinopathy_strata = coxph(Surv(futime, status) ~ trt + argon + risk + strata(right), data = r, cluster = id),
  heart_efron = coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = h, cluster = id))
for (nm in names(fits)) {
  f <- fits[[nm]]
  se <- sqrt(diag(f$var)); names(se) <- names(coef(f))
  for (term in names(coef(f))) { put(paste0(nm, ":coef:", term), coef(f)[[term]]); put(paste0(nm, ":robust_se:", term), se[[term]]) }
  put(paste0(nm, ":wald"), f$wald.test)
  if (is.null(f$naive.var)) next
  put(paste0(nm, ":rsq"), summary(f)$rsq[["rsq"]]); put(paste0(nm, ":maxrsq"), summary(f)$rsq[["maxrsq"]])
}
write.table(data.frame(key = keys, value = sprintf("%.15g", vals)), file.path(out, "robust_expected.tsv"),
            sep = "\t", quote = FALSE, row.names = FALSE)
