/**
 * Helpers shared by the graders in this module (parameter validation).
 *
 * <p><b>Not API</b>: anything here may change without notice.
 */
package dev.llmbench.graders.internal;
