#!/usr/bin/env bash
# Benchmark: oncoconcord normalize vs bcftools norm, same options (-f REF -m -any), on a generated
# 60 Mb reference and VCFs of 1M and 4M records (sizes overridable). Reports wall time, CPU time
# and peak RSS (/usr/bin/time -v) and checks that both outputs have identical data lines.
# Usage: bench/normalize.sh [WORKDIR] [N ...]     (default WORKDIR /tmp/oncoconcord-bench-normalize, N 1000000 4000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${1:-/tmp/oncoconcord-bench-normalize}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000 4000000)
for t in bcftools bgzip samtools python3 /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "missing $t (Debian: bcftools, tabix, samtools, python3, time)" >&2; exit 1; }
done
[ -f "$root/target/oncoconcord.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
export ONCOCONCORD_JAVA_OPTS="${ONCOCONCORD_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}"
mkdir -p "$work"
results="$work/results.tsv"
printf 'records\ttool\twall_s\tcpu_s\tpeak_rss_mb\n' > "$results"

measure() { # name logfile -> "wall cpu rss"
  local log="$2"
  local wall user sys rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  user=$(grep 'User time' "$log" | awk '{print $NF}')
  sys=$(grep 'System time' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  echo "$wall $(echo "$user + $sys" | bc) $(echo "scale=1; $rss / 1024" | bc)"
}

for n in "${sizes[@]}"; do
  if [ ! -f "$work/in.$n.vcf.gz" ]; then
    echo "generating reference (60 Mb) and $n records..." >&2
    python3 "$here/gen_normalize_data.py" "$work" 60000000 "$n" 42 >/dev/null
    bgzip -f "$work/in.$n.vcf"
  fi
  # the .fai both tools read (bcftools has no faidx command: samtools builds it, as htslib would)
  [ -f "$work/ref.fa.fai" ] || samtools faidx "$work/ref.fa"
  /usr/bin/time -v bcftools norm -f "$work/ref.fa" -m -any -Oz -o "$work/bcftools.$n.vcf.gz" "$work/in.$n.vcf.gz" 2> "$work/bcftools.$n.time"
  /usr/bin/time -v "$root/bin/oncoconcord" normalize --quiet --no-standardize -f "$work/ref.fa" -m -any \
      -o "$work/oncoconcord.$n.vcf.gz" "$work/in.$n.vcf.gz" 2> "$work/oncoconcord.$n.time"
  read -r bw bc br <<< "$(measure bcftools "$work/bcftools.$n.time")"
  read -r ow oc or <<< "$(measure oncoconcord "$work/oncoconcord.$n.time")"
  printf '%s\tbcftools\t%s\t%s\t%s\n%s\toncoconcord\t%s\t%s\t%s\n' "$n" "$bw" "$bc" "$br" "$n" "$ow" "$oc" "$or" >> "$results"
  same=$(cmp -s <(zcat "$work/bcftools.$n.vcf.gz" | grep -v '^#') <(zcat "$work/oncoconcord.$n.vcf.gz" | grep -v '^#') && echo identical || echo DIFFERENT)
  echo "$n records: bcftools ${bw}s (cpu ${bc}s, ${br} MB) | oncoconcord ${ow}s (cpu ${oc}s, ${or} MB) | wall ratio $(echo "scale=2; $ow / $bw" | bc) | data lines $same"
done
echo "table: $results (load average at end: $(cut -d' ' -f1-3 /proc/loadavg))"
