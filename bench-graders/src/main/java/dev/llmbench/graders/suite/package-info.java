/**
 * The built-in {@code standard} suite ({@link dev.llmbench.graders.suite.StandardSuite}) and its tests.
 * Each test documents its cases, graders, weights and pass threshold.
 */
package dev.llmbench.graders.suite;
