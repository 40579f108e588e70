package dev.llmbench.jmh;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hand-over point between the benchmark threads that run trials ({@link LlmTrialState}) and
 * {@link LlmbenchProfiler}, which JMH instantiates on its own: a process-wide collector of the
 * trials of the current iteration.
 *
 * <p>Trials are kept only while the profiler has an iteration open; without the profiler, {@link
 * #record} drops them, so a long JMH run without {@code -prof} holds no memory. With
 * {@link #retainHistory(boolean) history retention} on, every closed iteration's trials are kept
 * for {@link #history()} — useful with {@code forks(0)}, where JMH runs in the calling process
 * (with forks, trials live and die in the forked VM).
 *
 * <p>Thread-safe: all state is guarded by one lock.
 *
 * @since 0.1
 */
public final class LlmbenchCollector {
    /**
     * The trials of one closed JMH iteration.
     *
     * @param benchmark the benchmark method, e.g. {@code com.acme.MyBenchmark.request}
     * @param params    the JMH parameters of the benchmark, by name
     * @param warmup    whether it was a warmup iteration
     * @param iteration the iteration number within its kind, from 1
     * @param trials    the trials, in the order they finished
     */
    public record Iteration(String benchmark, Map<String, String> params, boolean warmup, int iteration,
            List<TrialRecord> trials) {
        /** Copies the collections. */
        public Iteration {
            Checks.notBlank(benchmark, "benchmark");
            params = Map.copyOf(params);
            trials = List.copyOf(trials);
        }
    }

    private static final Object LOCK = new Object();
    private static List<TrialRecord> current;
    private static boolean retain;
    private static final List<Iteration> HISTORY = new ArrayList<>();

    private LlmbenchCollector() {}

    /**
     * Adds a finished trial to the open iteration; dropped when no profiled iteration is open.
     *
     * @return whether the trial was kept
     */
    public static boolean record(TrialRecord trial) {
        Checks.notNull(trial, "trial");
        synchronized (LOCK) {
            if (current == null) {
                return false;
            }
            current.add(trial);
            return true;
        }
    }

    /** Whether a profiled iteration is open. */
    public static boolean collecting() {
        synchronized (LOCK) {
            return current != null;
        }
    }

    /**
     * Keeps (or stops keeping) the trials of every closed iteration for {@link #history()}. Off
     * by default.
     */
    public static void retainHistory(boolean on) {
        synchronized (LOCK) {
            retain = on;
        }
    }

    /** The closed iterations kept while retention was on, oldest first; never null. */
    public static List<Iteration> history() {
        synchronized (LOCK) {
            return List.copyOf(HISTORY);
        }
    }

    /** Forgets the history. */
    public static void clearHistory() {
        synchronized (LOCK) {
            HISTORY.clear();
        }
    }

    /** Opens an iteration; trials recorded from now on belong to it. */
    static void open() {
        synchronized (LOCK) {
            current = new ArrayList<>();
        }
    }

    /** Closes the open iteration and returns its trials (empty when none was open). */
    static List<TrialRecord> close(String benchmark, Map<String, String> params, boolean warmup, int iteration) {
        synchronized (LOCK) {
            List<TrialRecord> trials = current == null ? List.of() : List.copyOf(current);
            current = null;
            if (retain) {
                HISTORY.add(new Iteration(benchmark, params, warmup, iteration, trials));
            }
            return trials;
        }
    }
}
