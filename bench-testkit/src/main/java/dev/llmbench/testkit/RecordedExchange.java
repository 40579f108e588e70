package dev.llmbench.testkit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One finished request/response exchange, with the server-side write times of the response.
 *
 * <p>All times are {@link System#nanoTime()} values taken right after the bytes were handed to
 * the socket (the server writes unbuffered with {@code TCP_NODELAY}), so a client in the same JVM
 * can subtract them from its own stamps. {@link #chunkWriteNanos()} has one entry per output chunk
 * (content piece, reasoning piece, tool-call fragment; for a non-streaming response, one entry for
 * the body), in order. {@link #writeStamps()} adds, for each chunk and for the terminal frames, the
 * scheduled deadline and the stamp taken just before the write.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RecordedExchange {

    /** How an exchange ended. */
    public enum Outcome {
        /** The response was written completely (including an error status or an error reply). */
        COMPLETED,
        /** A scripted terminal fault ended it (mid-stream error, reset, stall, truncation, disconnect). */
        FAULT_INJECTED,
        /** The client closed or reset the connection while the server was still writing. */
        CLIENT_DISCONNECTED,
        /** {@link FakeLlmServer#close()} ended it. */
        SERVER_CLOSED
    }

    private final RecordedRequest request;
    private final int status;
    private final Outcome outcome;
    private final long headersWriteNanos;
    private final StampLog stamps;
    private final long finishedNanos;
    private final long bytesWritten;
    private final String replyDescription;

    RecordedExchange(RecordedRequest request, int status, Outcome outcome, long headersWriteNanos,
            StampLog stamps, long finishedNanos, long bytesWritten, String replyDescription) {
        this.request = request;
        this.status = status;
        this.outcome = outcome;
        this.headersWriteNanos = headersWriteNanos;
        this.stamps = stamps.frozen();
        this.finishedNanos = finishedNanos;
        this.bytesWritten = bytesWritten;
        this.replyDescription = replyDescription;
    }

    /** @return the request, never null */
    public RecordedRequest request() {
        return request;
    }

    /** @return the HTTP status sent, or 0 when no status line was written */
    public int status() {
        return status;
    }

    /** @return how the exchange ended, never null */
    public Outcome outcome() {
        return outcome;
    }

    /** @return when the status line and headers were written, empty if they never were */
    public OptionalLong headersWriteNanos() {
        return headersWriteNanos == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(headersWriteNanos);
    }

    /** @return {@link System#nanoTime()} right after each output chunk was written, in order; never null */
    public List<Long> chunkWriteNanos() {
        return stamps.chunkAfters();
    }

    /**
     * The ground truth of a streamed or non-streaming reply on its schedule: one {@link WriteStamp}
     * per output chunk ({@link WriteStamp.Kind#CHUNK}, the same writes as {@link #chunkWriteNanos()}),
     * then one for the terminal frames ({@link WriteStamp.Kind#FINISH}) of a stream that ended
     * normally; one {@link WriteStamp.Kind#BODY} for a non-streaming body. Frames written outside the
     * schedule (headers, preamble, keep-alives, injected faults) have none; neither do error replies.
     *
     * @return the stamps in write order; immutable, never null
     */
    public List<WriteStamp> writeStamps() {
        return stamps.stamps();
    }

    /** @return the number of {@link #writeStamps()}, without building them */
    int writeCount() {
        return stamps.size();
    }

    /** @return when the server stopped working on the exchange */
    public long finishedNanos() {
        return finishedNanos;
    }

    /** @return bytes written for this response, status line and headers included */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** @return a description of the reply that was served, for failure messages; empty for info endpoints */
    public Optional<String> replyDescription() {
        return Optional.ofNullable(replyDescription);
    }

    @Override
    public String toString() {
        return "RecordedExchange[" + request + " -> " + status + " " + outcome + ", " + stamps.chunkAfters().size()
                + " chunks, " + bytesWritten + " bytes]";
    }

    /** Collects an exchange while it runs; confined to the connection thread. Not API. */
    static final class Builder {
        private final RecordedRequest request;
        private final StampLog stamps = new StampLog();
        private int status;
        private long headersNanos = Long.MIN_VALUE;
        private String reply;

        Builder(RecordedRequest request) {
            this.request = request;
        }

        void status(int status, long nanos) {
            this.status = status;
            this.headersNanos = nanos;
        }

        void write(WriteStamp.Kind kind, long scheduled, long before, long after) {
            stamps.add(kind, scheduled, before, after);
        }

        void reply(String description) {
            this.reply = description;
        }

        RecordedExchange build(Outcome outcome, long bytesWritten) {
            return new RecordedExchange(request, status, outcome, headersNanos, stamps, System.nanoTime(),
                    bytesWritten, reply);
        }
    }
}
