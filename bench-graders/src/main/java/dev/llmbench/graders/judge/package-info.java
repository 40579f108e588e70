/**
 * The LLM judge: a rubric grader that asks a configured judge model for a JSON verdict. Not used
 * by the {@code standard} suite's default scoring, whose checks are all verifiable by code.
 */
package dev.llmbench.graders.judge;
