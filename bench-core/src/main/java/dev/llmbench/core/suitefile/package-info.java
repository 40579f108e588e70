/**
 * Suite files: tests written as YAML or JSON (prompts, built-in graders with parameters,
 * calibration responses) instead of Java, loaded and validated by
 * {@link dev.llmbench.core.suitefile.SuiteFiles}.
 */
package dev.llmbench.core.suitefile;
