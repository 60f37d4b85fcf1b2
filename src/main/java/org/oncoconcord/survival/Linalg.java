package org.oncoconcord.survival;

/** Small dense linear algebra on row-major symmetric matrices (Cholesky with aliasing detection). */
final class Linalg {
    private Linalg() {
    }

    /**
     * Cholesky factor (lower, in a new array) of the symmetric positive semi-definite {@code a}
     * (n x n, row-major). Pivots below {@code tol} times the original diagonal mark a column as
     * aliased: its row and column are zeroed and {@code aliased[j]} set.
     */
    static double[] cholesky(double[] a, int n, double tol, boolean[] aliased) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double diag = a[j * n + j];
            double s = diag;
            for (int k = 0; k < j; k++) {
                s -= l[j * n + k] * l[j * n + k];
            }
            if (aliased[j] || s <= tol * Math.max(Math.abs(diag), 1e-300) || !(s > 0)) {
                aliased[j] = true;
                continue;
            }
            double ljj = Math.sqrt(s);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double t = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = t / ljj;
            }
        }
        return l;
    }

    /** Solves (L L') x = b for the non-aliased entries; aliased entries of x are 0. */
    static double[] solve(double[] l, int n, boolean[] aliased, double[] b) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (aliased[i]) {
                continue;
            }
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            if (aliased[i]) {
                continue;
            }
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /** The (generalised) inverse of L L': aliased rows and columns are 0. */
    static double[] inverse(double[] l, int n, boolean[] aliased) {
        double[] inv = new double[n * n];
        for (int j = 0; j < n; j++) {
            if (aliased[j]) {
                continue;
            }
            double[] e = new double[n];
            e[j] = 1;
            double[] col = solve(l, n, aliased, e);
            for (int i = 0; i < n; i++) {
                inv[i * n + j] = col[i];
            }
        }
        return inv;
    }

    /** log determinant of L L' over the non-aliased pivots. */
    static double logDet(double[] l, int n, boolean[] aliased) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            if (!aliased[j]) {
                s += 2 * Math.log(l[j * n + j]);
            }
        }
        return s;
    }

    /** b' A^{-1} b via the factor. */
    static double quadInv(double[] l, int n, boolean[] aliased, double[] b) {
        double[] x = solve(l, n, aliased, b);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += b[i] * x[i];
        }
        return s;
    }
}
