package dev.llmbench.jmh;

import dev.llmbench.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Aggregator;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ResultRole;

/**
 * One llmbench figure as a JMH secondary result. It carries the trials it was computed from, so
 * that JMH's aggregation across threads, iterations and forks merges the trials and computes the
 * figure again over all of them: the aggregated TTFT p99 of a run is the p99 of every measured
 * request, not an average of per-iteration p99s. Per-iteration values (JMH's {@code rawData}) are
 * the figure over that iteration's trials.
 *
 * <p>Immutable and thread-safe; serializable so results travel from a forked VM to the host.
 *
 * @since 0.1
 */
public final class LlmbenchResult extends Result<LlmbenchResult> {
    private static final long serialVersionUID = 1L;

    private final LlmbenchFigure figure;
    private final List<TrialSample> samples;

    private LlmbenchResult(LlmbenchFigure figure, List<TrialSample> samples, double value) {
        super(ResultRole.SECONDARY, figure.label(), of(value), figure.unit(), AggregationPolicy.AVG);
        this.figure = figure;
        this.samples = samples;
    }

    static LlmbenchResult from(LlmbenchFigure figure, List<TrialSample> samples) {
        List<TrialSample> copy = List.copyOf(Checks.notNull(samples, "samples"));
        return new LlmbenchResult(figure, copy, LlmbenchFigure.computeSamples(copy).get(figure));
    }

    /** The figure this result reports. */
    public LlmbenchFigure figure() {
        return figure;
    }

    /** How many trials the figure was computed from. */
    public int trials() {
        return samples.size();
    }

    @Override
    protected Aggregator<LlmbenchResult> getThreadAggregator() {
        return LlmbenchResult::merge;
    }

    @Override
    protected Aggregator<LlmbenchResult> getIterationAggregator() {
        return LlmbenchResult::merge;
    }

    private static LlmbenchResult merge(Collection<LlmbenchResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("nothing to aggregate");
        }
        List<TrialSample> all = new ArrayList<>();
        LlmbenchFigure figure = null;
        for (LlmbenchResult r : results) {
            figure = r.figure;
            all.addAll(r.samples);
        }
        return from(figure, all);
    }
}
