package org.oncoconcord.annotate;

/** The genome builds with shipped transcript models. */
public enum Genome {
    GRCh37, GRCh38
}
