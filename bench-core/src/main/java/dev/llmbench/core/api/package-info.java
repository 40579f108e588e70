/**
 * What benchmark authors implement or use: tests, cases, calibration and grades.
 */
package dev.llmbench.core.api;
