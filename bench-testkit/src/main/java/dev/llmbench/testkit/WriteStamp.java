package dev.llmbench.testkit;

/**
 * When the server wrote one frame of a response body, against when it was due: the ground truth a
 * client's own stamps can be compared with. All values are {@link System#nanoTime()} readings
 * (CLOCK_MONOTONIC on Linux, so comparable across processes on one host), in nanoseconds.
 *
 * <p>The true hand-over instant lies in {@code [beforeNanos, afterNanos]}: on loopback the reader
 * can be woken before the writing call returns. The server writes unbuffered with
 * {@code TCP_NODELAY} and blocking sockets, so when the call returns the bytes are in the kernel.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the frame carried, never null
 * @param scheduledNanos the frame's deadline on the reply's absolute schedule
 * @param beforeNanos just before the write call, not earlier than {@code scheduledNanos}
 * @param afterNanos just after the write call returned, not earlier than {@code beforeNanos}
 * @since 0.1
 */
public record WriteStamp(Kind kind, long scheduledNanos, long beforeNanos, long afterNanos) {

    /** What a written frame carried. */
    public enum Kind {
        /** One output chunk (content, reasoning or tool-call piece) of a streamed reply. */
        CHUNK,
        /** The terminal frames of a streamed reply: finish, usage, {@code [DONE]} or {@code done:true}. */
        FINISH,
        /** The whole body of a non-streaming reply. */
        BODY
    }

    /** @return how late the write completed: {@code afterNanos - scheduledNanos}, nanoseconds */
    public long lateNanos() {
        return afterNanos - scheduledNanos;
    }
}
