/**
 * Contract tests for provider authors: extend {@link dev.llmbench.testkit.contract.HttpProviderContract}
 * to check a provider against {@link dev.llmbench.testkit.FakeLlmServer} over real loopback HTTP.
 */
package dev.llmbench.testkit.contract;
