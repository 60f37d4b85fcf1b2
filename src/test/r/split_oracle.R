# R's tmerge for `survival split`: (start, stop] rows with time-dependent covariates switching on at
# a per-patient time (tdc with init 0), and coxph on them.
# Usage: Rscript split_oracle.R IN.csv OUT_DIR   (IN: patient, os_days, os_event, metastasis_days, new_driver, age)
suppressMessages(library(survival))
a <- commandArgs(TRUE)
d <- read.csv(a[1])
n <- tmerge(d[, c("patient", "os_days", "os_event", "age")], d, id = patient, death = event(os_days, os_event))
n <- tmerge(n, d, id = patient, new_driver = tdc(metastasis_days, new_driver, 0))
write.table(n[, c("patient", "tstart", "tstop", "death", "new_driver")], file.path(a[2], "tmerge.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
f <- coxph(Surv(tstart, tstop, death) ~ age + new_driver, data = n)
write.table(data.frame(key = c(paste0("coef:", names(coef(f))), paste0("se:", names(coef(f))), "loglik"),
                       value = sprintf("%.15g", c(coef(f), sqrt(diag(vcov(f))), f$loglik[2]))),
            file.path(a[2], "split_expected.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
