/**
 * Statistics for summaries: confidence intervals of means and proportions.
 */
package dev.llmbench.core.stats;
