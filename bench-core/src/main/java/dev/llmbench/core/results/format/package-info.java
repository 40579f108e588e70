/**
 * Result file writers: JSON ({@code llmbench.result/v1}), Markdown, a console table, a
 * self-contained HTML report with inline SVG charts, CSV (trials and test aggregates), JUnit XML
 * and HdrHistogram interval logs (docs/REPORTS.md). Files are written atomically. Model output is
 * untrusted text and is escaped wherever it is rendered.
 */
package dev.llmbench.core.results.format;
