#!/usr/bin/env bash
# Session 8 (issue 20): CPU and main-thread CPU of `oncoconcord normalize` builds against `bcftools norm`
# (options -f ref -m -any -c e, uncompressed and BGZF output), runs alternating, via bench/thread_cpu.py
# (total user+sys from wait4; per-thread CPU from /proc/PID/task/*/stat; load average of each run).
# Inputs from bench/normalize_realistic.sh (WORKDIR/{mutect2,strelka2}.1000000.vcf.gz, WORKDIR/ref.fa).
# Usage: bench/normalize_mainthread.sh WORKDIR REPEATS JAR...   (each JAR run through bin/oncoconcord)
# DIALECTS and OUTS as in normalize_realistic.sh. Prints one line per run and the md5 of every output.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$1"; reps="$2"; shift 2
cd "$work"
head -c 2000000 mutect2.1000000.vcf.gz | gzip -dc 2>/dev/null | head -20000 > warm.in.vcf || true
for jar in "$@"; do # record each jar's AppCDS archive first, on 20,000 records (the first run of a jar is not measured)
  ONCOCONCORD_JAR="$jar" "$here/../bin/oncoconcord" normalize --quiet --no-standardize -f ref.fa -m -any -c e -o warm.vcf warm.in.vcf
done
for d in ${DIALECTS:-mutect2 strelka2}; do
  for o in ${OUTS:-vcf vcf.gz}; do
    for ((k = 1; k <= reps; k++)); do
      ot=v; [ "$o" = vcf.gz ] && ot=z
      echo "$d $o bcftools $k: $("$here/thread_cpu.py" bcftools norm -f ref.fa -m -any -c e -O$ot -o "bcftools.$d.$o" "$d.1000000.vcf.gz" 2>/dev/null)"
      for jar in "$@"; do
        name="$(basename "$jar" .jar)"
        echo "$d $o $name $k: $(ONCOCONCORD_JAR="$jar" "$here/thread_cpu.py" "$here/../bin/oncoconcord" normalize --quiet --no-standardize \
          -f ref.fa -m -any -c e -o "$name.$d.$o" "$d.1000000.vcf.gz")"
      done
    done
    for jar in "$@"; do name="$(basename "$jar" .jar)"; md5sum "$name.$d.$o" $( [ "$o" = vcf.gz ] && echo "$name.$d.$o.tbi"); done
    cat_=cat; [ "$o" = vcf.gz ] && cat_=zcat
    for jar in "$@"; do name="$(basename "$jar" .jar)"
      if cmp -s <($cat_ "bcftools.$d.$o" | grep -v '^#') <($cat_ "$name.$d.$o" | grep -v '^#'); then echo "$d $o $name: data lines identical to bcftools'"; else echo "$d $o $name: data lines DIFFERENT from bcftools'"; fi
    done
  done
done
