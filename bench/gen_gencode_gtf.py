#!/usr/bin/env python3
"""A GENCODE-sized GTF for the synthetic reference of gen_normalize_data.py, to time the loading of
transcript models at the scale users give with --gtf (bench/models_gencode.sh). Shaped like GENCODE
v44's comprehensive annotation (gencode.v44.annotation.gtf: 62,700 genes, 252,000 transcripts, 3.4M
lines): GENES genes (default 62,000; a third protein-coding), ~4 transcripts each, gene / transcript /
exon / CDS / UTR / start_codon / stop_codon lines, GENCODE's attribute layout (numbers unquoted:
`exon_number 3; level 2;`, tags, versioned ids), one MANE_Select + Ensembl_canonical transcript per
coding gene. Genes overlap freely on the small genome: the models are for timing, not biology.
Usage: gen_gencode_gtf.py REF.fa.fai OUT.gtf [GENES] [SEED]"""
import random, sys

fai, out = sys.argv[1], sys.argv[2]
genes = int(sys.argv[3]) if len(sys.argv) > 3 else 62000
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
contigs = [(l.split("\t")[0], int(l.split("\t")[1])) for l in open(fai) if l.strip()]
total = sum(n for _, n in contigs)
lines = 0
with open(out, "w") as f:
    f.write("##description: evidence-based annotation of the human genome (GRCh38), version 44 (Ensembl 110)-shaped, synthetic\n"
            "##provider: GENCODE\n##contact: gencode-help@ebi.ac.uk\n##format: gtf\n##date: 2023-03-24\n")
    g = 0
    for name, length in contigs:
        k = max(1, round(genes * length / total))
        for i in range(k):
            g += 1
            coding = rnd.random() < 0.32
            gtype = "protein_coding" if coding else rnd.choice(["lncRNA", "processed_pseudogene", "misc_RNA", "snRNA"])
            strand = "+" if rnd.random() < 0.5 else "-"
            start = rnd.randint(1000, length - 200000)
            gid = "ENSG%011d.%d" % (g, rnd.randint(1, 20))
            gname = "GENE%05d" % g
            ntx = rnd.randint(1, 8) if coding else rnd.randint(1, 3)
            txs = []
            for t in range(ntx):
                nex = rnd.randint(2, 14) if coding else rnd.randint(1, 4)
                pos, exons = start + rnd.randint(0, 2000), []
                for e in range(nex):
                    size = rnd.randint(60, 400)
                    exons.append((pos, pos + size - 1))
                    pos += size + rnd.randint(200, 6000)
                txs.append(exons)
            gend = max(e[-1][1] for e in txs)
            common = 'gene_id "%s"; gene_type "%s"; gene_name "%s"; level 2; hgnc_id "HGNC:%d"; havana_gene "OTTHUMG%011d.2";' % (
                gid, gtype, gname, g, g)
            f.write("%s\tHAVANA\tgene\t%d\t%d\t.\t%s\t.\t%s\n" % (name, start, gend, strand, common)); lines += 1
            for t, exons in enumerate(txs):
                tid = "ENST%011d.%d" % (g * 10 + t, rnd.randint(1, 12))
                mane = coding and t == 0
                tags = ' tag "basic";' + (' tag "Ensembl_canonical"; tag "MANE_Select"; tag "CCDS"; ccdsid "CCDS%d.1";' % g if mane else "")
                ta = 'gene_id "%s"; transcript_id "%s"; gene_type "%s"; gene_name "%s"; transcript_type "%s"; transcript_name "%s-%d"; level 2; transcript_support_level "1"; hgnc_id "HGNC:%d";%s havana_gene "OTTHUMG%011d.2";' % (
                    gid, tid, gtype, gname, gtype, gname, 201 + t, g, tags, g)
                f.write("%s\tHAVANA\ttranscript\t%d\t%d\t.\t%s\t.\t%s\n" % (name, exons[0][0], exons[-1][1], strand, ta)); lines += 1
                # CDS from 30 bp into the first exon to 30 bp before the end of the last, whole codons, stop after it
                order = exons if strand == "+" else exons[::-1]
                cds = []
                if coding and len(exons) >= 2:
                    span = [(a, b) for a, b in exons]
                    span[0] = (span[0][0] + 30, span[0][1]); span[-1] = (span[-1][0], span[-1][1] - 33)
                    n = sum(b - a + 1 for a, b in span)
                    if strand == "+":
                        span[-1] = (span[-1][0], span[-1][1] - n % 3)
                    else:
                        span[0] = (span[0][0] + n % 3, span[0][1])
                    cds = span
                for num, (a, b) in enumerate(order, 1):
                    ea = ta.replace(" level 2;", ' exon_number %d; exon_id "ENSE%011d.1"; level 2;' % (num, g * 100 + t * 20 + num), 1)
                    f.write("%s\tHAVANA\texon\t%d\t%d\t.\t%s\t.\t%s\n" % (name, a, b, strand, ea)); lines += 1
                    c = next(((x, y) for x, y in cds if x >= a and y <= b), None)
                    if c:
                        pa = ea.replace(" level 2;", ' level 2; protein_id "ENSP%011d.1";' % (g * 10 + t), 1)
                        f.write("%s\tHAVANA\tCDS\t%d\t%d\t.\t%s\t0\t%s\n" % (name, c[0], c[1], strand, pa)); lines += 1
                        if c[0] > a:
                            f.write("%s\tHAVANA\tUTR\t%d\t%d\t.\t%s\t.\t%s\n" % (name, a, c[0] - 1, strand, pa)); lines += 1
                        if c[1] < b:
                            f.write("%s\tHAVANA\tUTR\t%d\t%d\t.\t%s\t.\t%s\n" % (name, c[1] + 1, b, strand, pa)); lines += 1
                if cds:
                    first = cds[0] if strand == "+" else cds[-1]
                    last = cds[-1] if strand == "+" else cds[0]
                    sc = (first[0], first[0] + 2) if strand == "+" else (first[1] - 2, first[1])
                    st = (last[1] + 1, last[1] + 3) if strand == "+" else (last[0] - 3, last[0] - 1)
                    f.write("%s\tHAVANA\tstart_codon\t%d\t%d\t.\t%s\t0\t%s\n" % (name, sc[0], sc[1], strand, ta)); lines += 1
                    f.write("%s\tHAVANA\tstop_codon\t%d\t%d\t.\t%s\t0\t%s\n" % (name, st[0], st[1], strand, ta)); lines += 1
print(f"{g} genes, {lines} lines -> {out}", file=sys.stderr)
