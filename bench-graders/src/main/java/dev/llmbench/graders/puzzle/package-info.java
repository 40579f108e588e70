/**
 * Graders for logic puzzles: {@link dev.llmbench.graders.puzzle.ArrangementGraderFactory}
 * ({@code arrangement}) reads a full seating or ordering solution and the answer to the question
 * asked about it.
 */
package dev.llmbench.graders.puzzle;
