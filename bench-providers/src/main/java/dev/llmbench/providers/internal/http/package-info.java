/**
 * The providers' shared HTTP layer: Apache HttpClient 5 async transport with incremental body
 * consumption, strict UTF-8 line decoding, NDJSON and SSE readers, first-byte/idle/total timeouts
 * and the one mapper from statuses, bodies and exceptions to error classes; and cassettes: recording
 * each exchange (request and raw response stream with arrival offsets) and replaying it through the
 * same exchange logic.
 *
 * <p><b>Not API:</b> internal to llmbench's providers; may change without notice.
 */
package dev.llmbench.providers.internal.http;
