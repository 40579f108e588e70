/**
 * Load testing: the settings of a load run ({@link dev.llmbench.core.load.LoadSpec}, its
 * {@link dev.llmbench.core.load.Slo}), seeded Poisson arrivals
 * ({@link dev.llmbench.core.load.ArrivalSchedule}), one record per request
 * ({@link dev.llmbench.core.load.LoadRecord}) and the per-model summary derived from the records
 * ({@link dev.llmbench.core.load.LoadSummary}). The engine that sends the requests is
 * {@code dev.llmbench.core.runner.LoadRunner}.
 *
 * <p>Every time is a {@code System.nanoTime()}-style reading of the run's monotonic ticker,
 * stored as nanoseconds since the model's load phase began.
 */
package dev.llmbench.core.load;
