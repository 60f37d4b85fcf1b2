#!/usr/bin/env python3
"""GENCODE-style GTF (bench/gen_gencode_gtf.py) -> GENCODE-style GFF3, for bench/models_gencode.sh: gene /
transcript / exon / CDS / UTR / start_codon / stop_codon lines with ID and Parent, tags as one list
(tag=basic,Ensembl_canonical,MANE_Select) and GENCODE's repeated IDs on the pieces of one feature
(CDS:<transcript>, UTR5:<transcript>, start_codon:<transcript> ...; exons exon:<transcript>:<n>).
Usage: gtf_to_gff3.py IN.gtf OUT.gff3"""
import re, sys

pair = re.compile(r'(\S+) "?([^";]*)"?;')
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    out.write("##gff-version 3\n")
    for line in f:
        if line.startswith("#"):
            continue
        c = line.rstrip("\n").split("\t")
        a, tags = {}, []
        for k, v in pair.findall(c[8]):
            if k == "tag":
                tags.append(v)
            elif k not in a:
                a[k] = v
        t = c[2]
        if t == "gene":
            attr = "ID=%s;gene_id=%s;gene_type=%s;gene_name=%s;level=2" % (a["gene_id"], a["gene_id"], a["gene_type"], a["gene_name"])
        else:
            tid = a["transcript_id"]
            common = "gene_id=%s;transcript_id=%s;gene_type=%s;gene_name=%s" % (a["gene_id"], tid, a["gene_type"], a["gene_name"])
            if t == "transcript":
                attr = "ID=%s;Parent=%s;%s;transcript_type=%s" % (tid, a["gene_id"], common, a["transcript_type"])
                if tags:
                    attr += ";tag=" + ",".join(tags)
            elif t == "exon":
                attr = "ID=exon:%s:%s;Parent=%s;%s;exon_number=%s" % (tid, a["exon_number"], tid, common, a["exon_number"])
            elif t in ("CDS", "start_codon", "stop_codon"):
                attr = "ID=%s:%s;Parent=%s;%s" % (t, tid, tid, common)
            elif t == "UTR":
                attr = "ID=UTR5:%s;Parent=%s;%s" % (tid, tid, common)
                c[2] = "five_prime_UTR"
            else:
                continue
        c[8] = attr
        out.write("\t".join(c) + "\n")
