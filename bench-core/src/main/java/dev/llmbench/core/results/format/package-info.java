/**
 * Result file writers: JSON ({@code llmbench.result/v1}), Markdown and a console table. Files are
 * written atomically. Model output is untrusted text and is escaped wherever it is rendered.
 */
package dev.llmbench.core.results.format;
