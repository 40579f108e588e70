/**
 * llmbench core: the exception hierarchy. The SPI lives in {@code spi}, the provider-neutral chat
 * model in {@code model}, benchmark authoring types in {@code api}, discovery in
 * {@code discovery}, the timing engine in {@code timing}, the runner in {@code runner} and
 * result records and writers in {@code results}.
 */
package dev.llmbench.core;
