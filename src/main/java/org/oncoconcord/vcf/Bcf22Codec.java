package org.oncoconcord.vcf;

import htsjdk.variant.bcf2.BCF2Codec;
import htsjdk.variant.bcf2.BCFVersion;

/**
 * htsjdk's BCF decoder, also accepting BCF 2.2 (what bcftools writes; htsjdk stops at 2.1). The two
 * differ only in the sentinel values 2.2 reserves beside "missing" (end-of-vector padding, e.g. 0x81
 * for int8), which htsjdk decodes as ordinary numbers: {@link VcfLineEncoder} drops them from the
 * end of vectors, where 2.2 puts them.
 */
final class Bcf22Codec extends BCF2Codec {
    @Override
    protected void validateVersionCompatibility(BCFVersion supported, BCFVersion actual) {
        if (actual.getMajorVersion() != supported.getMajorVersion() || actual.getMinorVersion() > 2) {
            super.validateVersionCompatibility(supported, actual);
        }
    }
}
