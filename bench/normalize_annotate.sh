#!/usr/bin/env bash
# Benchmark of issue 13's speed target: what annotating inside normalize's writer costs.
# `oncoconcord normalize -f ref -m -any -c e` with and without `--annotate --gtf genes.gtf`
# (gene models from bench/gen_gtf.py on the synthetic reference: 1,500 genes, both strands, so most
# records get a transcript consequence; laid on random sequence, so their CDS are not open reading frames and
# --no-cds-check is given), alternating runs, on the Mutect2-like input of
# bench/normalize_realistic.sh (made there when missing). Reports wall, CPU (user+sys), peak RSS and
# checks the annotated output minus its CSQ equals the plain output. Prints the md5 of the CSQ values
# (`bcftools query -f '%CSQ\n'`); with CSQ_MD5=<md5> (e.g. from a run of an earlier build; at N = 1000000
# it defaults to the md5 every build since session 10 gave, CSQ_MD5= switches the check off) it fails
# unless they are identical: a speed change must not change one annotation.
# Usage: bench/normalize_annotate.sh [WORKDIR] [REPEATS] [N]  (defaults /tmp/oncoconcord-bench-real 3 1000000)
# WARMUP=0 times the first run after a build too (it writes the class-data archive).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${1:-/tmp/oncoconcord-bench-real}"
reps="${2:-3}"
n="${3:-1000000}"
in="$work/mutect2.$n.vcf.gz"
[ -f "$in" ] || DIALECTS=mutect2 OUTS=vcf "$here/normalize_realistic.sh" "$work" 1 "$n" >/dev/null
[ -f "$work/genes.gtf" ] || python3 "$here/gen_gtf.py" "$work/ref.fa.fai" "$work/genes.gtf"
# oncoconcord runs as users run it: bin/oncoconcord with its default JVM options and JIT choice (C2 only
# above 100 MB of input); set ONCOCONCORD_JAVA_OPTS / ONCOCONCORD_JIT to compare others (both runs), or
# ANNOTATE_JIT (a value of ONCOCONCORD_JIT, e.g. c2 = the JVM's tiered default) for the annotated runs only
# the CSQ values of the default input (gen_realistic_vcf.py seed 7, gen_gtf.py seed 7) since session 6
# (sessions 6-9: 7122c300452082dc707eb69a563d6360; session 10 reads a stop codon inside a reference CDS as a
# residue, as VEP reads codons: this benchmark's models lie on random sequence, full of such stops, so 4,300
# of every 200,000 records' "stop_gained ... delins" became missense / in-frame: bench/RESULTS-annotate.md)
[ "$n" = 1000000 ] && CSQ_MD5="${CSQ_MD5-dc4a286034f89fd3029af45701e5d2bc}"
tm() { # log -> "wall cpu rss_mb"
  awk '/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); w = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
       /User time/ { u = $NF } /System time/ { s = $NF } /Maximum resident set size/ { r = $NF }
       END { printf "%.2f %.2f %.1f\n", w, u + s, r / 1024 }' "$1"
}
# one untimed warm-up of each mode on the first 20,000 lines: the first run after a build writes the
# launcher's class-data archive (once per jar), which would otherwise be timed in the first plain run
if [ "${WARMUP:-1}" = 1 ]; then
  zcat "$in" | head -n 20000 > "$work/warmup.vcf" || true  # head closes the pipe early: SIGPIPE is no failure
  "$root/bin/oncoconcord" normalize --quiet --no-standardize -f "$work/ref.fa" -m -any -c e -o "$work/warmup.out.vcf" "$work/warmup.vcf"
  "$root/bin/oncoconcord" normalize --quiet --no-standardize -f "$work/ref.fa" -m -any -c e --annotate --gtf "$work/genes.gtf" --no-cds-check \
    -o "$work/warmup.out.vcf" "$work/warmup.vcf"
  echo "warm-up runs done (class-data archive written if it was missing)"
fi
for ((k = 1; k <= reps; k++)); do
  for mode in plain annotate; do
    extra=(); [ $mode = annotate ] && extra=(--annotate --gtf "$work/genes.gtf" --no-cds-check) # no --genome: a GTF needs none
    log="$work/annotate-bench.$mode.time"
    l0=$(cut -d' ' -f1 /proc/loadavg)
    jit=(); [ $mode = annotate ] && [ -n "${ANNOTATE_JIT:-}" ] && jit=(env ONCOCONCORD_JIT="$ANNOTATE_JIT")
    /usr/bin/time -v "${jit[@]}" "$root/bin/oncoconcord" normalize --quiet --no-standardize -f "$work/ref.fa" -m -any -c e "${extra[@]}" \
      -o "$work/annotate-bench.$mode.vcf" "$in" 2> "$log"
    read -r w c r <<< "$(tm "$log")"
    echo "mutect2 $n normalize $mode run $k: wall ${w}s cpu ${c}s rss ${r}MB (load $l0-$(cut -d' ' -f1 /proc/loadavg))"
  done
done
if cmp -s <(grep -v '^#' "$work/annotate-bench.plain.vcf") \
          <(grep -v '^#' "$work/annotate-bench.annotate.vcf" | sed -E 's/;CSQ=[^\t]*//; s/\tCSQ=[^\t]*\t/\t.\t/'); then
  echo "annotated output minus CSQ: identical to the plain output"
else
  echo "annotated output minus CSQ: DIFFERENT" >&2; exit 1
fi
grep -v '^#' "$work/annotate-bench.annotate.vcf" | grep -o 'CSQ=[^|]*|[^|]*' | cut -d'|' -f2 | sort | uniq -c | sort -rn | head -8
md5=$(bcftools query -f '%CSQ\n' "$work/annotate-bench.annotate.vcf" | md5sum | cut -d' ' -f1)
echo "CSQ values md5: $md5"
if [ -n "${CSQ_MD5:-}" ]; then
  if [ "$md5" = "$CSQ_MD5" ]; then echo "CSQ values: identical to CSQ_MD5"; else echo "CSQ values: DIFFERENT from CSQ_MD5 $CSQ_MD5" >&2; exit 1; fi
fi
