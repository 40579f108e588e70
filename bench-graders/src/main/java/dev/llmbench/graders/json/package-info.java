/**
 * Graders that read a response as JSON: {@link dev.llmbench.graders.json.JsonGraderFactory}
 * ({@code json}) parses strictly, records a code fence or surrounding prose as a failed check
 * instead of forgiving it, validates against a JSON Schema (networknt json-schema-validator) and
 * checks values by JSON Pointer.
 */
package dev.llmbench.graders.json;
