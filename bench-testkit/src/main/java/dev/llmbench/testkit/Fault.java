package dev.llmbench.testkit;

/**
 * A fault a {@link Reply} injects once {@code afterChunks} output chunks have been written.
 * Not API.
 *
 * @param kind what happens
 * @param afterChunks output chunks written before the fault, at least 0
 * @param code error code for {@link Kind#ERROR}: an {@code Integer}, a {@code String} or null for the format's default
 * @param message error message for {@link Kind#ERROR}, else null
 */
record Fault(Kind kind, int afterChunks, Object code, String message) {

    enum Kind {
        /** Protocol-correct mid-stream error event, then a clean end of the body. */
        ERROR,
        /** TCP reset: SO_LINGER 0, then close. */
        RESET,
        /** Stop writing; keep the socket open until the client or the server closes it. */
        STALL,
        /** End the HTTP body cleanly without the protocol's terminal event. */
        TRUNCATE,
        /** Close the connection (FIN) without ending the HTTP body. */
        DISCONNECT,
        /** A line that is not JSON, then carry on. */
        MALFORMED,
        /** A chunk with bytes that are not UTF-8 inside a JSON string, then carry on. */
        INVALID_UTF8
    }

    Fault {
        if (afterChunks < 0) {
            throw new IllegalArgumentException("afterChunks (" + afterChunks + ") must not be negative");
        }
    }

    /** @return whether the exchange ends at this fault (the others inject bytes and carry on) */
    boolean terminal() {
        return kind != Kind.MALFORMED && kind != Kind.INVALID_UTF8;
    }

    /** @return whether the connection is unusable afterwards */
    boolean killsConnection() {
        return kind == Kind.RESET || kind == Kind.STALL || kind == Kind.DISCONNECT;
    }
}
