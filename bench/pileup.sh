#!/usr/bin/env bash
# Benchmark (issue 15): `oncoconcord pileup` (bin/oncoconcord, as users run it) vs `bcftools mpileup -R`
# with the same filters (-B -q 20 -Q 20 -A -d 100000 --ns UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY
# -a AD,ADF,ADR -I) over SITES (default 10,000) SNV sites of one simulated BAM.
# Data (bench/PileupBenchData.java, generated once per WORKDIR at low priority, `nice -n 19`): one
# contig of LENGTH bp (default 20 Mb) at COVERAGE x (default 110): 100 bp pairs, errors, duplicates,
# overlapping mates, indels and soft clips, secondary/supplementary/QC-fail and low-MAPQ reads,
# written directly in coordinate order (no sort): about 2.0 GB of BAM and 4 min of CPU with the
# defaults. Runs alternate (bcftools, oncoconcord, bcftools, ...) RUNS times each (default 3) under
# /usr/bin/time: wall, CPU (user+sys), peak RSS and the 1-min load average; then one oncoconcord run
# with a 64 MB heap to show memory stays flat; then checks the two tools' SNV counts agree at every site.
#
# usage: bench/pileup.sh [LENGTH] [COVERAGE] [SITES] [RUNS] [WORKDIR]   needs: java, bcftools, python3, /usr/bin/time
# one command for the issue's benchmark: bench/pileup.sh            (or give a WORKDIR to keep the data)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
LENGTH="${1:-20000000}"; COVERAGE="${2:-110}"; SITES="${3:-10000}"; RUNS="${4:-3}"
work="${5:-$(mktemp -d /tmp/oncoconcord-pileup-bench.XXXXXX)}"
mkdir -p "$work"
for t in bcftools java python3 bc; do command -v "$t" >/dev/null || { echo "missing: $t" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (Debian package 'time')" >&2; exit 1; }
[ -f "$root/target/oncoconcord.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)

cp -p "$root/target/oncoconcord.jar" "$work/oncoconcord-bench.jar" # a rebuild during the run must not pull the jar away
export ONCOCONCORD_JAR="$work/oncoconcord-bench.jar"              # bin/oncoconcord runs this copy
if [ ! -f "$work/big.bam.ok" ]; then
  echo "generating: ${LENGTH} bp at ${COVERAGE}x, ${SITES} sites in $work" >&2
  /usr/bin/time -f "generate: wall %e s, cpu %U+%S s, rss %M KB" \
    nice -n 19 java -Xmx512m -XX:+UseSerialGC -cp "$work/oncoconcord-bench.jar" "$here/PileupBenchData.java" "$work" "$LENGTH" "$COVERAGE" "$SITES"
  touch "$work/big.bam.ok"
fi
echo "BAM: $(du -h "$work/big.bam" | cut -f1), $(bcftools --version | head -1), java $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

bcf() {
  bcftools mpileup -B -q 20 -Q 20 -A -d 100000 --ns UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY -a AD,ADF,ADR -I \
    -f "$work/ref.fa" -R "$work/positions.tsv" "$work/big.bam" -Ou 2>/dev/null \
    | bcftools query -f '%CHROM\t%POS\t%REF\t%ALT[\t%ADF\t%ADR]\n' > "$work/bcftools.txt"
}
onc() {
  "$root/bin/oncoconcord" pileup --quiet --sites "$work/sites.tsv" --bam "$work/big.bam" --fasta "$work/ref.fa" -o "$work/oncoconcord.tsv"
}
measure() { # name command...
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@"
  read -r wall user sys rss < "$work/time.txt"
  printf '%s\t%s\t%.2f\t%s\t%s\n' "$name" "$wall" "$(echo "$user + $sys" | bc -l)" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
}
export -f bcf onc; export work root
# warm-up (not measured): the launcher's first run of a jar records its class-data-sharing archive
head -11 "$work/sites.tsv" > "$work/warmup.tsv"
"$root/bin/oncoconcord" pileup --quiet --sites "$work/warmup.tsv" --bam "$work/big.bam" --fasta "$work/ref.fa" -o "$work/warmup.out.tsv"
printf 'tool\twall_s\tcpu_s\tpeak_rss_kb\tload1\n'
for i in $(seq 1 "$RUNS"); do
  measure bcftools bash -c bcf
  measure oncoconcord bash -c onc
done
ONCOCONCORD_JAVA_OPTS="-Xmx64m" measure "oncoconcord(-Xmx64m)" bash -c onc

# agreement: REF/ALT reads per strand at every site (an ALT bcftools did not list = 0 reads)
python3 - "$work/bcftools.txt" "$work/oncoconcord.tsv" <<'PY'
import sys
bcf = {}
for line in open(sys.argv[1]):
    c, p, ref, alts, adf, adr = line.rstrip("\n").split("\t")
    bcf[c + ":" + p] = (alts.split(","), [int(x) for x in adf.split(",")], [int(x) for x in adr.split(",")])
same = n = 0
for line in list(open(sys.argv[2]))[1:]:
    f = line.rstrip("\n").split("\t")
    n += 1
    alts, fwd, rev = bcf.get(f[0] + ":" + f[1], ([], [0], [0]))
    i = alts.index(f[3]) + 1 if f[3] in alts else None
    theirs = (fwd[0], rev[0], fwd[i] if i else 0, rev[i] if i else 0)
    ours = tuple(int(x) for x in f[9:13])
    if theirs == ours:
        same += 1
    elif n - same <= 5:
        print("differs", f[0] + ":" + f[1], "bcftools", theirs, "oncoconcord", ours, file=sys.stderr)
print("agreement with bcftools: %d/%d sites" % (same, n))
PY
