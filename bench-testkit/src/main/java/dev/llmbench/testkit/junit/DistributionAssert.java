package dev.llmbench.testkit.junit;

import dev.llmbench.core.results.Distribution;
import java.util.Optional;

/**
 * Picks a statistic of a latency or throughput distribution (percentiles on the 0–100 scale) for a
 * bound: {@code assertThat(r).ttftMs().p95().isAtMost(2000)}. Distributions hold successful requests
 * only; with none, every statistic is "no data" and fails its bound. Immutable.
 *
 * @since 0.1
 */
public final class DistributionAssert {
    private final BenchResult result;
    private final String name;
    private final Distribution d;
    private final Figure.Unit unit;

    DistributionAssert(BenchResult result, String name, Distribution d, Figure.Unit unit) {
        this.result = result;
        this.name = name;
        this.d = d;
        this.unit = unit;
    }

    /** The median (50th percentile). */
    public FigureAssert p50() {
        return figure("p50", d.p50());
    }

    /** The 90th percentile. */
    public FigureAssert p90() {
        return figure("p90", d.p90());
    }

    /** The 95th percentile. */
    public FigureAssert p95() {
        return figure("p95", d.p95());
    }

    /** The 99th percentile. */
    public FigureAssert p99() {
        return figure("p99", d.p99());
    }

    /** The mean. */
    public FigureAssert mean() {
        return figure("mean", d.mean());
    }

    /** The largest value. */
    public FigureAssert max() {
        return figure("max", d.max());
    }

    private FigureAssert figure(String stat, double value) {
        return new FigureAssert(new Figure(result.modelSpec(), name + " " + stat, d.isEmpty() ? Double.NaN : value,
                unit, Optional.empty(), Evidence.sample(result.model().summary(), d.count())
                        + (d.isEmpty() ? " (no successful request)" : ""), result.report().toString()));
    }
}
