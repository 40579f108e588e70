package dev.llmbench.core.results;

import dev.llmbench.core.internal.Checks;

/**
 * Identifies one trial of a run: model × test × case × trial index. Immutable and thread-safe.
 *
 * @param model  the model spec
 * @param test   the test id
 * @param caseId the case id
 * @param trial  the 0-based trial index
 * @since 0.1
 */
public record TrialKey(String model, String test, String caseId, int trial) {
    /** Validates the components. */
    public TrialKey {
        Checks.notBlank(model, "model");
        Checks.notBlank(test, "test");
        Checks.notBlank(caseId, "caseId");
        Checks.nonNegative(trial, "trial");
    }

    @Override
    public String toString() {
        return model + " " + test + "/" + caseId + "#" + trial;
    }
}
