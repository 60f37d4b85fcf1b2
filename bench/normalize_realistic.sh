#!/usr/bin/env bash
# Benchmark on caller-shaped records (issue 20): oncoconcord normalize vs bcftools norm, options
# `-f ref -m -any -c e`, on Mutect2-like (two samples, GT:AD:AF:DP:F1R2:F2R1, Number=A/R, long INFO,
# multiallelics, indels in repeats) and Strelka2-like (tier fields) VCFs from bench/gen_realistic_vcf.py
# against a 60 Mb reference; uncompressed and BGZF output; runs alternate between the tools.
# Reports wall, CPU (user+sys) and peak RSS (/usr/bin/time) and checks the data lines are identical.
# Usage: bench/normalize_realistic.sh [WORKDIR] [REPEATS] [N ...]  (defaults /tmp/oncoconcord-bench-real 3 1000000)
# DIALECTS="mutect2 strelka2" and OUTS="vcf vcf.gz" select what runs.
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
for d in ${DIALECTS:-mutect2 strelka2}; do
  for n in "${sizes[@]}"; do
    in="$work/$d.$n.vcf.gz"
    if [ ! -f "$in" ]; then
      python3 "$here/gen_realistic_vcf.py" "$work" "$n" 7 "$d" >/dev/null
      bgzip -f "$work/$d.$n.vcf"
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
          printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$n" "$o" "$tool" "$k" "$w" "$c" "$r" "$(cut -d' ' -f1 /proc/loadavg)" >> "$results"
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
