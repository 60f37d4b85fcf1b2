#!/usr/bin/env bash
# Benchmark: `oncoconcord concordance` (bin/oncoconcord, as users run it; honours
# ONCOCONCORD_JAVA_OPTS) vs `bcftools isec` on two generated, position-sorted VCFs of N records each
# (default 1,000,000) sharing half their records.
#  1. hyperfine (Debian package `hyperfine`; skipped with a message when missing): mean +- sd of
#     wall time and mean user/system CPU over RUNS runs (default 5, after 1 warm-up) of
#     `isec -n+1`, `isec -p DIR` and oncoconcord, each tool's output removed before every run;
#  2. /usr/bin/time -v, one run each: wall, CPU (user+sys) and peak RSS, also at N/4 and with a 64 MB
#     heap at N/4 and N, to show memory does not grow with input size (streaming merge-join);
#  3. checks both tools agree on the shared / only-A / only-B counts.
#
# usage: bench/concordance.sh [N] [WORKDIR] [RUNS]   needs: java, bcftools, bgzip, tabix, /usr/bin/time, awk, python3
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
N="${1:-1000000}"
work="${2:-$(mktemp -d /tmp/oncoconcord-bench.XXXXXX)}"
RUNS="${3:-5}"
mkdir -p "$work"
for t in bcftools bgzip tabix java awk python3; do command -v "$t" >/dev/null || { echo "missing: $t" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (Debian package 'time')" >&2; exit 1; }
[ -f "$root/target/oncoconcord.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)

# gen N OUT_A OUT_B: 1.5*N sites over 22 contigs; site k goes to A only, B only, or both (1/3 each),
# so each file has N records and half of each file is shared. Deterministic (fixed seed).
gen() {
  local n="$1" a="$2" b="$3"
  awk -v n="$n" -v A="$a" -v B="$b" 'BEGIN {
    srand(42); split("A C G T", base, " ");
    hdr = "##fileformat=VCFv4.2\n##tumor_sample=TUMOR\n";
    for (c = 1; c <= 22; c++) hdr = hdr "##contig=<ID=" c ",length=250000000>\n";
    hdr = hdr "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n";
    hdr = hdr "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n";
    hdr = hdr "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n";
    hdr = hdr "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">\n";
    hdr = hdr "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR";
    print hdr > A; print hdr > B;
    sites = int(1.5 * n); per = int(sites / 22) + 1; k = 0;
    for (c = 1; c <= 22 && k < sites; c++) {
      pos = 10000;
      for (i = 0; i < per && k < sites; i++) {
        pos += 1 + int(rand() * 200); r = 1 + int(rand() * 4); x = 1 + (r + int(rand() * 3)) % 4;
        dp = 30 + int(rand() * 200); alt = int(dp * (0.02 + rand() * 0.5)); af = sprintf("%.3f", alt / dp);
        rec = c "\t" pos "\t.\t" base[r] "\t" base[x] "\t.\tPASS\t.\tGT:AD:DP:AF\t0/0:" dp ",0:" dp ":0\t0/1:" dp - alt "," alt ":" dp ":" af;
        w = k % 3; k++;
        if (w != 1) print rec > A;
        if (w != 0) print rec > B;
      }
    }
  }'
  bgzip -f "$a"; bgzip -f "$b"; tabix -f -p vcf "$a.gz"; tabix -f -p vcf "$b.gz"
}

# measure LABEL CMD...: runs once (after removing the outputs), prints "LABEL wall_s cpu_s peak_rss_mb"
measure() {
  local label="$1"; shift
  local key; key=$(echo "$label" | tr -c 'A-Za-z0-9.\n' '_')
  clean
  /usr/bin/time -v -o "$work/time.$key.txt" "$@" >/dev/null 2>"$work/stderr.$key.txt" \
    || { echo "failed: $label (see $work/stderr.$key.txt)" >&2; cat "$work/stderr.$key.txt" >&2; exit 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.$key.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.$key.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time.$key.txt")
  printf '%-40s %8.2f s %8.2f s %8s MB\n' "$label" "$wall" "$cpu" "$rss"
}

echo "# generating 2 x $N records in $work" >&2
[ -f "$work/a.$N.vcf.gz" ] || gen "$N" "$work/a.$N.vcf" "$work/b.$N.vcf"
Q=$((N / 4))
[ -f "$work/a.$Q.vcf.gz" ] || gen "$Q" "$work/a.$Q.vcf" "$work/b.$Q.vcf"

launcher="$root/bin/oncoconcord"
# outputs, removed before every run so that no tool pays for replacing an existing file
isec_txt="$work/isec.$N.txt"
isec_dir="$work/isec_dir"
ours_dir="$work/out"
clean() { rm -rf "$isec_txt" "$isec_dir" "$ours_dir"; }
ISEC_SITES=(bcftools isec -f PASS,. -c none -n+1 -o "$isec_txt" "$work/a.$N.vcf.gz" "$work/b.$N.vcf.gz")
ISEC_DIR=(bcftools isec -f PASS,. -c none -p "$isec_dir" "$work/a.$N.vcf.gz" "$work/b.$N.vcf.gz")
ours() { # N: the concordance command line for the N-record pair (bin/oncoconcord)
  echo "$launcher" concordance --quiet --patient bench --sample "A=primary:$work/a.$1.vcf.gz" \
    --sample "B=metastasis:$work/b.$1.vcf.gz" --genome GRCh37 --out "$ours_dir"
}

echo "## $(date -u +%FT%TZ) $(nproc) cores; bcftools $(bcftools --version | head -1 | cut -d' ' -f2); $(java -version 2>&1 | head -1)"
echo "## ONCOCONCORD_JAVA_OPTS=${ONCOCONCORD_JAVA_OPTS:-(unset: launcher default -Xmx2g -XX:+UseSerialGC)}"
echo "## load average before: $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only comparable on an idle machine; cpu = user+sys)"

if command -v hyperfine >/dev/null; then
  hyperfine -N -w 1 -r "$RUNS" --export-json "$work/hyperfine.json" \
    -p "rm -rf $isec_txt" -n "bcftools isec -n+1 ($N)" "${ISEC_SITES[*]}" \
    -p "rm -rf $isec_dir" -n "bcftools isec -p DIR ($N)" "${ISEC_DIR[*]}" \
    -p "rm -rf $ours_dir" -n "oncoconcord concordance ($N)" "$(ours "$N")" >"$work/hyperfine.txt" 2>&1 \
    || { cat "$work/hyperfine.txt" >&2; exit 1; }
  python3 - "$work/hyperfine.json" <<'PY'
import json, sys, statistics
print(f"{'hyperfine (mean ± sd)':<34} {'wall':>16} {'user':>8} {'sys':>8} {'cpu(u+s)':>9}  runs")
for r in json.load(open(sys.argv[1]))['results']:
    sd = statistics.stdev(r['times']) if len(r['times']) > 1 else 0
    print(f"{r['command']:<34} {r['mean']:7.2f} ± {sd:5.2f} s {r['user']:7.2f}s {r['system']:7.2f}s {r['user'] + r['system']:8.2f}s  {len(r['times'])}")
PY
  echo "## load average after hyperfine: $(cut -d' ' -f1-3 /proc/loadavg)"
else
  echo "## hyperfine not installed (Debian package 'hyperfine'): skipping mean ± sd timings" >&2
fi

printf '%-40s %10s %10s %11s\n' "/usr/bin/time -v (one run each)" "wall" "cpu(u+s)" "peak RSS"
measure "bcftools isec -n+1 ($N)" "${ISEC_SITES[@]}"
cp "$isec_txt" "$work/isec.sites.txt"
measure "bcftools isec -p DIR ($N)" "${ISEC_DIR[@]}"
measure "oncoconcord concordance ($N)" $(ours "$N")
cp "$ours_dir/bench.concordance.json" "$work/ours.json"
measure "oncoconcord concordance ($Q)" $(ours "$Q")
ONCOCONCORD_JAVA_OPTS="-Xmx64m -XX:+UseSerialGC" measure "oncoconcord -Xmx64m ($Q)" $(ours "$Q")
ONCOCONCORD_JAVA_OPTS="-Xmx64m -XX:+UseSerialGC" measure "oncoconcord -Xmx64m ($N)" $(ours "$N")
echo "## load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# agreement: pattern counts from isec vs the JSON pair
python3 - "$work/isec.sites.txt" "$work/ours.json" <<'PY' || true
import json, sys, collections
c = collections.Counter(l.rstrip('\n').split('\t')[4] for l in open(sys.argv[1]))
p = json.load(open(sys.argv[2]))['pairs'][0]
ok = (p['shared'], p['only_a'], p['only_b']) == (c['11'], c['10'], c['01'])
print(f"agreement: isec 11/10/01 = {c['11']}/{c['10']}/{c['01']}; oncoconcord shared/only_a/only_b = {p['shared']}/{p['only_a']}/{p['only_b']} -> {'SAME' if ok else 'DIFFERENT'}")
PY
