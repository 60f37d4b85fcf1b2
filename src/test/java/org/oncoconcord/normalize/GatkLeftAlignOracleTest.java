package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import htsjdk.samtools.reference.IndexedFastaSequenceFile;
import htsjdk.samtools.reference.ReferenceSequence;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.broadinstitute.hellbender.engine.ReferenceContext;
import org.broadinstitute.hellbender.engine.ReferenceDataSource;
import org.broadinstitute.hellbender.utils.SimpleInterval;
import org.broadinstitute.hellbender.utils.variant.GATKVariantContextUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GATK as an independent oracle of left-alignment (test scope only, docs/DEPENDENCIES.md): indels
 * planted anywhere inside tandem repeats of a random reference are normalized by
 * {@link Normalize#run(NormalizeRequest)} and, one by one, by GATK's
 * {@code GATKVariantContextUtils.leftAlignAndTrim}; both must give the same records.
 */
class GatkLeftAlignOracleTest {
    private static final String CONTIG = "chr1";

    @TempDir
    Path tmp;

    @Test
    void leftAlignmentAgreesWithGatkOnPlantedRepeatIndels() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            compare(seed);
        }
    }

    private void compare(long seed) throws IOException {
        Random rng = new Random(seed);
        String ref = repeatRichReference(rng, 5990);
        Path fasta = tmp.resolve("ref" + seed + ".fa");
        Files.writeString(fasta, ">" + CONTIG + "\n" + ref.replaceAll("(.{60})", "$1\n") + "\n");
        FastaSequenceIndexCreator.create(fasta, true);
        List<String> planted = plantIndels(rng, ref, 300);
        Path in = tmp.resolve("in" + seed + ".vcf");
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=" + CONTIG + ",length="
                + ref.length() + ">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        planted.forEach(r -> vcf.append(r).append('\n'));
        Files.writeString(in, vcf);
        Path out = tmp.resolve("out" + seed + ".vcf");

        Normalize.run(new NormalizeRequest(fasta, in, out, false, null));

        List<String> ours = records(out, null);
        List<String> gatk;
        try (FaiReference source = new FaiReference(fasta)) {
            gatk = records(in, source);
        }
        assertThat(ours).as("seed %d: %d planted indels", seed, planted.size()).hasSize(planted.size());
        assertThat(ours).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(gatk);
        // the oracle is not trivially the input: most planted indels had to move
        List<String> asPlanted = records(in, null);
        long moved = gatk.stream().filter(r -> !asPlanted.contains(r)).count();
        assertThat(moved).as("seed %d: records GATK moved", seed).isGreaterThan(planted.size() / 5);
    }

    /** {@code CHROM POS REF ALT} of each record; left-aligned by GATK first when {@code gatkRef} is given. */
    private static List<String> records(Path vcf, FaiReference gatkRef) {
        List<String> out = new ArrayList<>();
        try (VCFFileReader r = new VCFFileReader(vcf, false)) {
            for (VariantContext vc : r) {
                VariantContext v = vc;
                if (gatkRef != null) {
                    ReferenceContext ctx = new ReferenceContext(gatkRef, new SimpleInterval(vc));
                    v = GATKVariantContextUtils.leftAlignAndTrim(vc, ctx, 500, true);
                }
                out.add(v.getContig() + " " + v.getStart() + " " + v.getReference().getBaseString() + " "
                        + v.getAlternateAllele(0).getBaseString());
            }
        }
        return out;
    }

    /** Random bases with a tandem repeat (unit 1-4 bp, 3-9 copies) every 10-40 bp. */
    private static String repeatRichReference(Random rng, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            for (int i = 10 + rng.nextInt(30); i > 0; i--) {
                s.append(base(rng));
            }
            StringBuilder unit = new StringBuilder();
            for (int i = 1 + rng.nextInt(4); i > 0; i--) {
                unit.append(base(rng));
            }
            s.append(unit.toString().repeat(3 + rng.nextInt(7)));
        }
        return s.substring(0, length);
    }

    /**
     * Insertions and deletions of a copy of the following bases (so they can shift left inside a
     * repeat) at random positions, each written with its anchor base as VCF needs; distinct records.
     */
    private static List<String> plantIndels(Random rng, String ref, int n) {
        TreeSet<String> keys = new TreeSet<>();
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            int p = 200 + rng.nextInt(ref.length() - 400); // 0-based anchor
            int len = 1 + rng.nextInt(6);
            String anchor = ref.substring(p, p + 1);
            String copy = ref.substring(p + 1, p + 1 + len);
            boolean deletion = rng.nextBoolean();
            String r = deletion ? anchor + copy : anchor;
            String a = deletion ? anchor : anchor + copy;
            String line = CONTIG + "\t" + (p + 1) + "\t.\t" + r + "\t" + a + "\t.\t.\t.";
            if (keys.add(String.format("%09d %s", p, line))) {
                out.add(line);
            }
        }
        List<String> sorted = new ArrayList<>();
        keys.forEach(k -> sorted.add(k.substring(10)));
        return sorted;
    }

    private static char base(Random rng) {
        return "ACGT".charAt(rng.nextInt(4));
    }

    /** GATK's reference interface over htsjdk's indexed FASTA (needs only the .fai, no .dict). */
    private static final class FaiReference implements ReferenceDataSource {
        private final IndexedFastaSequenceFile fasta;
        private final SAMSequenceDictionary dictionary;

        FaiReference(Path path) throws IOException {
            fasta = new IndexedFastaSequenceFile(path);
            List<SAMSequenceRecord> records = new ArrayList<>();
            fasta.getIndex().forEach(e -> records.add(new SAMSequenceRecord(e.getContig(), (int) e.getSize())));
            dictionary = new SAMSequenceDictionary(records);
        }

        @Override
        public ReferenceSequence queryAndPrefetch(String contig, long start, long stop) {
            return fasta.getSubsequenceAt(contig, start, stop);
        }

        @Override
        public SAMSequenceDictionary getSequenceDictionary() {
            return dictionary;
        }

        @Override
        public Iterator<Byte> iterator() {
            throw new UnsupportedOperationException("whole-reference iteration is not needed");
        }

        @Override
        public void close() {
            try {
                fasta.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
