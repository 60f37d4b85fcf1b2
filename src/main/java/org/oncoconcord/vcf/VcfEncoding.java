package org.oncoconcord.vcf;

/** How a VCF input is stored, as detected from its first bytes (never from its file name). */
public enum VcfEncoding {
    /** Uncompressed VCF text. */
    TEXT,
    /** VCF text in plain (non-blocked) gzip. */
    GZIP,
    /** VCF text in BGZF (bgzip, indexable). */
    BGZF,
    /** BCF (binary VCF), BGZF-compressed or not. */
    BCF
}
