package org.oncoconcord.annotate;

/** VEP's IMPACT rating of a consequence, most severe first. */
public enum Impact { HIGH, MODERATE, LOW, MODIFIER }
