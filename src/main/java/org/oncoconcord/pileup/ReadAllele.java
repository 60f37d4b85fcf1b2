package org.oncoconcord.pileup;

/** What one read shows at a site. */
public enum ReadAllele { REF, ALT, OTHER }
