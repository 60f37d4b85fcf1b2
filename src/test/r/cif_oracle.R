# Cumulative incidence of competing risks for `survival cif`: R's mgus2 (progression to plasma-cell
# malignancy = cause 1, death without it = cause 2), by sex, with cmprsk::cuminc.
# Writes OUT/mgus2.csv and OUT/cif_expected.tsv (key value: cif:<group>:<cause>:<time>).
# Usage: Rscript cif_oracle.R OUT
suppressMessages({library(survival); library(cmprsk)})
out <- commandArgs(TRUE)[1]
m <- survival::mgus2
m$etime <- ifelse(m$pstat == 0, m$futime, m$ptime)
m$event <- ifelse(m$pstat == 0, 2 * m$death, 1)
write.csv(m[, c("id", "etime", "event", "sex", "age")], file.path(out, "mgus2.csv"), row.names = FALSE)
times <- c(12, 60, 120, 240, 360)
ci <- cuminc(m$etime, m$event, m$sex, cencode = 0)
tp <- timepoints(ci, times)$est
keys <- c(); vals <- c()
for (r in rownames(tp)) {
  parts <- strsplit(r, " ")[[1]]
  for (j in seq_along(times)) { keys <- c(keys, paste0("cif:", parts[1], ":", parts[2], ":", times[j])); vals <- c(vals, tp[r, j]) }
}
all <- timepoints(cuminc(m$etime, m$event, cencode = 0), times)$est
for (r in rownames(all)) {
  parts <- strsplit(r, " ")[[1]]
  for (j in seq_along(times)) { keys <- c(keys, paste0("cif:all:", parts[2], ":", times[j])); vals <- c(vals, all[r, j]) }
}
write.table(data.frame(key = keys, value = sprintf("%.15g", vals)), file.path(out, "cif_expected.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
