package org.oncoconcord.survival;

/** Handling of tied event times in the Cox partial likelihood. */
public enum Ties {
    EFRON, BRESLOW
}
