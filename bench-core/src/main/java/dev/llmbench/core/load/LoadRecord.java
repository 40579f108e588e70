package dev.llmbench.core.load;

import dev.llmbench.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request of a load run. Times are nanoseconds since the model's load phase began, read
 * from one monotonic ticker; durations are nanoseconds. Immutable and thread-safe.
 *
 * <p>{@code intended} is when the request should have been sent (its scheduled arrival in an open
 * loop; the send itself in a closed loop), {@code sent} when it was handed to the provider,
 * {@code done} when its terminal event arrived. {@code ttftNanos}, {@code latencyNanos} and
 * {@code tpotNanos} are measured from {@code sent} (service times); the {@code *FromIntended}
 * accessors add the send delay, which is what coordinated-omission correction means.
 *
 * @param seq           the request's number within its model, from 0 in intended order
 * @param test          the test whose case was sent
 * @param caseId        the case that was sent
 * @param intendedNanos the intended send time; non-negative
 * @param sentNanos     the actual send time; at or after {@code intendedNanos}
 * @param doneNanos     the end time; at or after {@code sentNanos}
 * @param ttftNanos     time to first token from the send, or -1 when no token arrived
 * @param latencyNanos  total latency from the send; non-negative
 * @param tpotNanos     mean time per output token after the first, or -1 with fewer than two tokens
 * @param outputTokens  output tokens (provider-reported or counted); non-negative
 * @param errorClass    the classified error's id, empty for a success
 * @param errorMessage  the error's message, empty for a success
 * @since 0.1
 */
public record LoadRecord(long seq, String test, String caseId, long intendedNanos, long sentNanos, long doneNanos,
        long ttftNanos, long latencyNanos, long tpotNanos, long outputTokens, Optional<String> errorClass,
        String errorMessage) {

    /** Validates the ordering of the times. */
    public LoadRecord {
        Checks.notNull(test, "test");
        Checks.notNull(caseId, "caseId");
        Checks.nonNegative(intendedNanos, "intendedNanos");
        if (sentNanos < intendedNanos || doneNanos < sentNanos) {
            throw new IllegalArgumentException("times must satisfy intended <= sent <= done, got " + intendedNanos
                    + ", " + sentNanos + ", " + doneNanos);
        }
        if (ttftNanos < -1 || tpotNanos < -1) {
            throw new IllegalArgumentException("ttft and tpot must be >= 0 or -1 (absent)");
        }
        Checks.nonNegative(latencyNanos, "latencyNanos");
        Checks.nonNegative(outputTokens, "outputTokens");
        Checks.notNull(errorClass, "errorClass");
        Checks.notNull(errorMessage, "errorMessage");
    }

    /** Whether the request succeeded. */
    public boolean ok() {
        return errorClass.isEmpty();
    }

    /** How long the request waited past its intended send time (queueing, a late scheduler). */
    public long sendDelayNanos() {
        return sentNanos - intendedNanos;
    }

    /** Time to first token from the intended send time, or -1 when no token arrived. */
    public long ttftFromIntendedNanos() {
        return ttftNanos < 0 ? -1 : ttftNanos + sendDelayNanos();
    }

    /** Total latency from the intended send time. */
    public long latencyFromIntendedNanos() {
        return latencyNanos + sendDelayNanos();
    }

    /** The record as one JSON-friendly map ({@code requests.jsonl} line), times in nanoseconds. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("test", test);
        m.put("case", caseId);
        m.put("intended_ns", intendedNanos);
        m.put("sent_ns", sentNanos);
        m.put("done_ns", doneNanos);
        m.put("ttft_ns", ttftNanos);
        m.put("latency_ns", latencyNanos);
        m.put("tpot_ns", tpotNanos);
        m.put("output_tokens", outputTokens);
        m.put("error", errorClass.orElse(null));
        m.put("error_message", errorClass.isPresent() ? errorMessage : null);
        return m;
    }
}
