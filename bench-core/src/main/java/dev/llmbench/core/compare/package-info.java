/**
 * Comparing models and runs: paired head-to-head verdicts per test and overall, what
 * {@code llmbench compare} reads and reports.
 *
 * <p>{@link dev.llmbench.core.compare.ComparedFile#read} reads an llmbench result or a seed
 * harness result file into the same result model, recording in its
 * {@link dev.llmbench.core.compare.Provenance} which figures the source lacks;
 * {@link dev.llmbench.core.compare.Comparison#of} builds the leaderboard, head-to-heads and
 * baseline regressions; {@link dev.llmbench.core.compare.CompareFormat} renders them as text,
 * Markdown or JSON.
 */
package dev.llmbench.core.compare;
