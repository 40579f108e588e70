/**
 * Graders that read numbers from a response: {@link dev.llmbench.graders.numeric.NumericGraderFactory}
 * ({@code numeric}) grades the final {@code Answer:} number of a word problem.
 */
package dev.llmbench.graders.numeric;
