package dev.llmbench.core.runner;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a run stands. Immutable and thread-safe.
 *
 * @param done    trials finished, including those found in the journal on resume
 * @param total   trials in the plan
 * @param errors  finished trials whose request failed (this session)
 * @param elapsed wall time since this session started sending requests
 * @param eta     estimated time to finish, once at least one trial finished in this session
 * @since 0.1
 */
public record Progress(long done, long total, long errors, Duration elapsed, Optional<Duration> eta) {}
