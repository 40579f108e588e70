package dev.llmbench.core.compare;

import dev.llmbench.core.stats.SmfScore;
import java.util.List;

/**
 * The top-level figures of a seed harness file, computed by the seed's own rules
 * (SEED-HARNESS.md, section 6). Immutable and thread-safe.
 *
 * <p>Rules: {@code errors} counts results with status {@code error} or {@code exception};
 * {@code passed} counts successes with {@code passed}; {@code avg_score} is the mean score of
 * successes only; the average TTF and total time are means over <em>all</em> results, errors
 * included with whatever times they carry; {@code reliability_score = (n − errors) / n};
 * {@code overall_score = 0.5·avg_score + 0.25·step(avg_total_time_ms) + 0.25·reliability} with
 * the step 1.0 under 30 s, 0.7 under 60 s, else 0.4.
 *
 * <p>As read from a file, a figure the file does not have is NaN (or -1 for counts).
 *
 * @param totalTests      {@code total_tests}
 * @param passed          {@code passed}
 * @param failed          {@code failed}: successes that did not pass
 * @param errors          {@code errors}
 * @param avgScore        {@code avg_score}, in [0, 1]
 * @param avgTtftMs       {@code avg_time_to_first_token_ms}
 * @param avgTotalTimeMs  {@code avg_total_time_ms}
 * @param totalRuntimeMs  {@code total_runtime_ms}: the sum of the total times
 * @param reliability     {@code reliability_score}, in [0, 1]
 * @param overallScore    {@code overall_score}
 * @since 0.1
 */
public record SeedFigures(
        int totalTests,
        int passed,
        int failed,
        int errors,
        double avgScore,
        double avgTtftMs,
        double avgTotalTimeMs,
        double totalRuntimeMs,
        double reliability,
        double overallScore) {

    /**
     * How the seed's Python added floats: {@code sum()} adds left to right up to Python 3.11 and
     * with Neumaier compensation from Python 3.12 on; the two can differ in the last bit, so both
     * are tried when reproducing a file.
     */
    public enum Summation {
        /** Left to right (Python 3.11 and earlier). */
        NAIVE,
        /** Neumaier-compensated, as CPython 3.12+ {@code sum()} does for floats. */
        NEUMAIER
    }

    /**
     * The figures of {@code results} by the seed's rules. With no success, {@code avg_score} is 0;
     * with no result at all, every mean and the reliability are 0.
     */
    public static SeedFigures compute(List<SeedResult> results, Summation summation) {
        int n = results.size();
        List<SeedResult> ok = results.stream().filter(SeedResult::ok).toList();
        int errors = n - ok.size();
        int passed = (int) ok.stream().filter(SeedResult::passed).count();
        double avgScore = ok.isEmpty() ? 0 : sum(ok.stream().map(SeedResult::score).toList(), summation) / ok.size();
        double total = sum(results.stream().map(SeedResult::totalTimeMs).toList(), summation);
        double avgTtft = n == 0 ? 0 : sum(results.stream().map(SeedResult::ttftMs).toList(), summation) / n;
        double avgTotal = n == 0 ? 0 : total / n;
        double reliability = n == 0 ? 0 : (double) (n - errors) / n;
        return new SeedFigures(n, passed, ok.size() - passed, errors, avgScore, avgTtft, avgTotal, total, reliability,
                SmfScore.overall(avgScore, avgTotal, reliability));
    }

    /** Python's {@code sum(values)} of floats, in the given version's way. */
    static double sum(List<Double> values, Summation summation) {
        double s = 0.0;
        double c = 0.0;
        for (double x : values) {
            double t = s + x;
            if (summation == Summation.NEUMAIER) {
                c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            }
            s = t;
        }
        return c != 0.0 && Double.isFinite(c) ? s + c : s;
    }

    /**
     * The names of the figures in which {@code file} (as read) differs from these; figures the file
     * lacks are skipped. Compared exactly: the seed wrote full-precision floats.
     */
    public List<String> differencesFrom(SeedFigures file) {
        List<String> d = new java.util.ArrayList<>();
        count(d, "total_tests", totalTests, file.totalTests);
        count(d, "passed", passed, file.passed);
        count(d, "failed", failed, file.failed);
        count(d, "errors", errors, file.errors);
        real(d, "avg_score", avgScore, file.avgScore);
        real(d, "avg_time_to_first_token_ms", avgTtftMs, file.avgTtftMs);
        real(d, "avg_total_time_ms", avgTotalTimeMs, file.avgTotalTimeMs);
        real(d, "total_runtime_ms", totalRuntimeMs, file.totalRuntimeMs);
        real(d, "reliability_score", reliability, file.reliability);
        real(d, "overall_score", overallScore, file.overallScore);
        return d;
    }

    private static void count(List<String> d, String name, int computed, int file) {
        if (file >= 0 && computed != file) {
            d.add(name + " " + file + " in the file, " + computed + " from results[]");
        }
    }

    private static void real(List<String> d, String name, double computed, double file) {
        if (!Double.isNaN(file) && Double.compare(computed, file) != 0) {
            d.add(name + " " + file + " in the file, " + computed + " from results[]");
        }
    }
}
