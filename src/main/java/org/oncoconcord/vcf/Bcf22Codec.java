package org.oncoconcord.vcf;

import htsjdk.variant.bcf2.BCF2Codec;
import htsjdk.variant.bcf2.BCF2Decoder;
import htsjdk.variant.bcf2.BCF2GenotypeFieldDecoders;
import htsjdk.variant.bcf2.BCF2Type;
import htsjdk.variant.bcf2.BCF2Utils;
import htsjdk.variant.bcf2.BCFVersion;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.GenotypeBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * htsjdk's BCF decoder, also accepting BCF 2.2 (what bcftools writes; htsjdk stops at 2.1). The two
 * differ in the sentinel values 2.2 reserves beside "missing" (end-of-vector padding, e.g. 0x81
 * for int8), which htsjdk decodes as ordinary numbers. So FORMAT fields are decoded here: GT
 * skipping the padding (mixed ploidy), every other field straight to its VCF text as htslib writes
 * it (missing elements '.', kept in place; padding dropped; floats with %g). INFO vectors are
 * htsjdk's: it drops missing elements inside a vector (a Number=A/R field then has the wrong count,
 * which normalize refuses), and {@link VcfLineEncoder} drops 2.2 padding from their end.
 */
final class Bcf22Codec extends BCF2Codec {
    private static final BCF2GenotypeFieldDecoders.Decoder GT = new GtDecoder();
    private static final BCF2GenotypeFieldDecoders.Decoder TEXT = new TextDecoder();

    @Override
    protected void validateVersionCompatibility(BCFVersion supported, BCFVersion actual) {
        if (actual.getMajorVersion() != supported.getMajorVersion() || actual.getMinorVersion() > 2) {
            super.validateVersionCompatibility(supported, actual);
        }
    }

    @Override
    protected BCF2GenotypeFieldDecoders.Decoder getGenotypeFieldDecoder(String field) {
        return field.equals("GT") ? GT : TEXT;
    }

    /** True for BCF 2.2's end-of-vector value of an integer type (missing + 1). */
    static boolean endOfVector(int v, BCF2Type type) {
        return switch (type) {
            case INT8 -> v == -127;
            case INT16 -> v == -32767;
            case INT32 -> v == Integer.MIN_VALUE + 1;
            default -> false;
        };
    }

    /** The missing value of an integer type as {@link BCF2Decoder#decodeInt(BCF2Type)} returns it. */
    static int missing(BCF2Type type) {
        return switch (type) {
            case INT8 -> -128;
            case INT16 -> -32768;
            default -> Integer.MIN_VALUE;
        };
    }

    private static final int FLOAT_MISSING = 0x7F800001;
    private static final int FLOAT_END_OF_VECTOR = 0x7F800002;

    /** A FORMAT field of every sample as its VCF text (an extended attribute holding a String). */
    private static final class TextDecoder implements BCF2GenotypeFieldDecoders.Decoder {
        @Override
        public void decode(List<Allele> siteAlleles, String field, BCF2Decoder decoder, byte typeDescriptor, int numElements,
                GenotypeBuilder[] gbs) throws IOException {
            BCF2Type type = BCF2Utils.decodeType(typeDescriptor);
            StringBuilder sb = new StringBuilder();
            for (GenotypeBuilder gb : gbs) {
                sb.setLength(0);
                if (type == BCF2Type.CHAR) {
                    byte[] bytes = new byte[numElements];
                    int n = 0;
                    boolean ended = false;
                    for (int i = 0; i < numElements; i++) {
                        int b = decoder.decodeInt(type) & 0xff;
                        ended |= b == 0;
                        if (!ended) {
                            bytes[n++] = (byte) b;
                        }
                    }
                    sb.append(new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    int kept = 0;
                    for (int i = 0; i < numElements; i++) {
                        int raw = decoder.decodeInt(type);
                        boolean isFloat = type == BCF2Type.FLOAT;
                        if (isFloat ? raw == FLOAT_END_OF_VECTOR : endOfVector(raw, type)) {
                            continue;
                        }
                        if (kept++ > 0) {
                            sb.append(',');
                        }
                        if (isFloat ? raw == FLOAT_MISSING : raw == missing(type)) {
                            sb.append('.');
                        } else if (isFloat) {
                            sb.append(HtslibNumbers.formatG(Float.intBitsToFloat(raw)));
                        } else {
                            sb.append(raw);
                        }
                    }
                }
                String text = sb.toString();
                gb.attribute(field, text.isEmpty() ? "." : text);
            }
        }
    }

    /** GT as htslib encodes it: (allele + 1) << 1 | phased, 0 for a missing allele, padding skipped. */
    private static final class GtDecoder implements BCF2GenotypeFieldDecoders.Decoder {
        @Override
        public void decode(List<Allele> siteAlleles, String field, BCF2Decoder decoder, byte typeDescriptor, int numElements,
                GenotypeBuilder[] gbs) throws IOException {
            BCF2Type type = BCF2Utils.decodeType(typeDescriptor);
            for (GenotypeBuilder gb : gbs) {
                List<Allele> alleles = new ArrayList<>(numElements);
                boolean phased = false;
                for (int i = 0; i < numElements; i++) {
                    int raw = decoder.decodeInt(type);
                    if (endOfVector(raw, type)) {
                        continue;
                    }
                    boolean missing = raw == missing(type);
                    int index = missing ? -1 : (raw >> 1) - 1;
                    if (i > 0 && !missing && (raw & 1) == 1) {
                        phased = true;
                    }
                    alleles.add(index < 0 || index >= siteAlleles.size() ? Allele.NO_CALL : siteAlleles.get(index));
                }
                gb.alleles(alleles);
                gb.phased(phased);
            }
        }
    }
}
