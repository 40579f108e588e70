/**
 * The {@code replay} provider: serves a run recorded with {@code --record DIR} back from its
 * cassettes, offline, through the original provider's own request mapping and response parsing,
 * so a recorded run can be re-graded without a server and reproduced byte for byte in CI.
 *
 * <p>See {@link dev.llmbench.providers.replay.ReplayProviderFactory} for the spec grammar and the
 * rules. Only the factory is public API; the other types are package-private implementation.
 *
 * @since 0.1
 */
package dev.llmbench.providers.replay;
