package dev.llmbench.jmh;

import dev.llmbench.core.results.TrialRecord;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** The smallest use of {@link LlmTrialState}: one trial per invocation. Run by the tests only. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimTrialBenchmark {
    /** One graded request. */
    @Benchmark
    public TrialRecord request(LlmTrialState state) {
        return state.trial();
    }
}
