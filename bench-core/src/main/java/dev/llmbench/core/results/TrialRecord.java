package dev.llmbench.core.results;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.RequestTiming;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One finished trial: one request of one case to one model, graded. What the journal stores, one
 * per line, and what result files list. Immutable and thread-safe.
 *
 * @param model        the model spec, e.g. {@code sim:oracle}; never blank
 * @param test         the test id; never blank
 * @param caseId       the case id; never blank
 * @param trial        the trial index, 0-based
 * @param startedAt    wall-clock time the request was sent; never null
 * @param score        the graded score in [0, 1]; 0 for a failed request
 * @param passed       whether the case passed; false for a failed request
 * @param checks       the itemised checks; empty for a failed request
 * @param response     the response text (possibly partial for a failed request); never null
 * @param reasoning    reasoning text; never null
 * @param finishReason the finish reason's lowercase name, or empty for a failed request
 * @param timing       the client-side timing; never null
 * @param inputTokens  provider-reported prompt tokens, or -1 when unknown
 * @param costUsd      provider-reported cost in US dollars, or a negative number when unknown
 * @param error        the classified error when the request failed
 * @param conversation for a tool-use case, every assistant turn and tool result after the
 *                     request, in order; empty for a single-turn case
 * @param retries      how many times a request of this trial was sent again after a retriable
 *                     error (see {@code Options#retries()}); the other fields describe the final
 *                     attempt; 0 when retries are off
 * @since 0.1
 */
public record TrialRecord(
        String model,
        String test,
        String caseId,
        int trial,
        Instant startedAt,
        double score,
        boolean passed,
        List<Check> checks,
        String response,
        String reasoning,
        String finishReason,
        RequestTiming timing,
        long inputTokens,
        double costUsd,
        Optional<ProviderError> error,
        List<Message> conversation,
        int retries) {

    /** A record without retries (the constructor before retries existed). */
    public TrialRecord(String model, String test, String caseId, int trial, Instant startedAt, double score,
            boolean passed, List<Check> checks, String response, String reasoning, String finishReason,
            RequestTiming timing, long inputTokens, double costUsd, Optional<ProviderError> error,
            List<Message> conversation) {
        this(model, test, caseId, trial, startedAt, score, passed, checks, response, reasoning, finishReason, timing,
                inputTokens, costUsd, error, conversation, 0);
    }

    /** Validates the components and copies the list. */
    public TrialRecord {
        Checks.nonNegative(retries, "retries");
        Checks.notBlank(model, "model");
        Checks.notBlank(test, "test");
        Checks.notBlank(caseId, "caseId");
        Checks.nonNegative(trial, "trial");
        Checks.notNull(startedAt, "startedAt");
        Checks.inRange(score, 0.0, 1.0, "score");
        checks = List.copyOf(Checks.notNull(checks, "checks"));
        Checks.notNull(response, "response");
        Checks.notNull(reasoning, "reasoning");
        Checks.notNull(finishReason, "finishReason");
        Checks.notNull(timing, "timing");
        Checks.notNull(error, "error");
        conversation = List.copyOf(Checks.notNull(conversation, "conversation"));
        if (error.isPresent() && (passed || score != 0)) {
            throw new IllegalArgumentException("a failed request scores 0 and does not pass");
        }
    }

    /** The key that identifies this trial within a run. */
    public TrialKey key() {
        return new TrialKey(model, test, caseId, trial);
    }

    /** Whether the request succeeded (it may still have failed its grade). */
    public boolean ok() {
        return error.isEmpty();
    }
}
