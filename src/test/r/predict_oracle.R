# predict.coxph linear predictors with R's centrings, for `survival predict --centre`.
# Usage: Rscript predict_oracle.R colon_death_etype2.csv OUT.tsv
suppressMessages(library(survival))
a <- commandArgs(TRUE)
d <- read.csv(a[1])
d$rx <- relevel(factor(d$rx), ref = "Obs")
f <- coxph(Surv(time, status) ~ rx + sex + age + nodes + factor(extent), data = d)
nd <- d[!is.na(d$nodes), ][1:25, ]
out <- data.frame(id = nd$id, lp_r = predict(f, newdata = nd, type = "lp"),
                  lp_zero = predict(f, newdata = nd, type = "lp", reference = "zero"))
write.table(out, a[2], sep = "\t", quote = FALSE, row.names = FALSE)
