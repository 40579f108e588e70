/**
 * Shared plumbing of llmbench's HTTP providers. <b>Not API.</b>
 */
package dev.llmbench.providers.internal;
