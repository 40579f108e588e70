package dev.llmbench.core.stats;

/**
 * The seed harness's composite score ("smf_overall"), reproduced for comparison with its reports
 * and printed only under that label: {@code 0.5·accuracy + 0.25·T + 0.25·reliability}, where T is
 * 1.0 when the average total time per request is under 30 s, 0.7 under 60 s, else 0.4. It mixes
 * quality, a coarse speed step and reliability into one number and hides their uncertainty; it is
 * not llmbench's measure of anything. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class SmfScore {
    private SmfScore() {}

    /**
     * The composite.
     *
     * @param accuracy       mean score in [0, 1] (the seed averaged successful tests only)
     * @param avgTotalTimeMs mean total time per request in milliseconds
     * @param reliability    share of requests without error, in [0, 1]
     */
    public static double overall(double accuracy, double avgTotalTimeMs, double reliability) {
        double timing = avgTotalTimeMs < 30_000 ? 1.0 : avgTotalTimeMs < 60_000 ? 0.7 : 0.4;
        return 0.5 * accuracy + 0.25 * timing + 0.25 * reliability;
    }
}
