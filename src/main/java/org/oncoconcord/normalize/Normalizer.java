package org.oncoconcord.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.oncoconcord.core.Progress;
import org.oncoconcord.core.UserException;
import org.oncoconcord.io.OutputSet;
import org.oncoconcord.vcf.ByteLineReader;
import org.oncoconcord.vcf.VcfInput;
import org.oncoconcord.vcf.VcfLine;

/**
 * Streams a VCF through bcftools-norm-compatible normalization (REF check/fix, split, left-align
 * and trim, bounded re-sort, join, duplicate removal) and the somatic additions (contig
 * harmonisation, caller dialects to AD/DP/AF, PASS/depth/VAF filters, rejects and counts).
 */
final class Normalizer {
    private final NormalizeOptions opt;
    private final boolean quiet;
    private final NormalizeStats stats = new NormalizeStats();
    private ReferenceGenome ref;
    private Realigner realigner;
    private VcfHeader header;
    private Splitter splitter;
    private Merger merger;
    private Atomizer atomizer;
    private String inputName;
    private VcfSink sink;
    private Writer rejects;
    private int tumorIndex = -1;
    private String tumorName;
    private final List<VcfRecord> buffer = new ArrayList<>();
    // -m+ state
    private final List<VcfRecord> aLines = new ArrayList<>();
    private final List<VcfRecord> bLines = new ArrayList<>();
    // -d state: bcftools checks duplicates on the input positions and again after realignment
    private final DupFilter inputDup = new DupFilter();
    private final DupFilter outputDup = new DupFilter();

    /** {@code --annotate}: null when not asked for. */
    private final CsqOptions csqOptions;
    /** The consequence engine while annotating (null otherwise, also when the input already carries annotations). */
    private org.oncoconcord.annotate.Annotator annotator;
    private final org.oncoconcord.annotate.CsqBytes csqValue = new org.oncoconcord.annotate.CsqBytes(256);
    private final org.oncoconcord.annotate.CsqAnnotator.Counts csqCounts = new org.oncoconcord.annotate.CsqAnnotator.Counts();

    Normalizer(NormalizeOptions opt, boolean quiet) {
        this(opt, quiet, null);
    }

    Normalizer(NormalizeOptions opt, boolean quiet, CsqOptions csqOptions) {
        this.opt = opt;
        this.quiet = quiet;
        this.csqOptions = csqOptions;
    }

    NormalizeStats stats() {
        return stats;
    }

    String tumorName() {
        return tumorName;
    }

    /**
     * Runs on {@code input} ("-" for stdin) writing {@code output} (null for stdout) and the rejects
     * into the temporaries of {@code outputs} (registered there by the caller, who commits them).
     */
    void run(String input, Path output, Path rejectsPath, OutputSet outputs) throws IOException {
        inputName = input.equals("-") ? "<stdin>" : input;
        threads = HelperThreads.worthIt(input);
        if (opt.fasta() != null) {
            ref = new ReferenceGenome(opt.fasta(), threads);
            realigner = new Realigner(ref);
        }
        Path vcfTmp = output == null ? null : outputs.temp(output);
        Path tbiTmp = output == null || !output.getFileName().toString().endsWith(".gz") ? null
                : outputs.temp(output.resolveSibling(output.getFileName() + ".tbi"));
        lineNo = 0;
        try (ByteLineReader in = open(input); VcfSink out = new VcfSink(output, vcfTmp, tbiTmp, inputName, threads);
                Progress progress = new Progress("normalize " + inputName, -1, quiet)) {
            sink = out;
            if (rejectsPath != null) {
                rejectsTarget = rejectsPath;
                rejects = Files.newBufferedWriter(outputs.temp(rejectsPath), StandardCharsets.UTF_8);
                writeReject("chrom\tpos\tref\talt\treason\n");
            }
            header = new VcfHeader();
            String line;
            try {
                while ((line = in.readLatin1Line()) != null) {
                    lineNo++;
                    HeaderRules.checkLine(inputName, lineNo, line);
                    if (line.startsWith("##")) {
                        header.addMeta(line);
                        continue;
                    }
                    if (line.startsWith("#")) {
                        HeaderRules.checkChromLine(inputName, lineNo, line);
                        header.setChromLine(line);
                        break;
                    }
                    throw new UserException(inputName + ": line " + lineNo + ": data line before the #CHROM header line");
                }
                if (header.chromLine() == null) {
                    throw new UserException(inputName + ": no #CHROM header line (empty or not a VCF)");
                }
                prepareHeader();
                out.header(header.text(), header.contigs());
                readRecords(in, header.samples().length, progress);
            } catch (java.io.EOFException | java.util.zip.ZipException | htsjdk.samtools.FileTruncatedException e) {
                throw new UserException(inputName + ": line " + (lineNo + 1) + ": truncated or corrupt gzip input ("
                        + e.getMessage() + ")");
            } catch (htsjdk.samtools.util.RuntimeIOException e) {
                throw new UserException(inputName + ": line " + (lineNo + 1) + ": cannot read: " + OutputSet.reason(e), e);
            } catch (Splitter.FieldCountException e) {
                throw new UserException(inputName + ": line " + lineNo + ": " + e.getMessage());
            }
            flushBuffer(buffer.size());
            flushMerge();
            if (annotator != null && csqCounts.buildMismatch()) {
                throw new UserException(inputName + ": " + csqCounts.mismatchText(csqOptions.genome()) + "; no output written");
            }
            out.finish();
            if (annotator != null && !quiet) {
                System.err.println("normalize --annotate: " + csqCounts.alleles + " alleles annotated (" + csqCounts.proteinAltering
                        + " protein-altering, " + csqCounts.intergenic + " intergenic, " + csqCounts.skipped
                        + " symbolic/spanning-deletion alleles without CSQ)");
            }
            if (rejects != null) {
                try {
                    rejects.close();
                } catch (IOException e) {
                    throw cannotWrite(rejectsPath, e);
                } finally {
                    rejects = null;
                }
            }
        } finally {
            if (rejects != null) {
                try {
                    rejects.close();
                } catch (IOException ignored) {
                    // discarded
                }
            }
            if (ref != null) {
                ref.close();
            }
        }
    }

    private Path rejectsTarget;
    /** Whether the input is large enough for the helper threads ({@link HelperThreads}). */
    private boolean threads;
    /** Lines read so far (the current line's 1-based number while it is processed). */
    private long lineNo;

    /** The data lines: each parsed, checked and processed (a small loop: the JIT compiles it and {@link #record} early). */
    private void readRecords(ByteLineReader in, int ns, Progress progress) throws IOException {
        VcfLine view = new VcfLine();
        VcfRecord.Recent recent = new VcfRecord.Recent();
        while (in.nextLine()) {
            lineNo++;
            if (in.lineStart() != in.lineEnd()) {
                view.set(in.buffer(), in.lineStart(), in.lineEnd());
                if (!recent.sameChrom(view)) {
                    recent.newChrom(view); // here, not in parse: see Recent.newChrom
                }
                if (record(view, ns, recent)) {
                    progress.advance(1);
                }
            }
        }
    }

    /** One data line; false when it is malformed (rejected or fatal). */
    private boolean record(VcfLine view, int ns, VcfRecord.Recent recent) throws IOException {
        if (view.firstNul() >= 0) {
            throw new UserException(inputName + ": line " + lineNo + ": NUL byte in a data line (binary data, not VCF text)");
        }
        VcfRecord r;
        try {
            r = VcfRecord.parse(view, ns, lineNo, recent);
        } catch (VcfRecord.VcfFormatException e) {
            stats.in++;
            malformedLine(view.text(), lineNo, e.getMessage());
            return false;
        }
        stats.in++;
        try {
            r.checkWellFormed(header);
            r.keepRawBytes(view);
            process(r);
        } catch (BadRecordException e) {
            badRecord(r, e);
        }
        return true;
    }

    private void writeReject(String text) {
        try {
            rejects.write(text);
        } catch (IOException e) {
            throw cannotWrite(rejectsTarget, e);
        }
    }

    private static UserException cannotWrite(Path target, Exception e) {
        return new UserException(target + ": cannot write: " + OutputSet.reason(e), e);
    }

    /** A line that does not even split into a record: rejected with what can be read of it (lenient) or fatal. */
    private void malformedLine(String line, long lineNo, String what) {
        if (!opt.lenient()) {
            throw new UserException(inputName + ": line " + lineNo + ": malformed VCF line: " + what);
        }
        String[] c = VcfValues.split(line, '\t');
        stats.reject("malformed_record");
        if (rejects != null) {
            writeReject(column(c, 0) + "\t" + column(c, 1) + "\t" + column(c, 3) + "\t" + column(c, 4) + "\tmalformed_record\n");
        }
    }

    private static String column(String[] c, int i) {
        return i < c.length && !c[i].isEmpty() ? c[i] : ".";
    }

    /** A malformed record: rejected with its reason (lenient) or fatal, naming file and line. */
    private void badRecord(VcfRecord r, BadRecordException e) throws IOException {
        if (!opt.lenient()) {
            throw new UserException(inputName + ": line " + r.line + ": " + e.getMessage()
                    + " (run with --lenient to reject such records and go on)");
        }
        reject(r, e.reason);
    }

    private ByteLineReader open(String input) {
        InputStream s = input.equals("-") ? VcfInput.openText(System.in, inputName) : VcfInput.openText(Path.of(input), threads);
        return new ByteLineReader(s);
    }

    private void prepareHeader() {
        // contig names harmonised to the reference; contigs from the .fai when the VCF has none
        if (ref != null) {
            List<String> meta = new ArrayList<>();
            boolean hadContigs = false;
            for (String m : header.meta()) {
                if (m.startsWith("##contig=")) {
                    hadContigs = true;
                    String id = VcfHeader.attribute(m, "ID");
                    String h = id == null ? null : ref.harmonise(id);
                    if (h != null && !h.equals(id)) {
                        m = m.replace("ID=" + id, "ID=" + h);
                    }
                }
                meta.add(m);
            }
            if (!hadContigs) {
                for (String c : ref.contigs()) {
                    meta.add("##contig=<ID=" + c + ",length=" + ref.length(c) + ">");
                }
            }
            header.replaceMeta(meta);
        }
        // tumour sample
        String[] samples = header.samples();
        if (!opt.noStandardize() && samples.length > 0) {
            tumorName = TumourSample.resolve(samples, opt.tumorSample(), header, inputName);
            if (tumorName != null) {
                tumorIndex = Arrays.asList(samples).indexOf(tumorName);
                header.replaceMeta(TumourSample.standardMeta(header.meta(), tumorName));
            }
        }
        if ((opt.minDepth() != null || opt.minVaf() != null) && tumorIndex < 0) {
            throw new UserException(inputName + ": --min-depth/--min-vaf need a tumour sample: give --tumor-sample"
                    + " (samples: " + String.join(",", samples) + ")");
        }
        if (opt.oldRecTag() != null && !header.hasInfo(opt.oldRecTag())) {
            // as bcftools: without it htslib warns that the tag is undefined
            header.append("##INFO=<ID=" + opt.oldRecTag()
                    + ",Number=1,Type=String,Description=\"Original variant. Format: CHR|POS|REF|ALT|USED_ALT_IDX\">");
        }
        if (csqOptions != null) {
            String existing = null;
            for (String k : org.oncoconcord.annotate.ExistingAnnotations.KEYS) {
                if (existing == null && header.hasInfo(k)) {
                    existing = k;
                }
            }
            if (existing != null) {
                if (!quiet) {
                    System.err.println("normalize --annotate: " + inputName + " already carries " + existing
                            + " annotations: records keep them (oncoconcord annotate --reannotate recomputes)");
                }
            } else {
                org.oncoconcord.annotate.TranscriptSet models = org.oncoconcord.annotate.CsqAnnotator.models(csqOptions.genome(),
                        opt.fasta(), csqOptions.gtf(), csqOptions.gff3(), csqOptions.checkOrfs());
                annotator = new org.oncoconcord.annotate.Annotator(models);
                header.append(org.oncoconcord.annotate.CsqAnnotator.headerLine(models));
            }
        }
        header.append("##oncoconcord_normalizeVersion=" + org.oncoconcord.core.VersionProvider.version());
        splitter = new Splitter(header, opt.force(), opt.keepSum(),
                tumorIndex >= 0 ? java.util.Set.of("AD", "DP", "AF") : java.util.Set.of());
        merger = new Merger(header, opt.strictFilter());
        if (opt.atomize()) {
            atomizer = new Atomizer(header, opt.atomStar(), opt.oldRecTag());
        }
    }

    private void reject(VcfRecord r, String reason) throws IOException {
        stats.reject(reason);
        if (rejects != null) {
            StringBuilder alt = new StringBuilder();
            for (int i = 1; i < r.alleles.length; i++) {
                if (i > 1) {
                    alt.append(',');
                }
                alt.append(r.alleles[i]);
            }
            writeReject(r.chrom + "\t" + r.pos + "\t" + r.alleles[0] + "\t" + (alt.length() == 0 ? "." : alt) + "\t" + reason + "\n");
        }
    }

    private void process(VcfRecord r) throws IOException {
        if (ref != null) {
            String h = ref.harmonise(r.chrom);
            if (h == null) {
                throw new UserException(inputName + ": line " + r.line + ": contig '" + r.chrom + "' is not in the reference "
                        + opt.fasta());
            }
            r.chrom = h;
            int len = ref.length(h);
            if (r.pos > len) {
                throw new BadRecordException("pos_beyond_contig", "POS " + r.chrom + ":" + r.pos + " is beyond the end of contig "
                        + h + " (length " + len + ") in " + opt.fasta());
            }
        }
        if (opt.passOnly() && !(r.filter.equals("PASS") || r.filter.equals("."))) {
            reject(r, "filter_not_pass");
            return;
        }
        if (atomizer != null) {
            List<VcfRecord> atoms = atomizer.atomize(r);
            if (atoms.size() != 1 || atoms.get(0) != r) {
                stats.atomized++;
                stats.splitAdded += atoms.size() - 1;
            }
            for (VcfRecord a : atoms) {
                processOne(a);
            }
        } else {
            processOne(r);
        }
    }

    /** Duplicate check, split, normalization and buffering of one (possibly atomized) record. */
    private void processOne(VcfRecord r) throws IOException {
        if (opt.rmDup() != null && inputDup.isDuplicate(r)) {
            reject(r, "duplicate");
            return;
        }
        if (!buffer.isEmpty() && !buffer.get(buffer.size() - 1).chrom.equals(r.chrom)) {
            flushBuffer(buffer.size());
        }
        boolean split = false;
        if (opt.multi() == Multiallelics.SPLIT && r.nAlleles() > 2 && opt.multiType().selects(VariantType.of(r.alleles))) {
            split = true;
        }
        if (split) {
            stats.splitRecords++;
            List<VcfRecord> parts = splitter.split(r, opt.oldRecTag());
            stats.splitAdded += parts.size() - 1;
            for (VcfRecord p : parts) {
                normalizeAndBuffer(p);
            }
        } else {
            normalizeAndBuffer(r);
        }
        int n = 0;
        int lastPos = buffer.isEmpty() ? 0 : buffer.get(buffer.size() - 1).pos;
        for (VcfRecord b : buffer) {
            if (lastPos - b.pos < opt.siteWin()) {
                break;
            }
            n++;
        }
        if (n > 0) {
            flushBuffer(n);
        }
    }

    private void normalizeAndBuffer(VcfRecord r) throws IOException {
        if (ref != null) {
            if (opt.checkSet()) {
                realigner.fixRef(r);
            }
            if (!opt.doNotNormalize()) {
                String[] before = opt.oldRecTag() != null ? r.alleles.clone() : null;
                int beforePos = r.pos;
                Realigner.Result res = realigner.realign(r);
                if (res == Realigner.Result.REF_MISMATCH) {
                    if (opt.checkExit()) {
                        throw new UserException(inputName + ": line " + r.line + ": " + realigner.lastMismatch
                                + " (use -c w to warn, -c x to exclude, -c s to set)");
                    }
                    if (opt.checkWarn()) {
                        System.err.println("REF_MISMATCH\t" + r.chrom + "\t" + r.pos + "\t" + r.alleles[0]);
                    }
                    if (opt.checkExclude()) {
                        stats.refSkipped++;
                        reject(r, "ref_mismatch");
                        return;
                    }
                } else if (res == Realigner.Result.DUP_ALLELE) {
                    if (opt.checkSet()) {
                        Realigner.fixDuplicateAlts(r);
                    } else if (opt.checkExit()) {
                        throw new UserException(inputName + ": line " + r.line + ": duplicate alleles at " + r.chrom + ":"
                                + r.pos + "; run with -c w to turn the error into a warning or with -c s to fix");
                    } else if (opt.checkWarn()) {
                        System.err.println("ALT_DUP\t" + r.chrom + "\t" + r.pos);
                    }
                } else if (res == Realigner.Result.CHANGED) {
                    stats.realigned++;
                    if (before != null && !r.hasInfo(opt.oldRecTag())) {
                        VcfRecord o = new VcfRecord();
                        o.chrom = r.chrom;
                        o.pos = beforePos;
                        o.alleles = before;
                        r.setInfo(opt.oldRecTag(), Splitter.oldRec(o));
                    }
                }
            }
        }
        buffer.add(r);
        int i = buffer.size() - 1;
        // the record before (itself when alone: Math.max, no branch that only a contig's first record takes)
        if (buffer.get(Math.max(i - 1, 0)).pos > r.pos) {
            sortIn(i);
        }
    }

    /** Moves the last buffered record (at {@code i}) back to its place by position. */
    private void sortIn(int i) {
        while (i > 0 && buffer.get(i - 1).pos > buffer.get(i).pos) {
            VcfRecord t = buffer.get(i - 1);
            buffer.set(i - 1, buffer.get(i));
            buffer.set(i, t);
            i--;
        }
    }

    private void flushBuffer(int n) throws IOException {
        // the first n records, emitted in place (emit does not touch the buffer), then dropped: no copied list per call
        for (int i = 0; i < n; i++) {
            VcfRecord r = buffer.get(i);
            if (opt.multi() == Multiallelics.JOIN) {
                if (!aLines.isEmpty() || !bLines.isEmpty()) {
                    VcfRecord p = !aLines.isEmpty() ? aLines.get(0) : bLines.get(0);
                    if (!p.chrom.equals(r.chrom) || p.pos != r.pos) {
                        flushMerge();
                    }
                }
                int t = VariantType.of(r.alleles);
                if (opt.multiType().selects(t)) {
                    if (opt.multiType() == MultiallelicTypes.ANY || (t & VariantType.SNP) != 0 || t == VariantType.REF) {
                        aLines.add(r);
                    } else {
                        bLines.add(r);
                    }
                    continue;
                }
            } else if (opt.rmDup() != null && outputDup.isDuplicate(r)) {
                reject(r, "duplicate");
                continue;
            }
            emit(r);
        }
        buffer.subList(0, n).clear();
    }

    private void flushMerge() throws IOException {
        if (bLines.size() > 0 && aLines.size() == 1 && VariantType.of(aLines.get(0).alleles) == VariantType.REF) {
            bLines.add(aLines.remove(0));
        }
        for (List<VcfRecord> group : List.of(aLines, bLines)) {
            if (group.isEmpty()) {
                continue;
            }
            if (group.size() == 1) {
                emit(group.get(0));
            } else {
                stats.joinedRecords++;
                stats.joinedAway += group.size() - 1;
                try {
                    emit(merger.merge(group));
                } catch (Merger.MergeException e) {
                    throw new UserException(inputName + ": line " + e.record.line + ": " + e.getMessage());
                }
            }
            group.clear();
        }
    }

    /** bcftools' -d rule: a record is a duplicate of an earlier one at the same position. */
    private final class DupFilter {
        private String dupChrom;
        private int dupPos = -1;
        private int dupTypes;
        private final List<String> dupKeys = new ArrayList<>();

        boolean isDuplicate(VcfRecord r) {
            DuplicateRule mode = opt.rmDup();
        int t = VariantType.of(r.alleles);
        if (dupPos == r.pos && r.chrom.equals(dupChrom)) {
            switch (mode) {
                case ALL:
                case ANY:
                    return true;
                case EXACT:
                case NONE: {
                    String key = alleleKey(r);
                    if (dupKeys.contains(key)) {
                        return true;
                    }
                    dupKeys.add(key);
                    return false;
                }
                default:
                    break;
            }
            boolean snps = mode == DuplicateRule.SNPS || mode == DuplicateRule.BOTH;
            boolean indels = mode == DuplicateRule.INDELS || mode == DuplicateRule.BOTH;
            int sm = VariantType.SNP | VariantType.MNP;
            if (snps && (t & sm) != 0 && (dupTypes & sm) != 0) {
                return true;
            }
            if (indels && (t & VariantType.INDEL) != 0 && (dupTypes & VariantType.INDEL) != 0) {
                return true;
            }
        } else {
            dupChrom = r.chrom;
            dupPos = r.pos;
            dupTypes = 0;
            dupKeys.clear();
            dupKeys.add(alleleKey(r));
        }
        dupTypes |= t;
        return false;
    }

    }

    private static String alleleKey(VcfRecord r) {
        String[] alts = Arrays.copyOfRange(r.alleles, 1, r.alleles.length);
        Arrays.sort(alts);
        return r.alleles[0] + ">" + String.join(",", alts);
    }

    private void emit(VcfRecord r) throws IOException {
        try {
            emitChecked(r);
        } catch (BadRecordException e) {
            badRecord(r, e);
        }
    }

    private void emitChecked(VcfRecord r) throws IOException {
        if (tumorIndex >= 0 && r.hasFormatColumn()) {
            Dialects.standardize(r, header);
        }
        if (tumorIndex >= 0 && (opt.minDepth() != null || opt.minVaf() != null)) {
            Dialects.Depths d = Dialects.read(r, tumorIndex, header);
            if (opt.minDepth() != null) {
                if (d.dp() == null) {
                    reject(r, "depth_unavailable");
                    return;
                }
                if (d.dp() < opt.minDepth()) {
                    reject(r, "min_depth");
                    return;
                }
            }
            if (opt.minVaf() != null) {
                double max = -1;
                if (d.af() != null) {
                    for (Double v : d.af()) {
                        if (v != null && v > max) {
                            max = v;
                        }
                    }
                }
                if (max < 0) {
                    reject(r, "vaf_unavailable");
                    return;
                }
                if (max < opt.minVaf()) {
                    reject(r, "min_vaf");
                    return;
                }
            }
        }
        byte[] untouched = r.untouchedBytes(header);
        stats.out++;
        byte[] line;
        int len;
        if (untouched != null) {
            line = untouched;
            len = untouched.length;
        } else {
            lineOut.clear();
            r.appendLine(lineOut, header);
            line = lineOut.buffer();
            len = lineOut.length();
        }
        if (annotator != null && csq(r) > 0) {
            CsqInfo.insert(line, len, csqValue.array(), csqValue.length(), csqLine);
            line = csqLine.buffer();
            len = csqLine.length();
        }
        sink.record(r, line, len);
    }

    /** The line being written (reused: no String or byte[] per rewritten record). */
    private final ByteText lineOut = new ByteText();
    /** The line with its CSQ ({@code --annotate}; reused). */
    private final ByteText csqLine = new ByteText();

    /** The CSQ entries of the record's ALT alleles into {@link #csqValue} ({@code annotate}'s engine and counts); their number. */
    private int csq(VcfRecord r) {
        csqValue.clear();
        csqCounts.records++;
        return org.oncoconcord.annotate.CsqAnnotator.append(annotator, csqCounts, r.chrom, r.pos, r.alleles, csqValue);
    }
}
