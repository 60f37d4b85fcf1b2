#!/usr/bin/env python3
"""Generates a random reference (3 contigs, total SIZE bases, with tandem repeats) and a sorted
VCF of N records against it (SNVs, MNPs, indels in repeats, padded alleles, multiallelics with
A/R/G fields, 1/2 genotypes), for bench/normalize.sh. Usage: gen_normalize_data.py OUTDIR SIZE N SEED"""
import os, random, sys

out, size, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed)
os.makedirs(out, exist_ok=True)
contigs = [("1", size // 2), ("2", size // 3), ("3", size - size // 2 - size // 3)]
fa = os.path.join(out, "ref.fa")
seqs = {}
if not os.path.exists(fa):
    with open(fa, "w") as f:
        for name, ln in contigs:
            parts, tot = [], 0
            while tot < ln:
                if rnd.random() < 0.15:
                    s = "".join(rnd.choice("ACGT") for _ in range(rnd.randint(1, 4))) * rnd.randint(3, 9)
                else:
                    s = "".join(rnd.choices("ACGT", k=rnd.randint(20, 60)))
                parts.append(s); tot += len(s)
            seq = "".join(parts)[:ln]
            f.write(">" + name + "\n")
            for i in range(0, ln, 60):
                f.write(seq[i:i + 60] + "\n")
seqs = {}
with open(fa) as f:
    name, buf = None, []
    for line in f:
        if line.startswith(">"):
            if name: seqs[name] = "".join(buf)
            name, buf = line[1:].strip(), []
        else:
            buf.append(line.strip())
    seqs[name] = "".join(buf)

def ints(k): return ",".join(str(rnd.randint(0, 99)) for _ in range(k))

vcf = os.path.join(out, "in.%d.vcf" % n)
with open(vcf, "w") as f:
    f.write("##fileformat=VCFv4.2\n")
    for name, ln in contigs:
        f.write("##contig=<ID=%s,length=%d>\n" % (name, ln))
    f.write('##INFO=<ID=DP,Number=1,Type=Integer,Description="d">\n##INFO=<ID=AC,Number=A,Type=Integer,Description="a">\n')
    f.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="g">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description="a">\n')
    f.write('##FORMAT=<ID=PL,Number=G,Type=Integer,Description="p">\n')
    f.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n")
    total = sum(l for _, l in contigs)
    for name, ln in contigs:
        k = n * ln // total
        seq = seqs[name]
        for p in sorted(rnd.randint(2, ln - 20) for _ in range(k)):
            i = p - 1
            r = rnd.random()
            if r < 0.75:
                ref = seq[i]; alts = [rnd.choice([b for b in "ACGT" if b != ref])]
            elif r < 0.80:
                ref = seq[i:i + 2]; alts = ["".join(rnd.choices("ACGT", k=2))]
                if alts[0] == ref: continue
            elif r < 0.88:
                d = rnd.randint(1, 4); ref = seq[i:i + 1 + d]; alts = [ref[0]]
            elif r < 0.94:
                d = rnd.randint(1, 4); ref = seq[i]; alts = [ref + seq[i + 1:i + 1 + d]]
            else:
                ref = seq[i:i + 2]; alts = [ref[0], ref + seq[i + 2], rnd.choice([b for b in "ACGT" if b != ref[0]]) + ref[1]]
            na = len(alts) + 1
            gt = "1/2" if na > 2 and rnd.random() < 0.5 else rnd.choice(["0/1", "1/1", "0/0"])
            f.write("%s\t%d\t.\t%s\t%s\t%d\tPASS\tDP=%d;AC=%s\tGT:AD:PL\t%s:%s:%s\n" % (
                name, p, ref, ",".join(alts), rnd.randint(1, 99), rnd.randint(1, 300), ints(na - 1), gt, ints(na), ints(na * (na + 1) // 2)))
print(vcf)
