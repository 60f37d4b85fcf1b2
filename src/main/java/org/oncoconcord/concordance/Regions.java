package org.oncoconcord.concordance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.ContigNames;

/**
 * The regions an assay covers, from a BED file (0-based half-open), merged per contig and
 * queried by 1-based position. Contig styles are harmonised.
 */
public final class Regions {
    private final Map<String, long[]> byContig; // canonical contig -> merged [start0, end) pairs, flattened

    private Regions(Map<String, long[]> byContig) {
        this.byContig = byContig;
    }

    /** Reads a BED file (track/browser/# lines skipped); throws UserException naming the bad line. */
    public static Regions readBed(Path bed) {
        Map<String, List<long[]>> raw = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(bed)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 3) {
                    throw new UserException(bed + ": line " + n + ": BED needs chrom, start, end separated by tabs");
                }
                long s;
                long e;
                try {
                    s = Long.parseLong(f[1].trim());
                    e = Long.parseLong(f[2].trim());
                } catch (NumberFormatException ex) {
                    throw new UserException(bed + ": line " + n + ": start/end '" + f[1] + "', '" + f[2] + "' are not integers");
                }
                if (s < 0 || e < s) {
                    throw new UserException(bed + ": line " + n + ": bad interval " + s + "-" + e);
                }
                raw.computeIfAbsent(ContigNames.canonical(f[0].trim()), k -> new ArrayList<>()).add(new long[] {s, e});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bed + ": " + e.getMessage(), e);
        }
        Map<String, long[]> merged = new HashMap<>();
        raw.forEach((contig, list) -> {
            list.sort((a, b) -> Long.compare(a[0], b[0]));
            List<long[]> out = new ArrayList<>();
            for (long[] iv : list) {
                if (!out.isEmpty() && iv[0] <= out.get(out.size() - 1)[1]) {
                    out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], iv[1]);
                } else {
                    out.add(iv.clone());
                }
            }
            long[] flat = new long[out.size() * 2];
            for (int i = 0; i < out.size(); i++) {
                flat[2 * i] = out.get(i)[0];
                flat[2 * i + 1] = out.get(i)[1];
            }
            merged.put(contig, flat);
        });
        return new Regions(merged);
    }

    /** True when the 1-based position on the canonical contig lies in a region. */
    public boolean contains(String canonicalContig, int pos1) {
        long[] iv = byContig.get(canonicalContig);
        if (iv == null) {
            return false;
        }
        long p0 = pos1 - 1L;
        int lo = 0;
        int hi = iv.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (p0 < iv[2 * mid]) {
                hi = mid - 1;
            } else if (p0 >= iv[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
