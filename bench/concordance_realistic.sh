#!/usr/bin/env bash
# Benchmark on caller-shaped records (issue 20 item 3): `oncoconcord concordance` (bin/oncoconcord,
# default options) vs `bcftools isec -f PASS,. -c none -n+1` on a pair of Mutect2-like VCFs from
# bench/gen_realistic_vcf.py (two samples, GT:AD:AF:DP:F1R2:F2R1, long INFO, ~6% multiallelic, indels in
# repeats, 30% filtered), N records each, half of each file shared: 1.5 N records are generated and record
# k goes to A only, B only or both (k mod 3). BGZF + tabix, as a pipeline hands them over.
# Runs alternate: isec; oncoconcord with the consequence columns (--genome GRCh37: the shipped MANE
# models; the 60 Mb random reference's contigs 1-3 are read as GRCh37's); oncoconcord without them
# (--genes: the shipped GRCh37 gene table, overlap only); with BEFORE_JAR=path also that jar through
# the same launcher (ONCOCONCORD_JAR) with the consequence columns. Each run's outputs are removed first.
# Reports wall, CPU (user+sys) and peak RSS (/usr/bin/time) with the 1-min load average of each run,
# the median of each, and the median per-round CPU ratio to isec (the figure to compare on a busy
# machine); then checks both tools agree allele by allele (isec's records split and trimmed as
# concordance does; shared / only-A / only-B counts too).
# Usage: bench/concordance_realistic.sh [WORKDIR] [RUNS] [N]   (defaults /tmp/oncoconcord-bench-conc 5 1000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${1:-/tmp/oncoconcord-bench-conc}"
runs="${2:-5}"
N="${3:-1000000}"
for t in bcftools bgzip tabix python3 java awk; do
  command -v "$t" >/dev/null || { echo "missing $t (Debian: bcftools, tabix, python3, default-jre, gawk)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (Debian package 'time')" >&2; exit 1; }
[ -f "$root/target/oncoconcord.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
mkdir -p "$work"
a="$work/a.$N.vcf.gz"
b="$work/b.$N.vcf.gz"
if [ ! -f "$b.tbi" ]; then
  [ -f "$work/ref.fa" ] || nice python3 "$here/gen_normalize_data.py" "$work" 60000000 1 42 >/dev/null
  M=$((N * 3 / 2))
  nice python3 "$here/gen_realistic_vcf.py" "$work" "$M" 7 mutect2 >/dev/null
  nice awk -v A="${a%.gz}" -v B="${b%.gz}" '/^#/ { print > A; print > B; next }
    { w = k % 3; k++; if (w != 1) print > A; if (w != 0) print > B }' "$work/mutect2.$M.vcf"
  rm -f "$work/mutect2.$M.vcf"
  for f in "$a" "$b"; do nice bgzip -f "${f%.gz}"; tabix -f -p vcf "$f"; done
fi
genes="$root/src/main/resources/org/oncoconcord/concordance/genes.GRCh37.tsv"
launcher="$root/bin/oncoconcord"
out="$work/out"
results="$work/results.tsv"
printf 'round\ttool\twall_s\tcpu_s\tpeak_rss_mb\tload1\n' > "$results"

# one LABEL CMD...: one run (outputs removed first), appended to results.tsv
one() {
  local label="$1" round="$2"; shift 2
  rm -rf "$out" "$work/isec.txt"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" \
    || { echo "failed: $label" >&2; cat "$work/stderr.txt" >&2; exit 1; }
  read -r w u s m < "$work/time.txt"
  local row
  row=$(awk -v r="$round" -v l="$label" -v w="$w" -v u="$u" -v s="$s" -v m="$m" -v ld="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%s\t%s\t%.2f\t%.2f\t%.0f\t%s", r, l, w, u + s, m / 1024, ld }')
  echo "$row" >> "$results"
  echo "$row"
}
ours() { # [extra options]: the concordance command line users run
  echo "$launcher" concordance --quiet --patient bench --sample "A=primary:$a" --sample "B=metastasis:$b" --out "$out" "$@"
}
echo "## $(date -u +%FT%TZ) $(nproc) cores; bcftools $(bcftools --version | head -1 | cut -d' ' -f2); $(java -version 2>&1 | head -1)"
echo "## ONCOCONCORD_JAVA_OPTS=${ONCOCONCORD_JAVA_OPTS:-(unset: launcher default)}; 2 x $N records; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
$(ours --genome GRCh37) >/dev/null 2>&1 || true # warm-up: the launcher records its class-data archive on a first run
[ -n "${BEFORE_JAR:-}" ] && ONCOCONCORD_JAR="$BEFORE_JAR" $(ours --genome GRCh37) >/dev/null 2>&1 || true
printf 'round\ttool\twall_s\tcpu_s\tpeak_rss_mb\tload1\n'
for ((r = 1; r <= runs; r++)); do
  one "isec" "$r" bcftools isec -f PASS,. -c none -n+1 -o "$work/isec.txt" "$a" "$b"
  cp "$work/isec.txt" "$work/isec.sites.txt"
  one "oncoconcord+consequence" "$r" $(ours --genome GRCh37)
  [ "$r" = 1 ] && cp "$out/bench.variants.tsv" "$work/ours.variants.tsv" && cp "$out/bench.concordance.json" "$work/ours.json"
  one "oncoconcord-genes-only" "$r" $(ours --genes "$genes")
  if [ -n "${BEFORE_JAR:-}" ]; then
    ONCOCONCORD_JAR="$BEFORE_JAR" one "before+consequence" "$r" $(ours --genome GRCh37)
  fi
done
echo "## load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" <<'PY'
import csv, statistics, sys, collections
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
by = collections.defaultdict(list)
for r in rows: by[r['tool']].append(r)
isec = {r['round']: float(r['cpu_s']) for r in by['isec']}
isec_wall = {r['round']: float(r['wall_s']) for r in by['isec']}
print(f"{'median of ' + str(len(isec)) + ' rounds':<26} {'wall':>7} {'cpu':>6} {'rss MB':>7} {'cpu/isec':>9} {'wall/isec':>9}  load1")
for tool, rs in by.items():
    med = lambda k: statistics.median(float(r[k]) for r in rs)
    ratio = statistics.median(float(r['cpu_s']) / isec[r['round']] for r in rs)
    wratio = statistics.median(float(r['wall_s']) / isec_wall[r['round']] for r in rs)
    print(f"{tool:<26} {med('wall_s'):7.2f} {med('cpu_s'):6.2f} {med('peak_rss_mb'):7.0f} {ratio:9.2f} {wratio:9.2f}  {min(r['load1'] for r in rs)}-{max(r['load1'] for r in rs)}")
PY
# agreement, allele by allele: isec's records split (and trimmed, as concordance trims a multiallelic record's alleles)
python3 - "$work/isec.sites.txt" "$work/ours.variants.tsv" "$work/ours.json" <<'PY'
import sys, json, collections
isec = {}
for l in open(sys.argv[1]):
    c, p, r0, alts, pat = l.rstrip('\n').split('\t')[:5]
    al = alts.split(',')
    for a0 in al:
        r, a, q = r0, a0, int(p)
        if len(al) > 1:
            while len(r) > 1 and len(a) > 1 and r[-1] == a[-1]: r, a = r[:-1], a[:-1]
            while len(r) > 1 and len(a) > 1 and r[0] == a[0]: r, a, q = r[1:], a[1:], q + 1
        k = (c, str(q), r, a)
        old = isec.get(k, '00')
        isec[k] = ''.join('1' if '1' in (x, y) else '0' for x, y in zip(old, pat))
ours = {}
with open(sys.argv[2]) as f:
    h = next(f).rstrip('\n').split('\t'); ia, ib = h.index('A.present'), h.index('B.present')
    for l in f:
        x = l.rstrip('\n').split('\t')
        if x[ia] == '1' or x[ib] == '1': ours[tuple(x[:4])] = x[ia] + x[ib]
c = collections.Counter(isec.values())
p = json.load(open(sys.argv[3]))['pairs'][0]
same = isec == ours and (p['shared'], p['only_a'], p['only_b']) == (c['11'], c['10'], c['01'])
print(f"agreement: isec 11/10/01 = {c['11']}/{c['10']}/{c['01']} alleles; oncoconcord shared/only_a/only_b = "
      f"{p['shared']}/{p['only_a']}/{p['only_b']}; allele by allele {'SAME' if isec == ours else 'DIFFERENT'}")
sys.exit(0 if same else 1)
PY
echo "table: $results"
