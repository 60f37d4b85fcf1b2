# Oracle of the analyses `survival plan` adds to the pipeline, fitted by R directly on the plan's
# input (features.tsv with os_days, os_event, death_cause, metastasis_days, any_driver_metastasis_new,
# age, stage, ras_mutant_primary):
#  - the time-dependent fit: tmerge(tdc(metastasis_days, any_driver_metastasis_new, 0), options = list(na.rm = FALSE)),
#    coxph(Surv(tstart, tstop, death) ~ x)
#  - the cause-specific Cox model of colorectal-cancer death: coxph(Surv(os_days, death_cause == "crc") ~ age + stage + ras_mutant_primary)
#  - cumulative incidence of crc (1) and other (2) death: cmprsk::cuminc, overall and by ras_mutant_primary, at 365 and 730
# Usage: Rscript plan_oracle.R FEATURES.tsv OUT.tsv   (OUT: key <tab> value)
suppressMessages({library(survival); library(cmprsk)})
a <- commandArgs(TRUE)
d <- read.delim(a[1], na.strings = c("", "NA"), stringsAsFactors = FALSE)
keys <- c(); vals <- c()
put <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, v) }
n <- tmerge(d[, c("patient", "os_days", "os_event")], d, id = patient, death = event(os_days, os_event))
# na.rm = FALSE: a feature missing after its day stays missing (survival split), not 0 carried forward (tmerge's default)
n <- tmerge(n, d, id = patient, any_driver_metastasis_new = tdc(metastasis_days, any_driver_metastasis_new, 0), options = list(na.rm = FALSE))
f <- coxph(Surv(tstart, tstop, death) ~ any_driver_metastasis_new, data = n)
put("tdc:coef", coef(f)[[1]]); put("tdc:se", sqrt(vcov(f)[1, 1])); put("tdc:loglik", f$loglik[2]); put("tdc:n", f$n); put("tdc:events", f$nevent)
d$crc <- as.integer(d$os_event == 1 & !is.na(d$death_cause) & d$death_cause == "crc")
cs <- d[!(d$os_event == 1 & is.na(d$death_cause)), ]   # deaths of unknown cause: left out (NA), as the plan does
g <- coxph(Surv(os_days, crc) ~ age + stage + ras_mutant_primary, data = cs)
for (t in names(coef(g))) { put(paste0("crc:coef:", t), coef(g)[[t]]); put(paste0("crc:se:", t), sqrt(vcov(g)[t, t])) }
put("crc:n", g$n); put("crc:events", g$nevent)
cause <- ifelse(cs$os_event == 0, 0, ifelse(cs$death_cause == "crc", 1, 2))
times <- c(365, 730)
all <- timepoints(cuminc(cs$os_days, cause, cencode = 0), times)$est
for (r in rownames(all)) for (j in seq_along(times)) put(paste0("cif:all:", strsplit(r, " ")[[1]][2], ":", times[j]), all[r, j])
by <- timepoints(cuminc(cs$os_days, cause, cs$ras_mutant_primary, cencode = 0), times)$est
for (r in rownames(by)) { p <- strsplit(r, " ")[[1]]; for (j in seq_along(times)) put(paste0("cif:", p[1], ":", p[2], ":", times[j]), by[r, j]) }
write.table(data.frame(key = keys, value = sprintf("%.15g", vals)), a[2], sep = "\t", quote = FALSE, row.names = FALSE)
