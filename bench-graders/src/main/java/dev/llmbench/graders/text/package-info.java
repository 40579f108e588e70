/**
 * Graders that read a response as prose, and the text tools they share.
 *
 * <p>Graders: {@link dev.llmbench.graders.text.ExactMatchGraderFactory} ({@code exact}),
 * {@link dev.llmbench.graders.text.RegexGraderFactory} ({@code regex}),
 * {@link dev.llmbench.graders.text.WordsGraderFactory} ({@code words}),
 * {@link dev.llmbench.graders.text.CountsGraderFactory} ({@code counts}),
 * {@link dev.llmbench.graders.text.FormatGraderFactory} ({@code format}),
 * {@link dev.llmbench.graders.text.SentenceCountGraderFactory} ({@code sentences}) and
 * {@link dev.llmbench.graders.text.ConstraintsGraderFactory} ({@code constraints}).
 *
 * <p>Tools: {@link dev.llmbench.graders.text.SentenceSplitter}, {@link dev.llmbench.graders.text.WordCounter},
 * {@link dev.llmbench.graders.text.Paragraphs}, {@link dev.llmbench.graders.text.AnswerLine},
 * {@link dev.llmbench.graders.text.TextTarget} (which part of a response a grader reads) and
 * {@link dev.llmbench.graders.text.CountRange}.
 */
package dev.llmbench.graders.text;
