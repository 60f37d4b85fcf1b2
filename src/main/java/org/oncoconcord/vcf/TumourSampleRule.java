package org.oncoconcord.vcf;

import java.util.List;
import java.util.Locale;
import org.oncoconcord.core.UserException;

/**
 * The one rule for which sample column of a VCF is the tumour, used by normalize (which rewrites
 * AD/DP/AF for it only when the choice is {@link Choice#confident() confident}) and by concordance
 * (which reads VAF and depth from it, falling back when nothing names the tumour). In order:
 * <ol>
 *   <li>the sample asked for ({@code --tumor-sample}; an error when the VCF has no such sample);</li>
 *   <li>{@code ##tumor_sample=} (an error when it names no sample column);</li>
 *   <li>a sample named TUMOR or TUMOUR (any case), else one whose name contains either;</li>
 *   <li>a somatic caller's convention: the only sample, or the second of two;</li>
 *   <li>fallbacks (not confident): the only sample; else the second.</li>
 * </ol>
 */
public final class TumourSampleRule {
    private TumourSampleRule() {
    }

    /** Why a sample was chosen. */
    public enum Basis {
        REQUESTED, HEADER, NAME, CALLER_CONVENTION, ONLY_SAMPLE, SECOND_SAMPLE;

        /** Whether the basis names the tumour (anything but a positional fallback). */
        public boolean confident() {
            return this != ONLY_SAMPLE && this != SECOND_SAMPLE;
        }
    }

    /** The chosen sample: its column index among the samples, name and basis. */
    public record Choice(int index, String name, Basis basis) {
        public boolean confident() {
            return basis.confident();
        }
    }

    /**
     * The tumour among {@code samples}, or null for a sites-only VCF.
     *
     * @param requested       the sample asked for, or null
     * @param headerTumour    the value of {@code ##tumor_sample=}, or null
     * @param somaticCaller   whether the header shows a somatic caller's dialect (its sample order convention)
     * @param file            the file's name, for errors
     * @throws UserException when {@code requested} or {@code ##tumor_sample} names no sample of the VCF
     */
    public static Choice choose(List<String> samples, String requested, String headerTumour, boolean somaticCaller, String file) {
        if (requested != null) {
            int i = samples.indexOf(requested);
            if (i < 0) {
                throw new UserException(file + ": --tumor-sample " + requested + " is not a sample of the VCF ("
                        + String.join(",", samples) + ")");
            }
            return new Choice(i, requested, Basis.REQUESTED);
        }
        if (headerTumour != null) {
            int i = samples.indexOf(headerTumour);
            if (i < 0) {
                throw new UserException(file + ": header ##tumor_sample=" + headerTumour + " names no sample column (samples: "
                        + samples + ")");
            }
            return new Choice(i, headerTumour, Basis.HEADER);
        }
        if (samples.isEmpty()) {
            return null;
        }
        for (int i = 0; i < samples.size(); i++) {
            String u = samples.get(i).toUpperCase(Locale.ROOT);
            if (u.equals("TUMOR") || u.equals("TUMOUR")) {
                return new Choice(i, samples.get(i), Basis.NAME);
            }
        }
        for (int i = 0; i < samples.size(); i++) {
            String u = samples.get(i).toUpperCase(Locale.ROOT);
            if (u.contains("TUMOR") || u.contains("TUMOUR")) {
                return new Choice(i, samples.get(i), Basis.NAME);
            }
        }
        if (somaticCaller && samples.size() <= 2) {
            int i = samples.size() - 1;
            return new Choice(i, samples.get(i), Basis.CALLER_CONVENTION);
        }
        return samples.size() == 1 ? new Choice(0, samples.get(0), Basis.ONLY_SAMPLE) : new Choice(1, samples.get(1), Basis.SECOND_SAMPLE);
    }
}
