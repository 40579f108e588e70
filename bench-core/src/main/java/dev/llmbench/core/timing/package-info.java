/**
 * The timing engine: one monotonic {@link dev.llmbench.core.timing.Ticker} stamps every stream
 * event ({@link dev.llmbench.core.timing.TimedListener}), per-request metrics are derived as
 * DESIGN.md defines them ({@link dev.llmbench.core.timing.RequestTiming}), and distributions are
 * recorded in HdrHistogram with 3 significant digits
 * ({@link dev.llmbench.core.timing.MetricsRecorder}). HdrHistogram types never leave this package.
 * Percentiles use one scale everywhere: 0 to 100.
 */
package dev.llmbench.core.timing;
