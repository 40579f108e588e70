/**
 * The provider-neutral chat model: messages, tools, response formats, sampling, streaming events
 * and assembled responses. Every type here is immutable and thread-safe.
 */
package dev.llmbench.core.model;
