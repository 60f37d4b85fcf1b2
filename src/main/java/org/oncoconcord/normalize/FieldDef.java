package org.oncoconcord.normalize;

/**
 * The declared shape of an INFO or FORMAT field: {@code number} is 'A', 'R', 'G', '.' (unbounded)
 * or 'N' (a fixed count in {@code count}); {@code type} is 'I' Integer, 'F' Float, 'S' String,
 * 'C' Character or 'L' Flag.
 */
record FieldDef(String id, char number, int count, char type) {

    boolean numeric() {
        return type == 'I' || type == 'F';
    }

    boolean perAllele() {
        return number == 'A' || number == 'R' || number == 'G';
    }

    /** The definition htslib assumes for a tag missing from the header. */
    static FieldDef undeclared(String id) {
        return new FieldDef(id, 'N', 1, 'S');
    }
}
