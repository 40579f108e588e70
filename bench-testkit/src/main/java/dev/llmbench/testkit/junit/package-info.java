/**
 * JUnit 5 support for gating models in a project's own build: {@link dev.llmbench.testkit.junit.LlmBench}
 * runs a benchmark once per test class, and {@link dev.llmbench.testkit.junit.LlmAssertions} bounds
 * its figures with failure messages that show the failing checks.
 */
package dev.llmbench.testkit.junit;
