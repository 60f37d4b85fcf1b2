package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oncoconcord.simulate.Planted.FileStyle;

/**
 * Formats a sample's records as one somatic caller would: Mutect2-like (GT:AD:AF:DP, sample-named
 * tumour and normal columns, {@code ##tumor_sample}; tumour-only for plasma), Strelka2-like
 * (NORMAL/TUMOR, AU/CU/GU/TU tier counts for SNVs, TAR/TIR/TOR for indels, no GT) or
 * VarScan2-like (NORMAL/TUMOR, GT:GQ:DP:RD:AD:FREQ:DP4 with AD = alt count, FREQ in percent).
 * Contigs are written with or without {@code chr}, with or without {@code ##contig} lines.
 */
final class DialectWriter {
    private DialectWriter() {
    }

    /** The column holding the tumour in files of this dialect. */
    static String tumourColumn(String dialect, String sampleId) {
        return dialect.equals("mutect2") ? sampleId : "TUMOR";
    }

    /** The VCF text (header and records). {@code normalDepths}: one per record. */
    static String render(SyntheticGenome g, String patient, String sampleId, boolean plasma, FileStyle style,
                         List<RawRecord> records, List<Integer> normalDepths) {
        StringBuilder b = new StringBuilder(8192);
        String d = style.dialect();
        boolean tumourOnly = plasma && d.equals("mutect2");
        String normalName = d.equals("mutect2") ? patient + "_N" : "NORMAL";
        String tumourName = tumourColumn(d, sampleId);
        header(b, g, style, sampleId, normalName, tumourOnly);
        b.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        if (tumourOnly) {
            b.append('\t').append(tumourName);
        } else if (style.normalFirst() || !d.equals("mutect2")) {
            b.append('\t').append(normalName).append('\t').append(tumourName);
        } else {
            b.append('\t').append(tumourName).append('\t').append(normalName);
        }
        b.append('\n');
        for (int i = 0; i < records.size(); i++) {
            RawRecord r = records.get(i);
            int nd = normalDepths.get(i);
            String chrom = style.chrPrefix() ? r.chrom() : r.chrom().substring(3);
            b.append(chrom).append('\t').append(r.pos()).append("\t.\t").append(r.ref()).append('\t')
                    .append(String.join(",", r.alts())).append("\t.\t").append(r.filter()).append('\t');
            String[] cols = switch (d) {
                case "mutect2" -> mutect2(r, nd);
                case "strelka2" -> strelka2(r, nd);
                default -> varscan2(r, nd);
            };
            // cols: INFO, FORMAT, normal, tumour
            b.append(cols[0]).append('\t').append(cols[1]);
            if (tumourOnly) {
                b.append('\t').append(cols[3]);
            } else if (style.normalFirst() || !d.equals("mutect2")) {
                b.append('\t').append(cols[2]).append('\t').append(cols[3]);
            } else {
                b.append('\t').append(cols[3]).append('\t').append(cols[2]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void header(StringBuilder b, SyntheticGenome g, FileStyle style, String sampleId, String normalName,
                               boolean tumourOnly) {
        String d = style.dialect();
        b.append(d.equals("mutect2") ? "##fileformat=VCFv4.2\n" : "##fileformat=VCFv4.1\n");
        b.append("##FILTER=<ID=PASS,Description=\"All filters passed\">\n");
        switch (d) {
            case "mutect2" -> {
                b.append("##FILTER=<ID=clustered_events,Description=\"Clustered events observed in the tumor\">\n");
                b.append("##FILTER=<ID=orientation,Description=\"orientation bias detected by the orientation bias mixture model\">\n");
                b.append("##FILTER=<ID=strand_bias,Description=\"Evidence for alt allele comes from one read direction only\">\n");
                b.append("##FILTER=<ID=weak_evidence,Description=\"Mutation does not meet likelihood threshold\">\n");
                b.append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths for the ref and alt alleles in the order listed\">\n");
                b.append("##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fractions of alternate alleles in the tumor\">\n");
                b.append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth (reads with MQ=255 or with bad mates are filtered)\">\n");
                b.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
                b.append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth; some reads may have been filtered\">\n");
                b.append("##INFO=<ID=TLOD,Number=A,Type=Float,Description=\"Log 10 likelihood ratio score of variant existing versus not existing\">\n");
                b.append("##MutectVersion=2.2\n");
            }
            case "strelka2" -> {
                b.append("##source=strelka\n##source_version=2.9.10\n");
                b.append("##content=strelka somatic snv and indel calls\n");
                b.append("##FILTER=<ID=LowEVS,Description=\"Somatic Empirical Variant Score (SomaticEVS) is below threshold\">\n");
                b.append("##FILTER=<ID=LowDepth,Description=\"Tumor or normal sample read depth at this locus is below 2\">\n");
                b.append("##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description=\"Somatic mutation\">\n");
                b.append("##INFO=<ID=QSS,Number=1,Type=Integer,Description=\"Quality score for any somatic snv\">\n");
                b.append("##INFO=<ID=TQSS,Number=1,Type=Integer,Description=\"Data tier used to compute QSS\">\n");
                b.append("##INFO=<ID=QSI,Number=1,Type=Integer,Description=\"Quality score for any somatic variant\">\n");
                b.append("##INFO=<ID=TQSI,Number=1,Type=Integer,Description=\"Data tier used to compute QSI\">\n");
                b.append("##INFO=<ID=NT,Number=1,Type=String,Description=\"Genotype of the normal in all data tiers\">\n");
                b.append("##INFO=<ID=SGT,Number=1,Type=String,Description=\"Most likely somatic genotype excluding normal noise states\">\n");
                b.append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Combined depth across samples\">\n");
                b.append("##INFO=<ID=MQ,Number=1,Type=Float,Description=\"RMS Mapping Quality\">\n");
                b.append("##INFO=<ID=SomaticEVS,Number=1,Type=Float,Description=\"Somatic Empirical Variant Score\">\n");
                b.append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read depth for tier1\">\n");
                b.append("##FORMAT=<ID=FDP,Number=1,Type=Integer,Description=\"Number of basecalls filtered from original read depth for tier1\">\n");
                b.append("##FORMAT=<ID=SDP,Number=1,Type=Integer,Description=\"Number of reads with deletions spanning this site at tier1\">\n");
                b.append("##FORMAT=<ID=SUBDP,Number=1,Type=Integer,Description=\"Number of reads below tier1 mapping quality threshold aligned across this site\">\n");
                for (char base : new char[] {'A', 'C', 'G', 'T'}) {
                    b.append("##FORMAT=<ID=").append(base).append("U,Number=2,Type=Integer,Description=\"Number of '")
                            .append(base).append("' alleles used in tiers 1,2\">\n");
                }
                b.append("##FORMAT=<ID=DP2,Number=1,Type=Integer,Description=\"Read depth for tier2\">\n");
                b.append("##FORMAT=<ID=TAR,Number=2,Type=Integer,Description=\"Reads strongly supporting alternate allele for tiers 1,2\">\n");
                b.append("##FORMAT=<ID=TIR,Number=2,Type=Integer,Description=\"Reads strongly supporting indel allele for tiers 1,2\">\n");
                b.append("##FORMAT=<ID=TOR,Number=2,Type=Integer,Description=\"Other reads (weak support or insufficient indel breakpoint overlap) for tiers 1,2\">\n");
            }
            default -> {
                b.append("##source=VarScan2\n");
                b.append("##FILTER=<ID=Strand,Description=\"Variant reads come from one strand\">\n");
                b.append("##FILTER=<ID=VarCount,Description=\"Too few variant-supporting reads\">\n");
                b.append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total depth of quality bases\">\n");
                b.append("##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description=\"Indicates if record is a somatic mutation\">\n");
                b.append("##INFO=<ID=SS,Number=1,Type=String,Description=\"Somatic status of variant (0=Reference,1=Germline,2=Somatic,3=LOH, or 5=Unknown)\">\n");
                b.append("##INFO=<ID=SSC,Number=1,Type=String,Description=\"Somatic score in Phred scale (0-255) derived from somatic p-value\">\n");
                b.append("##INFO=<ID=GPV,Number=1,Type=Float,Description=\"Fisher's Exact Test P-value of tumor+normal versus no variant for Germline calls\">\n");
                b.append("##INFO=<ID=SPV,Number=1,Type=Float,Description=\"Fisher's Exact Test P-value of tumor versus normal for Somatic/LOH calls\">\n");
                b.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
                b.append("##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"Genotype Quality\">\n");
                b.append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read Depth\">\n");
                b.append("##FORMAT=<ID=RD,Number=1,Type=Integer,Description=\"Depth of reference-supporting bases (reads1)\">\n");
                b.append("##FORMAT=<ID=AD,Number=1,Type=Integer,Description=\"Depth of variant-supporting bases (reads2)\">\n");
                b.append("##FORMAT=<ID=FREQ,Number=1,Type=String,Description=\"Variant allele frequency\">\n");
                b.append("##FORMAT=<ID=DP4,Number=1,Type=String,Description=\"Strand read counts: ref/fwd, ref/rev, var/fwd, var/rev\">\n");
            }
        }
        if (style.contigHeader()) {
            for (String c : g.contigs()) {
                b.append("##contig=<ID=").append(style.chrPrefix() ? c : c.substring(3)).append(",length=")
                        .append(g.length(c)).append(">\n");
            }
        }
        b.append("##reference=file://reference.fa\n");
        if (d.equals("mutect2")) {
            if (!tumourOnly) {
                b.append("##normal_sample=").append(normalName).append('\n');
            }
            b.append("##source=Mutect2\n");
            b.append("##tumor_sample=").append(sampleId).append('\n');
        }
    }

    private static String[] mutect2(RawRecord r, int nd) {
        int depth = r.depth();
        StringBuilder gt = new StringBuilder("0");
        StringBuilder ad = new StringBuilder().append(r.refReads());
        StringBuilder af = new StringBuilder();
        StringBuilder tlod = new StringBuilder();
        StringBuilder nAd = new StringBuilder().append(nd);
        StringBuilder nAf = new StringBuilder();
        for (int i = 0; i < r.alts().size(); i++) {
            int a = r.altReads().get(i);
            gt.append('/').append(i + 1);
            ad.append(',').append(a);
            nAd.append(",0");
            if (i > 0) {
                af.append(',');
                tlod.append(',');
                nAf.append(',');
            }
            af.append(fmt(a / (double) depth, 3));
            tlod.append(fmt(2.2 * a, 2));
            nAf.append(fmt(1.0 / (nd + 2), 3));
        }
        String nGt = r.alts().size() > 1 ? "0/0" : "0/0";
        String info = "DP=" + (depth + nd) + ";TLOD=" + tlod;
        return new String[] {info, "GT:AD:AF:DP", nGt + ":" + nAd + ":" + nAf + ":" + nd, gt + ":" + ad + ":" + af + ":" + depth};
    }

    private static String[] strelka2(RawRecord r, int nd) {
        int depth = r.depth();
        int alt = r.altReads().get(0);
        int q = Math.min(200, 3 * alt + 10);
        String evs = fmt(Math.min(60, 0.8 * alt + 1.5), 2);
        if (!r.indel() && r.ref().length() == 1) {
            char ref = r.ref().charAt(0);
            char a = r.alts().get(0).charAt(0);
            String info = "SOMATIC;QSS=" + q + ";TQSS=1;NT=ref;SGT=" + ref + ref + "->" + ref + a + ";DP=" + (depth + nd)
                    + ";MQ=60.00;SomaticEVS=" + evs;
            return new String[] {info, "DP:FDP:SDP:SUBDP:AU:CU:GU:TU", nd + ":0:0:0:" + tiers(ref, ' ', nd, 0),
                    depth + ":0:0:0:" + tiers(ref, a, r.refReads(), alt)};
        }
        String info = "SOMATIC;QSI=" + q + ";TQSI=1;NT=ref;SGT=ref->het;DP=" + (depth + nd) + ";MQ=60.00;SomaticEVS=" + evs;
        String normal = nd + ":" + nd + ":" + nd + "," + (nd + 1) + ":0,0:0,0";
        String tumour = depth + ":" + depth + ":" + r.refReads() + "," + (r.refReads() + 1) + ":" + alt + "," + alt + ":0,0";
        return new String[] {info, "DP:DP2:TAR:TIR:TOR", normal, tumour};
    }

    private static String tiers(char ref, char alt, int refCount, int altCount) {
        List<String> out = new ArrayList<>();
        for (char base : new char[] {'A', 'C', 'G', 'T'}) {
            int n = base == ref ? refCount : base == alt ? altCount : 0;
            out.add(n + "," + (n + (n > 0 ? 1 : 0)));
        }
        return String.join(":", out);
    }

    private static String[] varscan2(RawRecord r, int nd) {
        int depth = r.depth();
        int alt = r.altReads().get(0);
        double spv = Math.pow(10, -Math.min(300, alt / 3.0));
        String info = "DP=" + (depth + nd) + ";SOMATIC;SS=2;SSC=" + Math.min(255, alt) + ";GPV=1E0;SPV="
                + String.format(Locale.ROOT, "%.4E", spv);
        int rf = r.refReads() / 2;
        int af = alt / 2;
        String normal = "0/0:.:" + nd + ":" + nd + ":0:0%:" + (nd / 2) + "," + (nd - nd / 2) + ",0,0";
        String tumour = "0/1:.:" + depth + ":" + r.refReads() + ":" + alt + ":" + fmt(100.0 * alt / depth, 2) + "%:"
                + rf + "," + (r.refReads() - rf) + "," + af + "," + (alt - af);
        return new String[] {info, "GT:GQ:DP:RD:AD:FREQ:DP4", normal, tumour};
    }

    static String fmt(double x, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }
}
