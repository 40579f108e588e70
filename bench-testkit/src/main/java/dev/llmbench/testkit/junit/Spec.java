package dev.llmbench.testkit.junit;

import java.util.function.Supplier;

/**
 * The settings written in code, by {@link LlmBench} or {@link LlmBenchExtension.Builder}, before
 * overrides. Immutable.
 */
record Spec(String model, String suite, String tests, String exclude, int trials, int warmup, int concurrency,
        long seed, String timeout, Supplier<String> baseUrl, String out) {

    static Spec of(LlmBench a) {
        String url = a.baseUrl();
        return new Spec(a.model(), a.suite(), a.tests(), a.exclude(), a.trials(), a.warmup(), a.concurrency(),
                a.seed(), a.timeout(), () -> url, a.out());
    }
}
