package org.oncoconcord.normalize;

import java.util.ArrayList;
import java.util.List;
import org.oncoconcord.vcf.VcfLine;
import org.oncoconcord.vcf.VcfNumbers;

/**
 * One VCF data line, parsed into its columns. Mutable on purpose: the normalization steps rewrite
 * alleles, INFO and FORMAT values in place, as bcftools does on its bcf1_t.
 */
final class VcfRecord {
    String chrom;
    int pos;
    String id;
    String[] alleles;
    String qual;
    String filter;
    /** INFO as (key, value) pairs; value null for a flag. */
    List<String[]> info;
    /** FORMAT keys, or null when the line has no FORMAT column. */
    String[] format;
    /** Per sample, one value per FORMAT key ("." where absent). */
    String[][] samples;
    /** 1-based line number in the input, for messages. */
    long line;
    /**
     * Raw INFO, FORMAT and sample columns until {@link #ensureParsed} (null afterwards / when built);
     * INFO and the samples made from {@link #lineBytes} only when asked ({@link #infoRaw()}, {@link #sampleRaw()}).
     */
    private String infoRaw;
    /** A copy of the input line's bytes until {@link #ensureParsed}; {@link #bounds}: from/to of columns 7, 8, 9... in it. */
    private byte[] lineBytes;
    private int[] bounds;
    /** The input line's bytes and its CHROM/POS/REF/ALT, to write it back untouched when nothing changed. */
    private byte[] rawBytes;
    /** True while the record is the unparsed input line (INFO/FORMAT/samples raw). */
    private boolean fromLine;
    private boolean rawHasEmptyColumn;
    private String rawChrom;
    private int rawPos;
    private String rawRef;
    private String rawAlt;
    private String formatRaw;
    private String[] sampleRaw;
    /**
     * {@link ByteTail#appendTail} of the unparsed INFO/FORMAT/sample columns, computed once by
     * {@link #checkWellFormed} (-2 until then); with {@link RawCanonical#REWRITTEN} the rewritten
     * text is {@link #tail}. Dropped when the record is parsed.
     */
    private int tailState = TAIL_UNKNOWN;
    private byte[] tail;
    private static final int TAIL_UNKNOWN = -2;

    /** True when CHROM, POS, REF and ALT are still those of the input line. */
    private boolean unchanged() {
        if (chrom != rawChrom || pos != rawPos || !alleles[0].equals(rawRef)) {
            return false;
        }
        if (alleles.length == 1) {
            return rawAlt.equals(".");
        }
        int from = 0;
        for (int i = 1; i < alleles.length; i++) {
            String a = alleles[i];
            if (!rawAlt.startsWith(a, from)) {
                return false;
            }
            from += a.length();
            if (i < alleles.length - 1) {
                if (from >= rawAlt.length() || rawAlt.charAt(from) != ',') {
                    return false;
                }
                from++;
            }
        }
        return from == rawAlt.length();
    }

    /** Parses INFO, FORMAT and the samples (lazily: untouched records are written from the raw text). */
    void ensureParsed() {
        if (info != null) {
            return;
        }
        String[] sampleRaw = sampleRaw();
        info = parseInfo(infoRaw());
        if (formatRaw != null) {
            format = formatRaw.isEmpty() || formatRaw.equals(".") ? new String[0] : VcfValues.split(formatRaw, ':');
            samples = new String[sampleRaw.length][];
            for (int s = 0; s < sampleRaw.length; s++) {
                String[] v = VcfValues.split(sampleRaw[s], ':');
                if (v.length == format.length) {
                    samples[s] = v;
                } else {
                    String[] full = new String[format.length];
                    for (int i = 0; i < full.length; i++) {
                        full[i] = i < v.length ? v[i] : ".";
                    }
                    samples[s] = full;
                }
            }
        } else {
            samples = new String[0][];
        }
        infoRaw = null;
        formatRaw = null;
        this.sampleRaw = null;
        lineBytes = null;
        bounds = null;
        rawBytes = null;
        fromLine = false;
        tail = null;
        tailState = TAIL_UNKNOWN;
    }

    boolean hasFormatColumn() {
        return info == null ? formatRaw != null : format != null;
    }

    VcfRecord copyShallow() {
        ensureParsed();
        VcfRecord r = new VcfRecord();
        r.chrom = chrom;
        r.pos = pos;
        r.id = id;
        r.alleles = alleles.clone();
        r.qual = qual;
        r.filter = filter;
        r.info = new ArrayList<>(info.size());
        for (String[] kv : info) {
            r.info.add(kv.clone());
        }
        r.format = format == null ? null : format.clone();
        if (samples != null) {
            r.samples = new String[samples.length][];
            for (int i = 0; i < samples.length; i++) {
                r.samples[i] = samples[i].clone();
            }
        }
        r.line = line;
        return r;
    }

    int nAlleles() {
        return alleles.length;
    }

    String ref() {
        return alleles[0];
    }

    /** End coordinate (1-based, inclusive) from REF length, or INFO/END when present. */
    int end() {
        String e = infoValue("END");
        if (e != null) {
            try {
                return Integer.parseInt(e);
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return pos + alleles[0].length() - 1;
    }

    String infoValue(String key) {
        if (info == null) {
            return infoRaw == null && lineBytes != null ? rawInfoValue(lineBytes, bounds[0], bounds[1], key)
                    : rawInfoValue(infoRaw(), key);
        }
        for (String[] kv : info) {
            if (kv[0].equals(key)) {
                return kv[1];
            }
        }
        return null;
    }

    boolean hasInfo(String key) {
        ensureParsed();
        for (String[] kv : info) {
            if (kv[0].equals(key)) {
                return true;
            }
        }
        return false;
    }

    void setInfo(String key, String value) {
        ensureParsed();
        for (String[] kv : info) {
            if (kv[0].equals(key)) {
                kv[1] = value;
                return;
            }
        }
        info.add(new String[] {key, value});
    }

    void removeInfo(String key) {
        ensureParsed();
        info.removeIf(kv -> kv[0].equals(key));
    }

    int formatIndex(String key) {
        ensureParsed();
        if (format == null) {
            return -1;
        }
        for (int i = 0; i < format.length; i++) {
            if (format[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a FORMAT key (values "." in every sample) and returns its index. */
    int addFormat(String key) {
        ensureParsed();
        int i = formatIndex(key);
        if (i >= 0) {
            return i;
        }
        int n = format == null ? 0 : format.length;
        String[] f = new String[n + 1];
        if (format != null) {
            System.arraycopy(format, 0, f, 0, n);
        }
        f[n] = key;
        format = f;
        for (int s = 0; s < samples.length; s++) {
            String[] v = new String[n + 1];
            System.arraycopy(samples[s], 0, v, 0, n);
            v[n] = ".";
            samples[s] = v;
        }
        return n;
    }

    void removeFormat(int idx) {
        int n = format.length;
        String[] f = new String[n - 1];
        for (int i = 0, k = 0; i < n; i++) {
            if (i != idx) {
                f[k++] = format[i];
            }
        }
        format = f;
        for (int s = 0; s < samples.length; s++) {
            String[] v = new String[n - 1];
            for (int i = 0, k = 0; i < n; i++) {
                if (i != idx) {
                    v[k++] = samples[s][i];
                }
            }
            samples[s] = v;
        }
    }

    /** Parses a data line; throws {@link VcfFormatException} with what is wrong. */
    static VcfRecord parse(String text, int nSamples, long lineNo) {
        return parse(VcfLine.of(text), nSamples, lineNo, (String) null);
    }

    /**
     * Parses the data line a {@link VcfLine} views (the bytes are copied once, to write the record
     * back unchanged when nothing changes); {@code lastChrom} (the previous record's CHROM, or null)
     * is reused when the line names the same contig. Throws {@link VcfFormatException} with what is wrong.
     */
    static VcfRecord parse(VcfLine line, int nSamples, long lineNo, String lastChrom) {
        Recent recent = new Recent();
        recent.chrom = lastChrom;
        return parse(line, nSamples, lineNo, recent);
    }

    /**
     * The CHROM, FILTER and FORMAT texts of the previous line: a line repeating them shares the
     * previous record's Strings (no copy; the header's FORMAT cache then matches by identity).
     */
    static final class Recent {
        String chrom;
        String filter;
        /** The last few FORMAT texts (callers alternate a few layouts: Strelka2 one for SNVs, one for indels). */
        private final String[] formats = new String[4];
        private int nextFormat;

        /** Whether the line's CHROM is the previous line's. */
        boolean sameChrom(VcfLine line) {
            return chrom != null && sameText(line.buffer(), line.from(0), line.to(0), chrom);
        }

        /**
         * The line's CHROM (another contig than the previous line's), remembered for the lines that follow;
         * called by the reading loop, so that {@link #parse} always finds CHROM the same as the previous
         * line's: a branch its compiled code has never seen taken (dense input: no contig change while the
         * JIT profiles it) would deoptimise it at the first contig change and have it compiled again.
         */
        String newChrom(VcfLine line) {
            chrom = VcfLine.string(line.buffer(), line.from(0), line.to(0));
            return chrom;
        }

        /** The FORMAT text b[from, to): a recent one when equal, else a new String remembered in place of the oldest. */
        String format(byte[] b, int from, int to) {
            String[] f = formats;
            for (String s : f) {
                if (s != null && sameText(b, from, to, s)) {
                    return s;
                }
            }
            String s = VcfLine.string(b, from, to);
            f[nextFormat] = s;
            nextFormat = (nextFormat + 1) & 3;
            return s;
        }
    }

    private static String reused(byte[] b, int from, int to, String last) {
        return last != null && sameText(b, from, to, last) ? last : VcfLine.string(b, from, to);
    }

    /** As {@link #parse(VcfLine, int, long, String)}, reusing (and updating) the {@code recent} column texts. */
    static VcfRecord parse(VcfLine line, int nSamples, long lineNo, Recent recent) {
        int nCols = line.columns();
        if (nCols < 8) {
            throw new VcfFormatException("expected at least 8 tab-separated columns, found " + nCols);
        }
        if (nSamples > 0 && nCols != 9 + nSamples) {
            throw new VcfFormatException("expected " + (9 + nSamples) + " columns (header has " + nSamples
                    + " samples), found " + nCols);
        }
        byte[] b = line.buffer();
        VcfRecord r = new VcfRecord();
        r.line = lineNo;
        int cf = line.from(0);
        int ct = line.to(0);
        r.chrom = reused(b, cf, ct, recent.chrom);
        if (r.chrom.isEmpty()) {
            throw new VcfFormatException("empty CHROM");
        }
        long pos = VcfNumbers.parseInt(b, line.from(1), line.to(1));
        if (pos == VcfNumbers.BAD_INT) {
            throw new VcfFormatException("POS '" + line.string(1) + "' is not an integer");
        }
        r.pos = (int) pos;
        if (r.pos < 0) {
            throw new VcfFormatException("negative POS " + r.pos);
        }
        r.id = line.to(2) == line.from(2) ? "." : line.string(2);
        String ref = line.string(3);
        if (ref.isEmpty()) {
            throw new VcfFormatException("empty REF");
        }
        String alt = line.string(4);
        if (alt.equals(".") || alt.isEmpty()) {
            r.alleles = new String[] {ref};
        } else {
            int af = line.from(4);
            int at = line.to(4);
            int n = VcfLine.count(b, af, at, (byte) ',');
            if (n == 0) {
                r.alleles = new String[] {ref, alt};
            } else {
                String[] alts = VcfLine.split(b, af, at, (byte) ',');
                r.alleles = new String[alts.length + 1];
                r.alleles[0] = ref;
                System.arraycopy(alts, 0, r.alleles, 1, alts.length);
            }
        }
        r.qual = line.string(5);
        r.filter = line.to(6) == line.from(6) ? "." : reused(b, line.from(6), line.to(6), recent.filter);
        int base = line.start();
        int[] bounds = new int[2 * (nCols - 7)];
        for (int c = 7; c < nCols; c++) {
            bounds[2 * (c - 7)] = line.from(c) - base;
            bounds[2 * (c - 7) + 1] = line.to(c) - base;
        }
        r.bounds = bounds;
        r.lineBytes = line.copy();
        r.fromLine = true;
        r.rawHasEmptyColumn = line.hasAdjacentTabs();
        r.rawChrom = r.chrom;
        r.rawPos = r.pos;
        r.rawRef = ref;
        r.rawAlt = alt;
        if (nCols > 8) {
            int ff = line.from(8);
            int ft = line.to(8);
            r.formatRaw = recent.format(b, ff, ft);
            int nKeys = ft == ff || VcfLine.isDot(b, ff, ft) ? 0 : VcfLine.count(b, ff, ft, (byte) ':') + 1;
            int ns = nCols - 9;
            for (int s = 0; s < ns; s++) {
                int sf = line.from(9 + s);
                int st = line.to(9 + s);
                int nv = VcfLine.count(b, sf, st, (byte) ':') + 1;
                if (nv > nKeys && nKeys > 0) {
                    throw new VcfFormatException("sample " + (s + 1) + " has " + nv + " values for " + nKeys + " FORMAT keys");
                }
            }
        }
        recent.chrom = r.chrom;
        recent.filter = r.filter;
        return r;
    }

    private static boolean sameText(byte[] b, int from, int to, String s) {
        if (to - from != s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xFF) != s.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, char c) {
        int n = 0;
        int i = s.indexOf(c);
        while (i >= 0) {
            n++;
            i = s.indexOf(c, i + 1);
        }
        return n;
    }

    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(1024));
    private static final ThreadLocal<ByteText> TAIL = ThreadLocal.withInitial(ByteText::new);

    /** The value of {@code key} in a raw INFO column without parsing it all. */
    private static String rawInfoValue(String raw, String key) {
        int from = 0;
        int kl = key.length();
        while (from < raw.length()) {
            int semi = raw.indexOf(';', from);
            int end = semi < 0 ? raw.length() : semi;
            if (raw.startsWith(key, from) && (from + kl == end || raw.charAt(from + kl) == '=')) {
                return from + kl == end ? null : raw.substring(from + kl + 1, end);
            }
            from = end + 1;
        }
        return null;
    }

    /** {@link #rawInfoValue(String, String)} of the INFO column b[from, to) of a line's bytes (no String of the column). */
    private static String rawInfoValue(byte[] b, int from, int to, String key) {
        int kl = key.length();
        while (from < to) {
            int end = from;
            while (end < to && b[end] != ';') {
                end++;
            }
            if (end - from >= kl && startsWith(b, from, key) && (from + kl == end || b[from + kl] == '=')) {
                return from + kl == end ? null : VcfLine.latin1(b, from + kl + 1, end);
            }
            from = end + 1;
        }
        return null;
    }

    /** True when b starts with {@code key} at {@code from} (the caller checked the length). */
    private static boolean startsWith(byte[] b, int from, String key) {
        for (int i = 0; i < key.length(); i++) {
            if ((b[from + i] & 0xFF) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static List<String[]> parseInfo(String s) {
        List<String[]> out = new ArrayList<>();
        if (s.isEmpty() || s.equals(".")) {
            return out;
        }
        int start = 0;
        int n = s.length();
        while (start <= n) {
            int semi = s.indexOf(';', start);
            if (semi < 0) {
                semi = n;
            }
            if (semi > start) {
                String item = s.substring(start, semi);
                int eq = item.indexOf('=');
                if (eq < 0) {
                    out.add(new String[] {item, null});
                } else {
                    out.add(new String[] {item.substring(0, eq), item.substring(eq + 1)});
                }
            }
            start = semi + 1;
        }
        return out;
    }

    /** The VCF line as bcftools would write it (typed values reformatted), without newline. */
    String toLine(VcfHeader header) {
        byte[] raw = untouchedBytes(header);
        if (raw != null) {
            return new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = BUFFER.get();
        sb.setLength(0);
        sb.append(chrom).append('\t').append(pos).append('\t').append(id).append('\t').append(alleles[0]).append('\t');
        if (alleles.length == 1) {
            sb.append('.');
        } else {
            for (int i = 1; i < alleles.length; i++) {
                if (i > 1) {
                    sb.append(',');
                }
                sb.append(alleles[i]);
            }
        }
        sb.append('\t').append(VcfValues.isCanonicalFloat(qual, 0, qual.length()) ? qual : VcfValues.canonical('F', qual))
                .append('\t').append(filter).append('\t');
        if (info == null && tailState == RawCanonical.REWRITTEN) {
            return sb.append(VcfLine.latin1(tail, 0, tail.length)).toString();
        }
        if (info == null && tailState == RawCanonical.UNCHANGED) {
            sb.append(infoRaw());
            if (formatRaw != null) {
                sb.append('\t').append(formatRaw);
                for (String smp : sampleRaw()) {
                    sb.append('\t').append(smp);
                }
            }
            return sb.toString();
        }
        if (info == null) {
            if (RawCanonical.appendInfo(sb, infoRaw(), header, true)
                    && RawCanonical.appendSamples(sb, formatRaw, sampleRaw(), header, true)) {
                return sb.toString();
            }
            ensureParsed();
            return toLine(header);
        }
        if (info.isEmpty()) {
            sb.append('.');
        } else {
            int k = 0;
            for (String[] kv : info) {
                if (k > 0) {
                    sb.append(';');
                }
                sb.append(kv[0]);
                FieldDef d = header.infoAt(k++, kv[0], 0, kv[0].length());
                if (d.type() == 'L') {
                    continue;
                }
                sb.append('=');
                if (kv[1] == null) {
                    sb.append('.');
                } else {
                    VcfValues.appendCanonicalList(sb, d.type(), kv[1]);
                }
            }
        }
        if (format != null) {
            sb.append('\t');
            if (format.length == 0) {
                sb.append('.');
            }
            FieldDef[] defs = new FieldDef[format.length];
            for (int i = 0; i < format.length; i++) {
                if (i > 0) {
                    sb.append(':');
                }
                sb.append(format[i]);
                defs[i] = header.format(format[i]);
            }
            for (String[] smp : samples) {
                sb.append('\t');
                if (format.length == 0) {
                    sb.append('.');
                }
                for (int i = 0; i < format.length; i++) {
                    if (i > 0) {
                        sb.append(':');
                    }
                    String v = smp[i];
                    if (format[i].equals("GT")) {
                        sb.append(v.isEmpty() ? "." : v);
                    } else {
                        VcfValues.appendCanonicalList(sb, defs[i].type(), v);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Appends the line {@link #toLine} gives (without newline) to {@code out}: from the unparsed
     * columns and the rewritten INFO/FORMAT/sample text straight into the byte buffer (the common
     * case), else from {@link #toLine}'s String.
     */
    void appendLine(ByteText out, VcfHeader header) {
        if (info != null || (tailState != RawCanonical.REWRITTEN && tailState != RawCanonical.UNCHANGED)) {
            out.append(toLine(header));
            return;
        }
        out.append(chrom).append('\t').append(pos).append('\t').append(id).append('\t').append(alleles[0]).append('\t');
        if (alleles.length == 1) {
            out.append('.');
        } else {
            for (int i = 1; i < alleles.length; i++) {
                if (i > 1) {
                    out.append(',');
                }
                out.append(alleles[i]);
            }
        }
        out.append('\t').append(VcfValues.isCanonicalFloat(qual, 0, qual.length()) ? qual : VcfValues.canonical('F', qual))
                .append('\t').append(filter).append('\t');
        if (tailState == RawCanonical.REWRITTEN) {
            out.append(tail, 0, tail.length);
            return;
        }
        out.append(lineBytes, bounds[0], lineBytes.length);
    }

    /**
     * The input line's bytes when the record is written exactly as read (CHROM/POS/REF/ALT unchanged,
     * every value already in htslib's form, as bcftools leaves such a record's bytes alone), else null:
     * then {@link #toLine} writes it.
     */
    /**
     * After {@link #checkWellFormed}: marks the record's copy of its input line as the bytes to write
     * when the record is in htslib's form (the only records written from them); {@code line} is unused
     * (the copy is made by {@link #parse}).
     */
    void keepRawBytes(VcfLine line) {
        if (fromLine && rawCanonical == Boolean.TRUE) {
            rawBytes = lineBytes;
        }
    }

    byte[] untouchedBytes(VcfHeader header) {
        return rawBytes != null && unchanged() && rawCanonical(header) ? rawBytes : null;
    }

    /** Thrown by {@link #parse} for a malformed line; the caller adds file and line. */
    static final class VcfFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VcfFormatException(String message) {
            super(message);
        }
    }

    /**
     * Checks what htslib would refuse or misread in this record: alleles with characters no VCF
     * allele has (e.g. VarScan's {@code A/T}), and non-numeric values in fields the header declares
     * Integer or Float (e.g. DP {@code abc}). Lines already in canonical form are numeric by
     * construction, so only the others are parsed.
     */
    void checkWellFormed(VcfHeader header) {
        if (!isRefAllele(alleles[0])) {
            throw new BadRecordException("malformed_ref", "REF '" + alleles[0] + "' is not a sequence of bases");
        }
        for (int i = 1; i < alleles.length; i++) {
            if (!isAltAllele(alleles[i])) {
                throw new BadRecordException("malformed_alt", "ALT allele '" + alleles[i] + "' is not a sequence of bases,"
                        + " '*', a symbolic <ALT> or a breakend");
            }
        }
        if (info == null && fromLine) {
            ByteText bt = TAIL.get();
            bt.clear();
            int state = ByteTail.appendTail(bt, lineBytes, bounds, formatRaw, header);
            if (state == RawCanonical.NEEDS_PARSE) {
                rawCanonical = Boolean.FALSE;
                checkRawNumbers(header);
                return;
            }
            tailState = state;
            tail = state == RawCanonical.REWRITTEN ? bt.toArray() : null;
            rawCanonical = state == RawCanonical.UNCHANGED && !rawHasEmptyColumn
                    && VcfValues.isCanonicalFloat(qual, 0, qual.length());
            return;
        }
        if (info == null) {
            checkRawNumbers(header);
            return;
        }
        for (String[] kv : info) {
            FieldDef d = header.info(kv[0]);
            if (d.numeric() && kv[1] != null) {
                checkNumbers("INFO/" + kv[0], kv[1], d.type());
            }
        }
        if (format != null) {
            for (int k = 0; k < format.length; k++) {
                FieldDef d = header.format(format[k]);
                if (d.numeric() && !format[k].equals("GT")) {
                    for (int s = 0; s < samples.length; s++) {
                        checkNumbers("FORMAT/" + format[k] + " of sample " + (s + 1), samples[s][k], d.type());
                    }
                }
            }
        }
    }

    /** The numeric checks of {@link #checkWellFormed} on the unparsed INFO and sample columns (same rules, no parsing). */
    private void checkRawNumbers(VcfHeader header) {
        String infoRaw = infoRaw();
        String[] sampleRaw = sampleRaw();
        int from = 0;
        int n = infoRaw.length();
        while (from < n && !infoRaw.equals(".")) {
            int semi = infoRaw.indexOf(';', from);
            int end = semi < 0 ? n : semi;
            int eq = infoRaw.indexOf('=', from);
            if (end > from && eq >= 0 && eq < end) {
                FieldDef d = header.info(infoRaw, from, eq);
                if (d.numeric() && !numbersOk(infoRaw, eq + 1, end)) {
                    throw nonNumeric("INFO/" + d.id(), infoRaw.substring(eq + 1, end), d.type());
                }
            }
            from = end + 1;
        }
        if (formatRaw == null || formatRaw.isEmpty() || formatRaw.equals(".")) {
            return;
        }
        String[] keys = header.formatKeys(formatRaw);
        char[] types = header.formatTypes(formatRaw);
        for (int s = 0; s < sampleRaw.length; s++) {
            String smp = sampleRaw[s];
            int k = 0;
            int f = 0;
            int len = smp.length();
            while (k < keys.length) {
                int colon = smp.indexOf(':', f);
                int end = colon < 0 ? len : colon;
                char t = types[k];
                if ((t == 'I' || t == 'F') && !numbersOk(smp, f, end)) {
                    throw nonNumeric("FORMAT/" + keys[k] + " of sample " + (s + 1), smp.substring(f, end), t);
                }
                if (colon < 0) {
                    break;
                }
                k++;
                f = end + 1;
            }
        }
    }

    private Boolean rawCanonical;

    /** The raw INFO column (made from the line's bytes on first use). */
    private String infoRaw() {
        if (infoRaw == null && lineBytes != null) {
            infoRaw = VcfLine.string(lineBytes, bounds[0], bounds[1]);
        }
        return infoRaw;
    }

    /** The raw sample columns (made from the line's bytes on first use); null without a FORMAT column. */
    private String[] sampleRaw() {
        if (sampleRaw == null && lineBytes != null && bounds.length > 2) {
            String[] s = new String[bounds.length / 2 - 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = VcfLine.string(lineBytes, bounds[4 + 2 * i], bounds[5 + 2 * i]);
            }
            sampleRaw = s;
        }
        return sampleRaw;
    }

    /** {@link RawCanonical#lineCanonical} of the unparsed line, computed once. */
    private boolean rawCanonical(VcfHeader header) {
        if (rawCanonical == null) {
            rawCanonical = RawCanonical.lineCanonical(rawHasEmptyColumn, qual, infoRaw(), formatRaw, sampleRaw(), header);
        }
        return rawCanonical;
    }

    private static void checkNumbers(String field, String value, char type) {
        if (!numbersOk(value, 0, value.length())) {
            throw nonNumeric(field, value, type);
        }
    }

    /** True when every comma-separated element of s[from, to) is empty, {@code .} or a number ({@link VcfNumbers#isNumber}). */
    static boolean numbersOk(String value, int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || value.charAt(i) == ',') {
                if (i > start && !(i == start + 1 && value.charAt(start) == '.') && !VcfNumbers.isPlainDecimal(value, start, i)
                        && !VcfNumbers.isNumber(value.substring(start, i))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    static BadRecordException nonNumeric(String field, String value, char type) {
        return new BadRecordException("non_numeric_value", field + " value '" + value + "' is not "
                + (type == 'I' ? "an Integer" : "a Float") + " as the header declares");
    }

    static boolean isRefAllele(String a) {
        if (a.equals(".")) {
            return true;
        }
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return !a.isEmpty();
    }

    static boolean isAltAllele(String a) {
        if (a.isEmpty()) {
            return false;
        }
        if (a.equals("*") || (a.startsWith("<") && a.endsWith(">")) || a.indexOf('[') >= 0 || a.indexOf(']') >= 0) {
            return true;
        }
        int from = a.charAt(0) == '.' ? 1 : 0;
        int to = a.length() > 1 && a.charAt(a.length() - 1) == '.' ? a.length() - 1 : a.length();
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = a.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
