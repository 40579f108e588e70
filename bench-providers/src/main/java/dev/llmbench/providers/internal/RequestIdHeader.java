package dev.llmbench.providers.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Rules for the request-id header ({@link HttpSettings#requestIdHeader()}): its name must be an
 * HTTP token (RFC 9110 section 5.6.2) that no provider sets itself, and its value must be
 * printable ASCII. Stateless and thread-safe.
 */
final class RequestIdHeader {
    /**
     * Header names a provider or the HTTP layer sets itself, or that carry credentials or framing:
     * a request id under one of them would clash or be mistaken for a secret (lowercase).
     */
    static final Set<String> RESERVED = Set.of("host", "content-length", "content-type", "content-encoding",
            "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "expect", "accept",
            "accept-encoding", "user-agent", "authorization", "proxy-authorization", "cookie", "x-api-key",
            "anthropic-version", "anthropic-beta", "http-referer", "x-title", "x-openrouter-title");
    /** The longest header name accepted, in characters. */
    static final int MAX_NAME_CHARS = 128;
    /** The longest request id accepted, in characters. */
    static final int MAX_VALUE_CHARS = 1024;
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private RequestIdHeader() {}

    /** Why {@code name} cannot be the request-id header, or null when it can. */
    static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "must not be blank";
        }
        if (name.length() > MAX_NAME_CHARS) {
            return "is longer than " + MAX_NAME_CHARS + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
            if (!ok) {
                return "is not a valid HTTP header name (character " + describe(c) + " at index " + i
                        + "; letters, digits and !#$%&'*+-.^_`|~ only)";
            }
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return "is a header the provider sets itself; choose another name";
        }
        return null;
    }

    /**
     * Checks a request id: 1 to {@value #MAX_VALUE_CHARS} printable ASCII characters (spaces
     * allowed, not at either end).
     *
     * @throws IllegalArgumentException saying what is wrong, without echoing the whole value
     */
    static void checkValue(String value) {
        if (value.isEmpty() || value.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("the request id (attribute llmbench.request_id) must have 1 to "
                    + MAX_VALUE_CHARS + " characters, it has " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("the request id (attribute llmbench.request_id) has "
                        + describe(c) + " at index " + i + "; an HTTP header value takes printable ASCII only");
            }
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            throw new IllegalArgumentException("the request id (attribute llmbench.request_id) must not start or"
                    + " end with a space");
        }
    }

    private static String describe(char c) {
        return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
