#!/usr/bin/env bash
# Scale benchmark: a simulated cohort of N patients, three samples each (primary, metastasis,
# plasma), through the whole pipeline (validate, normalize, concordance, cohort, survival, report)
# with the local executor, once per batch size. Reports wall time, task count, the CPU and real
# time inside tasks, Nextflow's own per-task overhead (duration - realtime from the trace) and the
# JVM start-up per command, and checks the outputs are complete (one concordance JSON and one
# features row per patient, the report written).
#
# usage: bench/pipeline_scale.sh [N] [BATCH_SIZES] [WORKDIR]
#        defaults: 500 "25 10" /tmp/oncoconcord-bench-scale
# needs: java, python3, /usr/bin/time (Debian package 'time'); hyperfine (optional, JVM start-up line)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
N="${1:-500}"
read -r -a sizes <<< "${2:-25 10}"
work="${3:-/tmp/oncoconcord-bench-scale}"
mkdir -p "$work"
for t in java python3; do command -v "$t" >/dev/null || { echo "missing: $t" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (Debian package 'time')" >&2; exit 1; }
[ -f "$root/target/oncoconcord.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)

cohort="$work/cohort.$N"
if [ ! -f "$cohort/samplesheet.csv" ]; then
  # every patient with a metachronous metastasis sequenced and a plasma sample: three samples each
  printf 'cohort:\n  stage_iv_fraction: 1.0\n  metastasis_biopsy_fraction: 1.0\n  plasma_fraction_with_metastasis: 1.0\n' > "$work/three_samples.yaml"
  "$root/bin/oncoconcord" simulate --quiet --patients "$N" --seed 20261127 --config "$work/three_samples.yaml" --out "$cohort"
fi
samples=$(($(wc -l < "$cohort/samplesheet.csv") - 1))
echo "## $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $N patients, $samples samples ($(du -sh "$cohort/vcf" | cut -f1) of VCFs)"
echo "## load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

if command -v hyperfine >/dev/null; then
  tiny="$work/tiny.commands"
  hyperfine -N -w 2 -r 10 --export-json "$work/jvm_start.json" \
    "$root/bin/oncoconcord normalize --version" "env ONCOCONCORD_CDS=0 $root/bin/oncoconcord normalize --version" >/dev/null 2>&1 || true
  python3 - "$work/jvm_start.json" <<'PY' || true
import json, sys
r = json.load(open(sys.argv[1]))['results']
print("## JVM start-up per command (oncoconcord normalize --version): %.2f s with the CDS archive, %.2f s without" % (r[0]['mean'], r[1]['mean']))
PY
fi

printf '%-10s %9s %6s %12s %12s %14s %10s\n' batch_size wall_s tasks task_real_s task_cpu_s nf_overhead_s result
for bs in "${sizes[@]}"; do
  out="$work/out.bs$bs"
  rm -rf "$out" "$work/work.bs$bs" "$work/launch.bs$bs"
  mkdir -p "$work/launch.bs$bs"
  ( cd "$work/launch.bs$bs" && /usr/bin/time -f '%e' -o "$work/wall.bs$bs" "$root/bin/nextflow" run "$root" \
      --input "$cohort/samplesheet.csv" --clinical "$cohort/clinical.csv" --fasta "$cohort/reference.fa" \
      --genes "$cohort/genes.tsv" --outdir "$out" --batch_size "$bs" -w "$work/work.bs$bs" > "$work/nextflow.bs$bs.log" 2>&1 ) \
    || { echo "pipeline failed for batch size $bs: see $work/nextflow.bs$bs.log" >&2; tail -20 "$work/nextflow.bs$bs.log" >&2; exit 1; }
  python3 - "$out" "$N" "$bs" "$(cat "$work/wall.bs$bs")" <<'PY'
import csv, glob, os, re, sys
out, n, bs, wall = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
def secs(v):
    # trace durations like "1m 2s", "850ms", "3.4s", "1h 2m"
    total = 0.0
    for num, unit in re.findall(r'([\d.]+)\s*(ms|s|m|h)', v or ''):
        total += float(num) * {'ms': 0.001, 's': 1, 'm': 60, 'h': 3600}[unit]
    return total
rows = list(csv.DictReader(open(os.path.join(out, 'pipeline_info/execution_trace.txt')), delimiter='\t'))
real = sum(secs(r['realtime']) for r in rows)
dur = sum(secs(r['duration']) for r in rows)
cpu = sum(secs(r['realtime']) * float((r['%cpu'] or '0').rstrip('%')) / 100 for r in rows)
jsons = len(glob.glob(os.path.join(out, 'concordance/*.concordance.json')))
features = sum(1 for _ in open(os.path.join(out, 'cohort/features.tsv'))) - 1
report = os.path.getsize(os.path.join(out, 'report/report.html'))
ok = jsons == n and features == n and report > 0
print('%-10s %9.1f %6d %12.1f %12.1f %14.2f %10s' % (bs, wall, len(rows), real, cpu, (dur - real) / len(rows),
      'complete' if ok else 'INCOMPLETE(%d json, %d features)' % (jsons, features)))
def mb(v):
    m = re.match(r'([\d.]+)\s*(KB|MB|GB)', v or '')
    return float(m.group(1)) * {'KB': 1 / 1024, 'MB': 1, 'GB': 1024}[m.group(2)] if m else 0.0
by = {}
for r in rows:
    p = r['process'].split(':')[-1]
    by.setdefault(p, []).append((secs(r['realtime']), secs(r['realtime']) * float((r['%cpu'] or '0').rstrip('%')) / 100, mb(r.get('peak_rss'))))
print('           per process (tasks, total realtime s): ' + ', '.join('%s %d/%.1f' % (p, len(v), sum(x[0] for x in v)) for p, v in by.items()))
print('           per process (CPU s, largest peak_rss MB): ' + ', '.join('%s %.1f/%.0f' % (p, sum(x[1] for x in v), max(x[2] for x in v)) for p, v in by.items()))
PY
done
echo "## load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
