#!/usr/bin/env python3
"""Gene models (GTF) for the synthetic reference of gen_normalize_data.py, for the annotation
benchmark (normalize --annotate --gtf): GENES genes spread over the contigs of REF.fa.fai, both
strands, 4-12 exons of 80-300 bp each, introns of 300-3,000 bp, a CDS from inside the first exon to
inside the last with its stop codon, one MANE_Select transcript per gene. With the default 1,500 genes on the 60 Mb
reference, 58% of the benchmark's alleles lie within 5 kb of a gene (42% intergenic; a real genome:
~35-40% of it within protein-coding genes' spans), so most records get a transcript consequence.
Usage: gen_gtf.py REF.fa.fai OUT.gtf [GENES] [SEED]"""
import random, sys

fai, out = sys.argv[1], sys.argv[2]
genes = int(sys.argv[3]) if len(sys.argv) > 3 else 1500
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
contigs = [(l.split("\t")[0], int(l.split("\t")[1])) for l in open(fai) if l.strip()]
total = sum(n for _, n in contigs)
lines = []
g = 0
for name, length in contigs:
    k = max(1, round(genes * length / total))
    step = length // (k + 1)
    for i in range(k):
        g += 1
        start = step * (i + 1) - step // 3 + rnd.randint(0, step // 3)
        exons, pos = [], start
        for e in range(rnd.randint(4, 12)):
            size = rnd.randint(80, 300)
            exons.append((pos, pos + size - 1))
            pos += size + rnd.randint(300, 3000)
        if exons[-1][1] >= length - 10:
            continue
        strand = "+" if rnd.random() < 0.5 else "-"
        gid = "G%05d" % g
        attr = 'gene_id "%s"; transcript_id "%s.1"; gene_name "%s"; tag "MANE_Select";' % (gid, gid, gid)
        # CDS: from 20 bp into the first exon (plus strand; last exon for minus) to 20 bp before the
        # other end, trimmed to whole codons; the stop codon right after it
        cds = [(a, b) for a, b in exons]
        cds[0] = (cds[0][0] + 20, cds[0][1])
        cds[-1] = (cds[-1][0], cds[-1][1] - 23)
        n = sum(b - a + 1 for a, b in cds)
        extra = n % 3
        if strand == "+":
            cds[-1] = (cds[-1][0], cds[-1][1] - extra)
            stop = (cds[-1][1] + 1, cds[-1][1] + 3)
        else:
            cds[0] = (cds[0][0] + extra, cds[0][1])
            cds[-1] = (cds[-1][0], cds[-1][1] + 0)
            stop = (cds[0][0] - 3, cds[0][0] - 1)
        for a, b in exons:
            lines.append((name, a, "\t".join([name, "bench", "exon", str(a), str(b), ".", strand, ".", attr])))
        for a, b in cds:
            lines.append((name, a, "\t".join([name, "bench", "CDS", str(a), str(b), ".", strand, ".", attr])))
        lines.append((name, stop[0], "\t".join([name, "bench", "stop_codon", str(stop[0]), str(stop[1]), ".", strand, ".", attr])))
with open(out, "w") as f:
    for _, _, l in lines:
        f.write(l + "\n")
print(f"{g} genes -> {out}", file=sys.stderr)
