package dev.llmbench.providers.ollama;

import dev.llmbench.core.BenchConfigurationException;
import java.util.Locale;

/**
 * Turns an {@code OLLAMA_HOST}-style address into a base URL, following the rules of Ollama's own
 * client ({@code envconfig.Host()} in {@code ollama/ollama}) so that the value that works for the
 * {@code ollama} command works here too.
 *
 * <ul>
 *   <li>No scheme: {@code http}, port {@value #DEFAULT_PORT} when none is given ({@code gpu-box},
 *       {@code gpu-box:11500}, {@code :11500}, {@code 10.0.0.5}, {@code [::1]:11434}).</li>
 *   <li>The bare value {@code ollama.com} means Ollama Cloud, {@code https://ollama.com:443}.</li>
 *   <li>With a scheme and no port, the scheme's port: {@code http://gpu-box} is port 80,
 *       {@code https://gpu-box} port 443 (as Ollama does; a reverse proxy is assumed).</li>
 *   <li>An empty host is {@code 127.0.0.1}. A bind-all address ({@code 0.0.0.0}, {@code ::}) names
 *       every interface for a server; a client reaches it at loopback ({@code 127.0.0.1} or
 *       {@code [::1]}).</li>
 *   <li>A path is kept, except a trailing {@code /api} (Ollama Cloud is documented as
 *       {@code https://ollama.com/api}; this provider appends {@code /api/...} itself).</li>
 * </ul>
 * Unlike Ollama, which falls back to the default port with a warning, a port outside 1–65535 is
 * a configuration error. Stateless and thread-safe.
 */
final class OllamaHost {
    /** Ollama's port. */
    static final int DEFAULT_PORT = 11434;
    /** Where Ollama listens by default. */
    static final String DEFAULT_URL = "http://127.0.0.1:" + DEFAULT_PORT;

    private OllamaHost() {}

    /**
     * The base URL for {@code raw}, without a trailing slash.
     *
     * @param raw an {@code OLLAMA_HOST} value or a {@code --base-url}; blank means the default
     * @throws BenchConfigurationException for an unknown scheme, a bad port or a bad host, in one line
     */
    static String toBaseUrl(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return DEFAULT_URL;
        }
        String scheme;
        String rest;
        int sep = s.indexOf("://");
        String defaultPort = String.valueOf(DEFAULT_PORT);
        if (sep < 0) {
            scheme = "http";
            rest = s;
            if (s.equalsIgnoreCase("ollama.com")) {
                return "https://ollama.com:443";
            }
        } else {
            scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = s.substring(sep + 3);
            if (scheme.equals("http")) {
                defaultPort = "80";
            } else if (scheme.equals("https")) {
                defaultPort = "443";
            } else {
                throw bad(raw, "the scheme must be http or https, not \"" + scheme + "\"");
            }
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/api")) {
            path = path.substring(0, path.length() - 4);
        }
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw bad(raw, "an IPv6 address needs a closing ']'");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (after.isEmpty()) {
                port = defaultPort;
            } else if (after.startsWith(":")) {
                port = after.substring(1);
            } else {
                throw bad(raw, "unexpected \"" + after + "\" after the IPv6 address");
            }
        } else if (hostPort.indexOf(':') != hostPort.lastIndexOf(':')) {
            host = hostPort; // a bare IPv6 address such as ::1 or ::
            port = defaultPort;
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? defaultPort : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            host = "127.0.0.1";
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            throw bad(raw, "the port must be a number from 1 to 65535, not \"" + port + "\"");
        }
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || "?#@/\\".indexOf(c) >= 0)) {
            throw bad(raw, "\"" + host + "\" is not a host name");
        }
        host = loopbackIfUnspecified(host);
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + hostPart + ":" + p + path;
    }

    private static String loopbackIfUnspecified(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.contains(":") && host.replace("0", "").replace(":", "").isEmpty()) {
            return "::1"; // ::, 0:0:0:0:0:0:0:0
        }
        return host;
    }

    private static BenchConfigurationException bad(String raw, String why) {
        return new BenchConfigurationException("provider 'ollama': host \"" + raw + "\" is not usable: " + why
                + "; e.g. localhost:11434 or http://gpu-box:11434");
    }
}
