# Counting-process Cox models on R's Stanford heart transplant data (survival::heart, jasa1 form:
# (start, stop] rows, transplant a time-varying covariate). Writes OUT/heart.csv and
# OUT/heart_expected.tsv (key value) for `survival cox --start`.
# Usage: Rscript counting_process_oracle.R OUT
suppressMessages(library(survival))
out <- commandArgs(TRUE)[1]
h <- survival::heart
h$transplant <- as.integer(as.character(h$transplant))
write.csv(h, file.path(out, "heart.csv"), row.names = FALSE)
keys <- c(); vals <- c()
put <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, v) }
for (ties in c("efron", "breslow")) {
  f <- coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = h, ties = ties)
  for (term in names(coef(f))) {
    put(paste0(ties, ":coef:", term), coef(f)[[term]])
    put(paste0(ties, ":se:", term), sqrt(diag(vcov(f)))[which(names(coef(f)) == term)])
  }
  put(paste0(ties, ":loglik_null"), f$loglik[1]); put(paste0(ties, ":loglik"), f$loglik[2])
  put(paste0(ties, ":score"), f$score); put(paste0(ties, ":n"), f$n); put(paste0(ties, ":events"), f$nevent)
}
# stratified by surgery
f <- coxph(Surv(start, stop, event) ~ age + year + transplant + strata(surgery), data = h)
for (term in names(coef(f))) put(paste0("strata:coef:", term), coef(f)[[term]])
put("strata:loglik", f$loglik[2])
write.table(data.frame(key = keys, value = sprintf("%.15g", vals)), file.path(out, "heart_expected.tsv"),
            sep = "\t", quote = FALSE, row.names = FALSE)
