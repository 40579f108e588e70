/**
 * Graders that read a response as prose: {@link dev.llmbench.graders.text.SentenceCountGraderFactory}
 * ({@code sentences}) and {@link dev.llmbench.graders.text.ConstraintsGraderFactory}
 * ({@code constraints}), and the text tools they share: {@link dev.llmbench.graders.text.SentenceSplitter},
 * {@link dev.llmbench.graders.text.WordCounter} and {@link dev.llmbench.graders.text.AnswerLine}.
 */
package dev.llmbench.graders.text;
