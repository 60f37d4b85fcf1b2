package org.oncoconcord.clonality;

/**
 * MesKit's mutation classes within a patient's tumour samples: {@code Public} (in every sample,
 * the trunk), {@code Shared} (in more than one but not all), {@code Private} (in one), each
 * {@code Clonal} or {@code Subclonal} (MesKit's {@code Public_Clonal}, ..., {@code Private_Subclonal}).
 */
public enum MesKitClass {
    Public_Clonal, Public_Subclonal, Shared_Clonal, Shared_Subclonal, Private_Clonal, Private_Subclonal;

    /**
     * @param presentIn samples that carry the variant (at least 1)
     * @param samples   the patient's tumour samples
     * @param clonal    clonal in every sample that carries it
     */
    public static MesKitClass of(int presentIn, int samples, boolean clonal) {
        if (presentIn < 1 || presentIn > samples) {
            throw new IllegalArgumentException("present in " + presentIn + " of " + samples + " samples");
        }
        String sharing = presentIn == samples && samples > 1 ? "Public" : presentIn > 1 ? "Shared" : "Private";
        return valueOf(sharing + (clonal ? "_Clonal" : "_Subclonal"));
    }
}
