# Independent oracle for org.oncoconcord.cohort.Agreement / Proportion.
# Usage: Rscript agreement_oracle.R agreement_cases.tsv agreement_expected.tsv
# Wilson intervals from prop.test(correct = FALSE); McNemar from binom.test (exact, < 25
# discordant pairs) or mcnemar.test (continuity-corrected chi-square); Cohen's kappa and its
# Fleiss-Cohen-Everitt (1969) large-sample se by the formula of vcd::Kappa.
args <- commandArgs(trailingOnly = TRUE)
cases <- read.delim(args[1], stringsAsFactors = FALSE)
wilson <- function(x, n) {
  if (n == 0) return(c(NA, NA, NA))
  ci <- suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int)
  c(x / n, ci[1], ci[2])
}
kappa_se <- function(tab) {
  n <- sum(tab); p <- tab / n
  rs <- rowSums(p); cs <- colSums(p)
  po <- sum(diag(p)); pe <- sum(rs * cs)
  if (pe >= 1) return(c(NA, NA))
  k <- (po - pe) / (1 - pe)
  W <- diag(2)
  s2 <- (sum(p * sweep(sweep(W, 1, cs * (1 - k)), 2, rs * (1 - k))^2) - (k - pe * (1 - k))^2) / (1 - pe)^2 / n
  c(k, sqrt(max(0, s2)))
}
rows <- lapply(seq_len(nrow(cases)), function(i) {
  a <- cases$both_pos[i]; b <- cases$ref_only[i]; c <- cases$test_only[i]; d <- cases$both_neg[i]
  n <- a + b + c + d
  tab <- matrix(c(a, c, b, d), 2, dimnames = list(ref = c("+", "-"), test = c("+", "-")))
  opa <- wilson(a + d, n); ppa <- wilson(a, a + b); npa <- wilson(d, c + d)
  ks <- kappa_se(tab)
  disc <- b + c
  p <- if (disc == 0) 1 else if (disc < 25) binom.test(b, disc, 0.5)$p.value else mcnemar.test(tab, correct = TRUE)$p.value
  stat <- if (disc >= 25) unname(mcnemar.test(tab, correct = TRUE)$statistic) else NA
  data.frame(case = cases$case[i], opa = opa[1], opa_lower = opa[2], opa_upper = opa[3],
             ppa = ppa[1], ppa_lower = ppa[2], ppa_upper = ppa[3],
             npa = npa[1], npa_lower = npa[2], npa_upper = npa[3],
             kappa = ks[1], kappa_se = ks[2], mcnemar_chisq = stat, mcnemar_p = p)
})
out <- do.call(rbind, rows)
write.table(format(out, digits = 15), args[2], sep = "\t", quote = FALSE, row.names = FALSE, na = "NA")
