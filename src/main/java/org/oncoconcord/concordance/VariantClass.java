package org.oncoconcord.concordance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.oncoconcord.core.SampleType;

/**
 * Class names of a variant by the sample types it is present in: {@code shared_all} (every
 * sample), {@code primary_only}, {@code metastasis_new}, {@code plasma_only}, and
 * {@code shared_<types>} for other combinations ({@code shared_primary_metastasis},
 * {@code shared_primary_plasma}, {@code shared_metastasis_plasma}); {@code not_evaluable} when it
 * is absent from a sample that could not have detected it (outside its regions or below its depth).
 */
public final class VariantClass {
    public static final String SHARED_ALL = "shared_all";
    public static final String NOT_EVALUABLE = "not_evaluable";

    private VariantClass() {
    }

    /** The class of a variant present in samples of {@code presentTypes}. */
    public static String of(boolean presentInAll, boolean absentWhereNotEvaluable, Set<SampleType> presentTypes) {
        if (presentInAll) {
            return SHARED_ALL;
        }
        if (absentWhereNotEvaluable) {
            return NOT_EVALUABLE;
        }
        return name(presentTypes);
    }

    /** Name of a combination of types (not "shared_all"). */
    public static String name(Set<SampleType> types) {
        if (types.size() == 1) {
            return switch (types.iterator().next()) {
                case PRIMARY -> "primary_only";
                case METASTASIS -> "metastasis_new";
                case PLASMA -> "plasma_only";
                case NORMAL -> "normal_only";
            };
        }
        StringJoiner j = new StringJoiner("_", "shared_", "");
        for (SampleType t : SampleType.values()) {
            if (types.contains(t)) {
                j.add(t.label());
            }
        }
        return j.toString();
    }

    /** The classes that can occur for a patient with these sample types, in a stable order. */
    public static List<String> possible(List<SampleType> sampleTypes) {
        Set<SampleType> present = EnumSet.noneOf(SampleType.class);
        present.addAll(sampleTypes);
        List<SampleType> ts = new ArrayList<>(present);
        List<String> out = new ArrayList<>();
        out.add(SHARED_ALL);
        boolean oneEach = present.size() == sampleTypes.size();
        for (int mask = 1; mask < (1 << ts.size()); mask++) {
            Set<SampleType> s = EnumSet.noneOf(SampleType.class);
            for (int i = 0; i < ts.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    s.add(ts.get(i));
                }
            }
            if (oneEach && s.size() == ts.size()) {
                continue;
            }
            out.add(name(s));
        }
        out.add(NOT_EVALUABLE);
        return out;
    }
}
