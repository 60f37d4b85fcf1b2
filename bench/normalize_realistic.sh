#!/usr/bin/env bash
# Benchmark on caller-shaped records (issue 20): oncoconcord normalize vs bcftools norm, options
# `-f ref -m -any -c e`, on Mutect2-like (two samples, GT:AD:AF:DP:F1R2:F2R1, Number=A/R, long INFO,
# multiallelics, indels in repeats) and Strelka2-like (tier fields) VCFs from bench/gen_realistic_vcf.py
# against a 60 Mb reference; uncompressed and BGZF output; runs alternate between the tools.
# Reports wall, CPU (user+sys) and peak RSS (/usr/bin/time) and checks the data lines are identical.
# Usage: bench/normalize_realistic.sh [WORKDIR] [REPEATS] [N ...]  (defaults /tmp/oncoconcord-bench-real 3 1000000)
# DIALECTS="mutect2 strelka2" and OUTS="vcf vcf.gz" select what runs; SEED (default 7, the inputs of
# bench/RESULTS-normalize.md) draws other records (held-out inputs: e.g. SEED=11, files <dialect>.<n>.s11.vcf.gz).
# Before the timed runs, oncoconcord runs once untimed on the first 20,000 lines of the first input: the first
# run after a build writes the launcher's class-data archive (AppCDS, ~+0.5-1 s CPU once per jar), which
# users pay once per installation, not per run (set WARMUP=0 to time that run too).
# Ends with the mean wall / CPU per tool and the ratios.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${1:-/tmp/oncoconcord-bench-real}"
reps="${2:-3}"
shift 2 || shift $# || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000)
for t in bcftools bgzip samtools python3 /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "missing $t (Debian: bcftools, tabix, samtools, python3, time)" >&2; exit 1; }
done
[ -f "$root/target/oncoconcord.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
# oncoconcord runs as users run it: bin/oncoconcord with its default JVM options and JIT choice
# (set ONCOCONCORD_JAVA_OPTS / ONCOCONCORD_JIT to compare others)
mkdir -p "$work"
[ -f "$work/ref.fa" ] || python3 "$here/gen_normalize_data.py" "$work" 60000000 1 42 >/dev/null
[ -f "$work/ref.fa.fai" ] || samtools faidx "$work/ref.fa"
results="$work/results.tsv"
[ -f "$results" ] || printf 'dialect\trecords\tout\ttool\trun\twall_s\tcpu_s\tpeak_rss_mb\tload1\n' > "$results"
tm() { # log -> "wall cpu rss_mb"
  awk '/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); w = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
       /User time/ { u = $NF } /System time/ { s = $NF } /Maximum resident set size/ { r = $NF }
       END { printf "%.2f %.2f %.1f\n", w, u + s, r / 1024 }' "$1"
}
seed="${SEED:-7}"
tag=""; [ "$seed" = 7 ] || tag=".s$seed"
warmed=0
for d in ${DIALECTS:-mutect2 strelka2}; do
  for n in "${sizes[@]}"; do
    in="$work/$d.$n$tag.vcf.gz"
    if [ ! -f "$in" ]; then
      tmpdir="$(mktemp -d "$work/gen.XXXXXX")"; ln -s "$work/ref.fa" "$tmpdir/ref.fa"
      python3 "$here/gen_realistic_vcf.py" "$tmpdir" "$n" "$seed" "$d" >/dev/null
      bgzip -f "$tmpdir/$d.$n.vcf"
      mv "$tmpdir/$d.$n.vcf.gz" "$in"
      rm -rf "$tmpdir"
    fi
    if [ "${WARMUP:-1}" = 1 ] && [ $warmed = 0 ]; then
      zcat "$in" | head -n 20000 > "$work/warmup.vcf" || true  # head closes the pipe early: SIGPIPE is no failure
      "$root/bin/oncoconcord" normalize --quiet --no-standardize -f "$work/ref.fa" -m -any -c e -o "$work/warmup.out.vcf" "$work/warmup.vcf"
      echo "warm-up run done (class-data archive written if it was missing)"
      warmed=1
    fi
    for o in ${OUTS:-vcf vcf.gz}; do
      for ((k = 1; k <= reps; k++)); do
        for tool in bcftools oncoconcord; do
          out="$work/$tool.$d.$n.$o"; log="$work/$tool.$d.$n.$o.time"
          if [ $tool = bcftools ]; then
            ot=v; [ "$o" = vcf.gz ] && ot=z
            /usr/bin/time -v bcftools norm -f "$work/ref.fa" -m -any -c e -O$ot -o "$out" "$in" 2> "$log"
          else
            /usr/bin/time -v "$root/bin/oncoconcord" normalize --quiet --no-standardize -f "$work/ref.fa" -m -any -c e \
              -o "$out" "$in" 2> "$log"
          fi
          read -r w c r <<< "$(tm "$log")"
          printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$d$tag" "$n" "$o" "$tool" "$k" "$w" "$c" "$r" "$(cut -d' ' -f1 /proc/loadavg)" >> "$results"
          echo "$d $n $o $tool run $k: wall ${w}s cpu ${c}s rss ${r}MB (load $(cut -d' ' -f1 /proc/loadavg))"
        done
      done
      cat_="cat"; [ "$o" = vcf.gz ] && cat_="zcat"
      if cmp -s <($cat_ "$work/bcftools.$d.$n.$o" | grep -v '^#') <($cat_ "$work/oncoconcord.$d.$n.$o" | grep -v '^#'); then
        echo "$d $n $o: data lines identical"
      else
        echo "$d $n $o: data lines DIFFERENT" >&2; exit 1
      fi
    done
  done
done
echo "table: $results"
# means of this invocation's runs (the last reps x tools rows of each dialect/size/output) and the ratios
tail -n "$(( $(echo ${DIALECTS:-mutect2 strelka2} | wc -w) * ${#sizes[@]} * $(echo ${OUTS:-vcf vcf.gz} | wc -w) * reps * 2 ))" "$results" |
  awk -F'\t' '{ k = $1 " " $2 " " $3; w[k, $4] += $6; c[k, $4] += $7; m[k, $4]++; keys[k] = 1 }
    END { for (k in keys) { bw = w[k, "bcftools"] / m[k, "bcftools"]; bc = c[k, "bcftools"] / m[k, "bcftools"];
                            ow = w[k, "oncoconcord"] / m[k, "oncoconcord"]; oc = c[k, "oncoconcord"] / m[k, "oncoconcord"];
                            printf "%s: bcftools %.2f s wall / %.2f s CPU, oncoconcord %.2f / %.2f: %.2fx wall, %.2fx CPU\n", k, bw, bc, ow, oc, ow / bw, oc / bc } }' | sort
