package org.oncoconcord.validate;

import java.nio.file.Path;
import java.util.List;
import org.oncoconcord.vcf.VcfInput;

/** Reads only the header of a VCF (plain, gzip, BGZF or BCF: {@link VcfInput}), to check it is a VCF and list its samples. */
final class VcfHeaders {
    private VcfHeaders() {
    }

    /** The sample columns of the VCF; throws with the reason when it is not a readable VCF or BCF. */
    static List<String> samples(Path vcf) throws Exception {
        return VcfInput.readHeader(vcf).getGenotypeSamples();
    }
}
