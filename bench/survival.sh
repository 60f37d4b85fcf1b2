#!/usr/bin/env bash
# Benchmark: Cox (Efron ties) on N simulated patients x 20 covariates, oncoconcord vs R's coxph on
# the same CSV, both reading the file, fitting and computing Harrell's C. Needs Rscript
# (r-base-core, r-cran-survival) and hyperfine; build the jar first (mvn -DskipTests package).
# Usage: bench/survival.sh [N=100000] [RUNS=5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-100000}"; runs="${2:-5}"
work="${TMPDIR:-/tmp}/oncoconcord-bench-survival"; mkdir -p "$work"
csv="$work/sim_${n}.csv"
[ -f "$csv" ] || Rscript "$here/survival_simulate.R" "$n" "$csv" 1
cov=$(printf 'x%02d,' $(seq 1 20)); cov="${cov%,}"
java_cmd="$root/bin/oncoconcord survival cox --quiet --data $csv --time time --event status --covariates $cov --out $work/java"
r_cmd="Rscript $here/survival_coxph.R $csv $work/r_coef.tsv"
# one run of each for the agreement check and the in-process timings
"$root/bin/oncoconcord" survival cox --data "$csv" --time time --event status --covariates "$cov" --out "$work/java" 2>&1 | tail -1
$r_cmd
python3 - "$work/java/coefficients.tsv" "$work/r_coef.tsv" <<'PY'
import sys, csv
a = {r["term"]: r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t")}
b = {r["term"]: r for r in csv.DictReader(open(sys.argv[2]), delimiter="\t")}
worst = max(abs(float(a[t]["coef"]) - float(b[t]["coef"])) / abs(float(b[t]["coef"])) for t in b)
print(f"largest relative coefficient difference oncoconcord vs R: {worst:.2e}")
PY
hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/hyperfine.md" -n oncoconcord "$java_cmd" -n "R coxph" "$r_cmd"
cat "$work/hyperfine.md"
