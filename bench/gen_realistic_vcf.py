#!/usr/bin/env python3
"""Realistic somatic-caller VCFs for bench/normalize_realistic.sh, against a reference written by
gen_normalize_data.py (same OUTDIR). Dialects:
  mutect2  : two samples (tumour, normal), GT:AD:AF:DP:F1R2:F2R1, Number=A/R FORMAT fields, long INFO
             as GATK 4 writes it (AS_SB_TABLE, ECNT, MBQ, MFRL, MMQ, MPOS, NALOD, NLOD, POPAF, TLOD),
             ~6% multiallelic sites, indels placed in tandem repeats (left-align work), padded MNPs.
  strelka2 : NORMAL/TUMOR with tier fields: SNVs DP:FDP:SDP:SUBDP:AU:CU:GU:TU, indels DP:DP2:TAR:TIR:TOR.
The field layout follows src/main/java/org/oncoconcord/simulate/DialectWriter.java (the simulator's
dialect writers) plus the Mutect2 fields it does not write (F1R2/F2R1 and the long INFO).
Usage: gen_realistic_vcf.py OUTDIR N SEED DIALECT   -> OUTDIR/<dialect>.<N>.vcf"""
import os, random, sys

out, n, seed, dialect = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rnd = random.Random(seed)
seqs, order = {}, []
with open(os.path.join(out, "ref.fa")) as f:
    name, buf = None, []
    for line in f:
        if line.startswith(">"):
            if name: seqs[name] = "".join(buf)
            name, buf = line[1:].split()[0], []; order.append(name)
        else:
            buf.append(line.strip())
    seqs[name] = "".join(buf)

def repeat_site(seq, i):
    """Move i to the end of a tandem repeat starting near i, if any (indel in a repeat)."""
    for unit in (1, 2, 3, 4):
        u = seq[i + 1:i + 1 + unit]
        j = i + 1
        while seq[j:j + unit] == u and j + unit < len(seq) - 20:
            j += unit
        if j - (i + 1) >= 3 * unit:
            return unit
    return 0

def frac(a, d): return "%.3f" % (a / d) if d else "0.000"

M2_HEAD = """##fileformat=VCFv4.2
##FILTER=<ID=PASS,Description="All filters passed">
##FILTER=<ID=clustered_events,Description="Clustered events observed in the tumor">
##FILTER=<ID=weak_evidence,Description="Mutation does not meet likelihood threshold">
##FILTER=<ID=strand_bias,Description="Evidence for alt allele comes from one read direction only">
##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">
##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">
##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">
##FORMAT=<ID=F1R2,Number=R,Type=Integer,Description="Count of reads in F1R2 pair orientation supporting each allele">
##FORMAT=<ID=F2R1,Number=R,Type=Integer,Description="Count of reads in F2R1 pair orientation supporting each allele">
##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
##INFO=<ID=AS_SB_TABLE,Number=1,Type=String,Description="Allele-specific forward/reverse read counts for strand bias tests">
##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth; some reads may have been filtered">
##INFO=<ID=ECNT,Number=1,Type=Integer,Description="Number of events in this haplotype">
##INFO=<ID=MBQ,Number=R,Type=Integer,Description="median base quality by allele">
##INFO=<ID=MFRL,Number=R,Type=Integer,Description="median fragment length by allele">
##INFO=<ID=MMQ,Number=R,Type=Integer,Description="median mapping quality by allele">
##INFO=<ID=MPOS,Number=A,Type=Integer,Description="median distance from end of read">
##INFO=<ID=NALOD,Number=A,Type=Float,Description="Negative log 10 odds of artifact in normal with same allele fraction as tumor">
##INFO=<ID=NLOD,Number=A,Type=Float,Description="Normal log 10 likelihood ratio of diploid het or hom alt genotypes">
##INFO=<ID=POPAF,Number=A,Type=Float,Description="negative log 10 population allele frequencies of alt alleles">
##INFO=<ID=TLOD,Number=A,Type=Float,Description="Log 10 likelihood ratio score of variant existing versus not existing">
"""
S2_HEAD = """##fileformat=VCFv4.1
##FILTER=<ID=PASS,Description="All filters passed">
##FILTER=<ID=LowEVS,Description="Somatic Empirical Variant Score (SomaticEVS) is below threshold">
##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">
##INFO=<ID=QSS,Number=1,Type=Integer,Description="Quality score for any somatic snv">
##INFO=<ID=TQSS,Number=1,Type=Integer,Description="Data tier used to compute QSS">
##INFO=<ID=QSI,Number=1,Type=Integer,Description="Quality score for any somatic variant">
##INFO=<ID=TQSI,Number=1,Type=Integer,Description="Data tier used to compute QSI">
##INFO=<ID=NT,Number=1,Type=String,Description="Genotype of the normal in all data tiers">
##INFO=<ID=SGT,Number=1,Type=String,Description="Most likely somatic genotype excluding normal noise states">
##INFO=<ID=DP,Number=1,Type=Integer,Description="Combined depth across samples">
##INFO=<ID=MQ,Number=1,Type=Float,Description="RMS Mapping Quality">
##INFO=<ID=SomaticEVS,Number=1,Type=Float,Description="Somatic Empirical Variant Score">
##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth for tier1">
##FORMAT=<ID=FDP,Number=1,Type=Integer,Description="Number of basecalls filtered from original read depth for tier1">
##FORMAT=<ID=SDP,Number=1,Type=Integer,Description="Number of reads with deletions spanning this site at tier1">
##FORMAT=<ID=SUBDP,Number=1,Type=Integer,Description="Number of reads below tier1 mapping quality threshold aligned across this site">
##FORMAT=<ID=AU,Number=2,Type=Integer,Description="Number of 'A' alleles used in tiers 1,2">
##FORMAT=<ID=CU,Number=2,Type=Integer,Description="Number of 'C' alleles used in tiers 1,2">
##FORMAT=<ID=GU,Number=2,Type=Integer,Description="Number of 'G' alleles used in tiers 1,2">
##FORMAT=<ID=TU,Number=2,Type=Integer,Description="Number of 'T' alleles used in tiers 1,2">
##FORMAT=<ID=DP2,Number=1,Type=Integer,Description="Read depth for tier2">
##FORMAT=<ID=TAR,Number=2,Type=Integer,Description="Reads strongly supporting alternate allele for tiers 1,2">
##FORMAT=<ID=TIR,Number=2,Type=Integer,Description="Reads strongly supporting indel allele for tiers 1,2">
##FORMAT=<ID=TOR,Number=2,Type=Integer,Description="Other reads (weak support or insufficient indel breakpoint overlap) for tiers 1,2">
"""

def alleles(seq, i):
    r = rnd.random()
    if r < 0.72:
        ref = seq[i]; return ref, [rnd.choice([b for b in "ACGT" if b != ref])]
    if r < 0.76:
        ref = seq[i:i + 2]; alt = "".join(rnd.choices("ACGT", k=2))
        return (ref, [alt]) if alt != ref else (ref, [ref[0] + ("A" if ref[1] != "A" else "C")])
    if r < 0.94:  # indels, mostly in repeats: written at the repeat's start (right-shifted for left-align)
        unit = repeat_site(seq, i) or rnd.randint(1, 3)
        if rnd.random() < 0.5:
            ref = seq[i:i + 1 + unit]; return ref, [ref[0]]
        ref = seq[i]; return ref, [ref + seq[i + 1:i + 1 + unit]]
    ref = seq[i:i + 2]  # multiallelic: deletion, insertion, SNV
    return ref, [ref[0], ref + seq[i + 2], rnd.choice([b for b in "ACGT" if b != ref[0]]) + ref[1]]

path = os.path.join(out, "%s.%d.vcf" % (dialect, n))
total = sum(len(seqs[c]) for c in order)
with open(path, "w") as f:
    f.write(M2_HEAD if dialect == "mutect2" else S2_HEAD)
    for c in order:
        f.write("##contig=<ID=%s,length=%d>\n" % (c, len(seqs[c])))
    if dialect == "mutect2":
        f.write("##normal_sample=P1_N\n##source=Mutect2\n##tumor_sample=P1_T\n")
        f.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1_T\tP1_N\n")
    else:
        f.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n")
    for c in order:
        seq = seqs[c]
        k = n * len(seq) // total
        for p in sorted(rnd.randint(2, len(seq) - 30) for _ in range(k)):
            ref, alts = alleles(seq, p - 1)
            na = len(alts)
            filt = rnd.choices(["PASS", "weak_evidence", "clustered_events", "strand_bias"], [70, 15, 10, 5])[0]
            d = rnd.randint(20, 400); nd = rnd.randint(15, 200)
            if dialect == "mutect2":
                altr = [rnd.randint(1, max(1, d // 3)) for _ in alts]
                refr = max(0, d - sum(altr))
                ad = [refr] + altr
                f1 = [x // 2 for x in ad]; f2 = [x - y for x, y in zip(ad, f1)]
                nad = [nd] + [rnd.randint(0, 1) for _ in alts]
                nf1 = [x // 2 for x in nad]; nf2 = [x - y for x, y in zip(nad, nf1)]
                j = lambda v: ",".join(map(str, v))
                sb = "|".join("%d,%d" % (x // 2, x - x // 2) for x in ad)
                info = ("AS_SB_TABLE=%s;DP=%d;ECNT=%d;MBQ=%s;MFRL=%s;MMQ=%s;MPOS=%s;NALOD=%s;NLOD=%s;POPAF=%s;TLOD=%s" % (
                    sb, d + nd, rnd.randint(1, 4), j([rnd.randint(20, 40) for _ in range(na + 1)]),
                    j([rnd.randint(150, 400) for _ in range(na + 1)]), j([60] * (na + 1)),
                    j([rnd.randint(5, 60) for _ in alts]), ",".join("%.2f" % rnd.uniform(0.5, 3) for _ in alts),
                    ",".join("%.2f" % rnd.uniform(2, 40) for _ in alts), ",".join("%.2f" % rnd.uniform(3, 7) for _ in alts),
                    ",".join("%.2f" % (2.2 * a) for a in altr)))
                gt = "0/" + "/".join(str(i + 1) for i in range(na)) if na == 1 else rnd.choice(["0/1/2/3", "0/1", "0/2", "1/2"])
                gt = gt if gt.count("/") <= 1 else "0/1"
                tum = "%s:%s:%s:%d:%s:%s" % (gt, j(ad), ",".join(frac(a, d) for a in altr), d, j(f1), j(f2))
                nor = "0/0:%s:%s:%d:%s:%s" % (j(nad), ",".join(frac(a, nd + 2) for a in nad[1:]), nd, j(nf1), j(nf2))
                f.write("%s\t%d\t.\t%s\t%s\t.\t%s\t%s\tGT:AD:AF:DP:F1R2:F2R1\t%s\t%s\n" % (
                    c, p, ref, ",".join(alts), filt, info, tum, nor))
            else:
                alt = rnd.randint(2, max(2, d // 3)); q = min(200, 3 * alt + 10); evs = "%.2f" % min(60, 0.8 * alt + 1.5)
                if len(ref) == 1 and len(alts) == 1 and len(alts[0]) == 1:
                    a = alts[0]
                    def tiers(rc, ac, altb):
                        return ":".join("%d,%d" % (((rc if b == ref else ac if b == altb else 0),) * 2) for b in "ACGT")
                    info = "SOMATIC;QSS=%d;TQSS=1;NT=ref;SGT=%s%s->%s%s;DP=%d;MQ=60.00;SomaticEVS=%s" % (q, ref, ref, ref, a, d + nd, evs)
                    f.write("%s\t%d\t.\t%s\t%s\t.\t%s\t%s\tDP:FDP:SDP:SUBDP:AU:CU:GU:TU\t%d:0:0:0:%s\t%d:0:0:0:%s\n" % (
                        c, p, ref, a, "PASS" if float(evs) >= 3 else "LowEVS", info, nd, tiers(nd, 0, None), d, tiers(d - alt, alt, a)))
                else:
                    info = "SOMATIC;QSI=%d;TQSI=1;NT=ref;SGT=ref->het;DP=%d;MQ=60.00;SomaticEVS=%s" % (q, d + nd, evs)
                    f.write("%s\t%d\t.\t%s\t%s\t.\tPASS\t%s\tDP:DP2:TAR:TIR:TOR\t%d:%d:%d,%d:0,0:0,0\t%d:%d:%d,%d:%d,%d:0,0\n" % (
                        c, p, ref, ",".join(alts), info, nd, nd, nd, nd + 1, d, d, d - alt, d - alt + 1, alt, alt))
print(path)
