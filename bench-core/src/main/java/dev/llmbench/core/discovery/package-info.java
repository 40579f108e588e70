/**
 * Plugin discovery: {@link dev.llmbench.core.discovery.ServiceRegistry} finds providers, graders,
 * suites and tests with {@link java.util.ServiceLoader}.
 */
package dev.llmbench.core.discovery;
