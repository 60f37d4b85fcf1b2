package org.oncoconcord.annotate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oncoconcord.core.UserException;
import org.oncoconcord.vcf.GenomeBuild;
import org.oncoconcord.vcf.GenomeBuild.Detection;

/**
 * The genome build an annotation run uses ({@code annotate}, {@code normalize --annotate}): the
 * stated {@code --genome}, else the build the reference FASTA's contig lengths or the VCF header
 * show. Sources that name different builds are refused. Unknown is allowed only with the user's
 * own transcript models (GTF/GFF3: their codons come from the FASTA, so nothing depends on the
 * build); the shipped models exist per build, so there the caller must refuse it.
 */
public final class BuildChoice {
    private BuildChoice() {
    }

    /**
     * The build (UNKNOWN with why, when nothing tells it). {@code fasta} and {@code vcf} may be null
     * (a VCF that cannot be read here, e.g. BCF or stdin, is ignored: its reader reports it).
     *
     * @throws UserException when the stated build, the FASTA and the VCF header do not agree
     */
    public static Detection resolve(GenomeBuild stated, Path fasta, Path vcf) {
        Detection ref = fasta == null ? null : fromFasta(fasta);
        Detection header = vcf == null ? null : fromVcf(vcf);
        String refText = ref == null ? null : fasta + " is " + ref;
        String headerText = header == null ? null : vcf + " is " + header;
        boolean given = stated != null && stated != GenomeBuild.UNKNOWN;
        if (given) {
            refuseOther(stated, ref, refText);
            refuseOther(stated, header, headerText);
        }
        if (ref != null && header != null && ref.known() && header.known() && ref.build() != header.build()) {
            throw new UserException("genome builds differ: " + refText + " but " + headerText);
        }
        if (given) {
            return new Detection(stated, "--genome");
        }
        if (ref != null && ref.known()) {
            return new Detection(ref.build(), "reference " + fasta.getFileName() + ": " + ref.evidence());
        }
        if (header != null && header.known()) {
            return new Detection(header.build(), "VCF header: " + header.evidence());
        }
        String why = (ref == null ? "no reference FASTA" : "reference: " + ref.evidence())
                + "; " + (header == null ? "VCF header not read" : "VCF header: " + header.evidence());
        return new Detection(GenomeBuild.UNKNOWN, why);
    }

    private static void refuseOther(GenomeBuild stated, Detection found, String text) {
        if (found != null && found.known() && found.build() != stated) {
            throw new UserException("--genome " + stated + " but " + text + ": wrong genome build");
        }
    }

    /** The message refusing an unknown build where the shipped models need one. */
    public static String unknownMessage(Detection d, String option) {
        return "no genome build: " + option + " not given and nothing tells it (" + d.evidence()
                + "); give " + option + " GRCh37|GRCh38 (the shipped transcript models are per build), or --gtf/--gff3 with a FASTA";
    }

    /** How messages name the build ("GRCh38", or "the reference's" when unknown). */
    public static String label(GenomeBuild build) {
        return build == null || build == GenomeBuild.UNKNOWN ? "reference" : build.name();
    }

    private static Detection fromFasta(Path fasta) {
        Path fai = fasta.resolveSibling(fasta.getFileName() + ".fai");
        if (!Files.isReadable(fai)) {
            try {
                new ReferenceBases(fasta).close(); // writes the .fai, or says why it cannot
            } catch (IOException e) {
                throw new UserException(fasta + ": cannot index: " + e.getMessage());
            }
        }
        try {
            return GenomeBuild.fromFai(fai);
        } catch (IOException e) {
            throw new UserException(e.getMessage());
        }
    }

    private static Detection fromVcf(Path vcf) {
        try {
            return GenomeBuild.fromVcf(vcf);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
