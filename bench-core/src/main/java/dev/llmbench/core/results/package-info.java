/**
 * Result records (immutable, no formatting inside) and the writers and readers of result files.
 */
package dev.llmbench.core.results;
