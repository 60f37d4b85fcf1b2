#!/bin/sh
# Derives the shipped transcript tables of `oncoconcord annotate` from the verified set in
# ../shared/data/transcripts/ (MANE Select v1.0; provenance in that folder's README.md and in
# src/main/resources/org/oncoconcord/annotate/PROVENANCE.md). Usage: scripts/derive_transcripts.sh [SRC_DIR]
set -eu
src=${1:-../shared/data/transcripts}
out=src/main/resources/org/oncoconcord/annotate
mkdir -p "$out"
for b in GRCh37 GRCh38; do
  awk -F'\t' -v OFS='\t' 'NR==1{print "gene","transcript","ensembl_transcript","protein","chrom","strand","tx_start","tx_end","cds_start","cds_end","exon_starts","exon_ends";next}
    {print $1,$2,$12,$13,$3,$4,$5,$6,$7,$8,$9,$10}' "$src/transcripts.$b.tsv" > "$out/transcripts.$b.tsv"
done
# The CDS is identical in both builds (same transcript version): one table.
cmp -s "$src/cds.GRCh37.fa" "$src/cds.GRCh38.fa" || \
  [ "$(grep -v '>' "$src/cds.GRCh37.fa" | md5sum)" = "$(grep -v '>' "$src/cds.GRCh38.fa" | md5sum)" ] || { echo "CDS differ between builds" >&2; exit 1; }
awk -v OFS='\t' 'BEGIN{print "transcript","sequence"} /^>/{if(id)print id,seq; id=substr($1,2); seq=""; next} {seq=seq $0} END{if(id)print id,seq}' \
  "$src/cds.GRCh38.fa" > "$out/cds.tsv"
