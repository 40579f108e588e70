/**
 * Helpers shared by llmbench's own modules. <b>Not API</b>: anything here may change without notice.
 */
package dev.llmbench.core.internal;
