package org.oncoconcord.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names the pipeline derives from patient and sample ids (its task id {@code patient.sample},
 * {@code normalized/<patient>.<sample>.norm.vcf.gz} and siblings, {@code concordance/<patient>.*}),
 * checked to be unique so that no two samples (or patients) write one file. Names are compared
 * ignoring case, as on case-insensitive file systems (macOS, Windows shares).
 */
final class DerivedNames {
    /** Per-sample names, from the id {@code patient.sample}; keep in step with modules/local/normalize. */
    static final List<String> SAMPLE_NAMES = List.of("%s", "normalized/%s.norm.vcf.gz", "normalized/%s.norm.vcf.gz.tbi",
            "normalized/%s.normalize.json", "normalized/%s.rejects.tsv");
    /** Per-patient names; keep in step with modules/local/concordance. */
    static final List<String> PATIENT_NAMES = List.of("concordance/%s.concordance.json", "concordance/%s.variants.tsv");

    private record Owner(int line, String patient, String sample, String name) {
    }

    private final String file;
    private final Map<String, Owner> owners = new HashMap<>();

    DerivedNames(String file) {
        this.file = file;
    }

    /** The pipeline's id of a sample. */
    static String sampleId(String patient, String sample) {
        return patient + "." + sample;
    }

    /** Registers the names of one row; returns the problem when one collides with an earlier row's, else null. */
    Problem add(int line, int column, String columnName, String patient, String sample) {
        Owner me = new Owner(line, patient, sample, "");
        String id = sampleId(patient, sample);
        for (String pattern : SAMPLE_NAMES) {
            Problem p = claim(String.format(pattern, id), me, column, columnName, false);
            if (p != null) {
                return p;
            }
        }
        for (String pattern : PATIENT_NAMES) {
            Problem p = claim(String.format(pattern, patient), me, column, columnName, true);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private Problem claim(String name, Owner me, int column, String columnName, boolean perPatient) {
        Owner other = owners.putIfAbsent(name.toLowerCase(Locale.ROOT), new Owner(me.line(), me.patient(), me.sample(), name));
        if (other == null || (perPatient ? other.patient().equals(me.patient()) : other.line() == me.line())) {
            return null;
        }
        if (!perPatient && other.patient().equals(me.patient()) && other.sample().equals(me.sample())) {
            return null; // a duplicate patient+sample, reported as such
        }
        String what = perPatient ? "patient '" + me.patient() + "'" : "patient '" + me.patient() + "' sample '" + me.sample() + "'";
        String theirs = perPatient ? "patient '" + other.patient() + "'" : "patient '" + other.patient() + "' sample '" + other.sample() + "'";
        return Problem.error(file, me.line(), column, columnName, "the pipeline name '" + name + "' of " + what
                + " is also that of " + theirs + " (line " + other.line() + ")" + (name.equals(other.name()) ? "" : " ('" + other.name() + "') ignoring case")
                + ": one would overwrite the other; rename one of them");
    }
}
