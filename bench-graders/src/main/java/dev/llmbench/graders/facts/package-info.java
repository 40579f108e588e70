/**
 * Graders that judge what a response claims: {@link dev.llmbench.graders.facts.FactsGraderFactory}
 * ({@code facts}: required facts, forbidden phrases, no new numbers, word range in a labelled
 * section), {@link dev.llmbench.graders.facts.AbstainGraderFactory} ({@code abstain}: declines
 * instead of inventing) and {@link dev.llmbench.graders.facts.ClarificationGraderFactory}
 * ({@code clarification}: asks about what is missing, fabricates no bookings or prices). The
 * package-private helpers normalise phrases and numbers and find labelled sections.
 */
package dev.llmbench.graders.facts;
