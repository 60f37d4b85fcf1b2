package org.oncoconcord.cohort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.PlasmaTimepoint;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.core.UserException;

/**
 * Every plasma draw of the cohort against its patient's tissue (docs/PLASMA.md "Serial plasma"): the
 * {@code serial_plasma} section of concordance.json where there is one, else the single plasma
 * sample's figures as one draw without timepoint or day.
 */
public final class PlasmaDraws {
    private PlasmaDraws() {
    }

    /**
     * One draw: its patient, sample, timepoint text (null: none) and recognised kind (null: none), days
     * from surgery (null: unknown), tumour signal and the tissue variants it detected or missed.
     */
    public record Draw(String patient, String sample, String timepoint, PlasmaTimepoint kind, Double collectionDay,
                       boolean tumourSignal, long detected, long missedInformative, long missedNotInformative) {
        /** Tissue variants evaluable in this draw. */
        public long tissueVariants() {
            return detected + missedInformative + missedNotInformative;
        }
    }

    /** The cohort's draws per patient (patients without plasma are absent), and whether any patient had a serial section. */
    public record Cohort(Map<String, List<Draw>> byPatient, boolean serial) {
        /** Every draw, patient by patient. */
        public List<Draw> all() {
            return byPatient.values().stream().flatMap(List::stream).toList();
        }
    }

    /**
     * The draws of each plasma patient from the {@code serial_plasma} section of its concordance.json,
     * as {@link ConcordanceReader} read it (each file is parsed once).
     */
    public static Cohort read(Collection<PatientConcordance> patients) {
        Map<String, List<Draw>> out = new LinkedHashMap<>();
        boolean anySerial = false;
        for (PatientConcordance p : patients) {
            if (p.plasma() == null) {
                continue;
            }
            ConcordanceJson.SerialPlasma serial = serialSection(p);
            List<Draw> draws = new ArrayList<>();
            if (serial == null) {
                PatientConcordance.PlasmaSignal s = p.plasma();
                draws.add(new Draw(p.patient(), s.label() == null || s.label().isEmpty() ? null : s.label(), null, null, null,
                        s.tumourSignal(), s.detected(), s.missedInformative(), s.missedNotInformative()));
            } else {
                anySerial = true;
                for (ConcordanceJson.PlasmaDrawResult d : serial.draws()) {
                    draws.add(new Draw(p.patient(), d.sample(), d.timepoint(), PlasmaTimepoint.of(d.timepoint()), d.collectionDay(),
                            d.tumourSignal(), d.tissueVariantsDetected(), d.missedInformative(), d.missedNotInformative()));
                }
            }
            out.put(p.patient(), List.copyOf(draws));
        }
        return new Cohort(out, anySerial);
    }

    /** The typed {@code serial_plasma} section ConcordanceReader already read (null: none). */
    private static ConcordanceJson.SerialPlasma serialSection(PatientConcordance p) {
        ConcordanceJson.SerialPlasma s = p.json() == null ? null : p.json().serialPlasma();
        if (s != null && (s.draws() == null || s.draws().isEmpty())) {
            throw new UserException(p.source() + ": key serial_plasma.draws is missing or empty");
        }
        return s;
    }
}
