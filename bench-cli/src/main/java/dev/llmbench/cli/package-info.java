/**
 * The {@code llmbench} command line: {@code run}, {@code list}, {@code ask} and {@code grade}, the
 * progress display and the exit-code contract of DESIGN.md ("CLI contract").
 *
 * <p>Exit codes ({@link dev.llmbench.cli.ExitCodes}): 0 success; 1 the run completed but a
 * requested gate failed; 2 bad usage or configuration, reported as one line before any request;
 * 3 an infrastructure failure; 130 the run was interrupted.
 *
 * <p>Only {@link dev.llmbench.cli.Main} is meant to be called from outside; everything else is
 * package-private.
 */
package dev.llmbench.cli;
