package dev.llmbench.core.stats;

import java.util.List;

/**
 * pass@k and pass^k from repeated trials of the same cases.
 *
 * <ul>
 *   <li><b>pass@k</b>: the chance that at least one of k attempts passes, estimated without bias
 *       from n trials with c passes as {@code 1 − C(n−c, k) / C(n, k)} (Chen et al., 2021,
 *       "Evaluating Large Language Models Trained on Code"), averaged over cases;</li>
 *   <li><b>pass^k</b>: the chance that all k attempts pass — how reliably a model gets it right
 *       every time — estimated as {@code C(c, k) / C(n, k)}, averaged over cases.</li>
 * </ul>
 * Both need k ≤ n. Computed with products rather than factorials, so large n cannot overflow.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class PassAtK {
    private PassAtK() {}

    /**
     * The unbiased pass@k of one case.
     *
     * @param n trials, at least 1
     * @param c passing trials, 0 to n
     * @param k attempts, 1 to n
     */
    public static double passAtK(int n, int c, int k) {
        check(n, c, k);
        if (n - c < k) {
            return 1.0;
        }
        // C(n-c, k) / C(n, k) = prod_{i=0}^{k-1} (n-c-i) / (n-i)
        double allFail = 1.0;
        for (int i = 0; i < k; i++) {
            allFail *= (double) (n - c - i) / (n - i);
        }
        return 1.0 - allFail;
    }

    /**
     * The pass^k of one case: the chance that k trials drawn without replacement all pass.
     *
     * @param n trials, at least 1
     * @param c passing trials, 0 to n
     * @param k attempts, 1 to n
     */
    public static double passPowK(int n, int c, int k) {
        check(n, c, k);
        if (c < k) {
            return 0.0;
        }
        double allPass = 1.0;
        for (int i = 0; i < k; i++) {
            allPass *= (double) (c - i) / (n - i);
        }
        return allPass;
    }

    /** pass@k averaged over cases, each given as {n, c}. */
    public static double meanPassAtK(List<int[]> cases, int k) {
        return cases.stream().mapToDouble(x -> passAtK(x[0], x[1], k)).average().orElse(Double.NaN);
    }

    /** pass^k averaged over cases, each given as {n, c}. */
    public static double meanPassPowK(List<int[]> cases, int k) {
        return cases.stream().mapToDouble(x -> passPowK(x[0], x[1], k)).average().orElse(Double.NaN);
    }

    private static void check(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("need 1 <= k <= n and 0 <= c <= n, got n=" + n + " c=" + c + " k=" + k);
        }
    }
}
