/**
 * The offline simulator provider {@code sim}: an in-process model that needs no server, no
 * network and no API key, for demos, tests of the harness itself and load benchmarks.
 *
 * <p>Two models: {@code sim:oracle} streams the calibrated reference response of the llmbench
 * test case being run (so every grader should pass), and {@code sim:echo} streams the last user
 * message back. Latency, throughput, jitter and failures are configured in the model spec,
 * query style, for example {@code sim:oracle?ttft=200ms&tps=50&jitter=0.1&error_rate=0.05&seed=7};
 * see {@link dev.llmbench.providers.sim.SimProviderFactory} for the grammar.
 *
 * <p>Everything a stream does (its delays, its chunks and whether and how it fails) is derived
 * from the configured seed and the request's harness attributes, so a trial behaves the same
 * whatever the thread scheduling or run order. Only the factory is public API; the other types
 * are package-private implementation.
 *
 * @since 0.1
 */
package dev.llmbench.providers.sim;
