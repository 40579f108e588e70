package dev.llmbench.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings behind a {@link Reply}: copied on every change, never mutated once a {@code Reply}
 * holds it (the reply keeps it in a final field, which publishes it safely). Not API.
 */
final class ReplySpec implements Cloneable {

    enum Kind { CHAT, ECHO, RAW, ERROR }

    private static final Pattern WORD = Pattern.compile("\\s*\\S+");

    Kind kind = Kind.CHAT;
    int status = 200;
    String rawBody = "";
    String errorMessage = "";
    Duration retryAfter;
    Map<String, String> headers = Map.of();
    List<String> content = List.of();
    List<String> reasoning = List.of();
    List<ToolCall> toolCalls = List.of();
    Integer promptTokens;
    Integer completionTokens;
    BigDecimal cost;
    String finishReason;
    String nativeFinishReason;
    String model;
    String provider;
    ServerTimings timings = ServerTimings.measured();
    Duration delayBeforeHeaders = Duration.ZERO;
    Duration delayBeforeFirstChunk = Duration.ZERO;
    Duration interChunkDelay = Duration.ZERO;
    Duration delayBeforeFinish = Duration.ZERO;
    Fault fault;
    Integer keepAlive;
    boolean keepAliveBetweenChunks;
    long oversizeBytes;
    int fragmentBytes;
    Duration fragmentPause = Duration.ofMillis(5);
    boolean splitInsideUtf8;
    boolean crlf;

    ReplySpec copy() {
        try {
            return (ReplySpec) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int end = 0;
        while (m.find()) {
            out.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            if (out.isEmpty()) {
                out.add(text.substring(end));
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + text.substring(end));
            }
        }
        return List.copyOf(out);
    }

    static int checkStatus(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status (" + status + ") must be in 100..999");
        }
        return status;
    }

    static Duration nonNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " (" + d + ") must not be negative");
        }
        return d;
    }
}
