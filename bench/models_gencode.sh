#!/usr/bin/env bash
# What loading transcript models costs at GENCODE's size (--gtf of a genome-wide annotation): `oncoconcord
# annotate --gtf G --fasta ref.fa` of a 20-record VCF, so the run is the models' loading (GTF reading, one
# transcript chosen per gene, CDS spliced from the FASTA) plus the JVM. The GTF comes from
# bench/gen_gencode_gtf.py (GENCODE v44's shape and attribute layout: 62,000 genes, ~2.2M lines) on the
# synthetic reference of bench/normalize_realistic.sh (made there when missing); read plain and gzipped (as
# GENCODE ships it), and as GENCODE-style GFF3 (bench/gtf_to_gff3.py, gzipped: --gff3, htsjdk's codec),
# REPEATS alternating runs each, wall / CPU (user+sys) / peak RSS, and the outputs compared.
# No peer: bcftools csq reads GFF3 only, and the pipeline loads models once per CONCORDANCE task.
# The models lie on random sequence (their CDS are not open reading frames): --no-cds-check.
# Usage: bench/models_gencode.sh [WORKDIR] [REPEATS]   (defaults /tmp/oncoconcord-bench-real 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${1:-/tmp/oncoconcord-bench-real}"
reps="${2:-3}"
[ -f "$work/ref.fa.fai" ] || DIALECTS=mutect2 OUTS=vcf "$here/normalize_realistic.sh" "$work" 1 20000 >/dev/null
[ -f "$work/gencode.gtf" ] || python3 "$here/gen_gencode_gtf.py" "$work/ref.fa.fai" "$work/gencode.gtf"
[ -f "$work/gencode.gtf.gz" ] || gzip -c "$work/gencode.gtf" > "$work/gencode.gtf.gz"
[ -f "$work/gencode.gff3.gz" ] || { python3 "$here/gtf_to_gff3.py" "$work/gencode.gtf" "$work/gencode.gff3" && gzip -f "$work/gencode.gff3"; }
echo "GTF: $(grep -vc '^#' "$work/gencode.gtf") lines, $(du -m "$work/gencode.gtf" | cut -f1) MB plain, $(du -m "$work/gencode.gtf.gz" | cut -f1) MB gzipped"
vcf="$work/models-bench.vcf"
{ printf '##fileformat=VCFv4.2\n##contig=<ID=1,length=%s>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n' "$(cut -f2 "$work/ref.fa.fai" | head -1)"
  for p in $(seq 100000 1000000 19100000); do
    b=$(samtools faidx "$work/ref.fa" "1:$p-$p" | tail -1)
    a=A; [ "$b" = A ] && a=C
    printf '1\t%s\t.\t%s\t%s\t.\tPASS\t.\n' "$p" "$b" "$a"
  done; } > "$vcf"
"$root/bin/oncoconcord" annotate --no-cds-check --fasta "$work/ref.fa" --gtf "$work/gencode.gtf.gz" -o "$work/models-bench.warmup.vcf" "$vcf" 2>/dev/null
for ((k = 1; k <= reps; k++)); do
  for g in gencode.gtf gencode.gtf.gz gencode.gff3.gz; do
    opt=--gtf; [ "$g" = gencode.gff3.gz ] && opt=--gff3
    /usr/bin/time -f "%e %U %S %M" -o "$work/models-bench.time" "$root/bin/oncoconcord" annotate --no-cds-check --fasta "$work/ref.fa" \
      "$opt" "$work/$g" -o "$work/models-bench.$g.vcf" "$vcf" 2> "$work/models-bench.log"
    awk -v g="$g" -v k="$k" '{ printf "%s run %d: wall %.2fs cpu %.2fs rss %.0fMB\n", g, k, $1, $2 + $3, $4 / 1024 }' "$work/models-bench.time"
  done
done
grep -o 'GTF gencode.gtf.gz ([^)]*)' "$work/models-bench.gencode.gtf.gz.vcf" | head -1
for g in gencode.gtf.gz gencode.gff3.gz; do
  if cmp -s <(grep -v '^##' "$work/models-bench.gencode.gtf.vcf") <(grep -v '^##' "$work/models-bench.$g.vcf"); then
    echo "$g: the same records and CSQ as the plain GTF"
  else
    echo "$g: DIFFERENT from the plain GTF" >&2; exit 1
  fi
done
