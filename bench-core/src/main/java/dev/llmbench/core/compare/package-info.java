/**
 * Comparing models and runs: paired head-to-head verdicts per test and overall.
 */
package dev.llmbench.core.compare;
