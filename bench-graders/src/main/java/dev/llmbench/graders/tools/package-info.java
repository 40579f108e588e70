/**
 * Graders for tool use: which tools a model called, with which arguments, in which order, and
 * whether its final answer uses what the tools returned.
 */
package dev.llmbench.graders.tools;
