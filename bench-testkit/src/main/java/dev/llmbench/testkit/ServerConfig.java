package dev.llmbench.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where and how a {@link FakeLlmServer} listens: a loopback bind address, a port, the listen
 * backlog, the most connections served at the same time (one thread each), and who writes the
 * chunks of plain streamed replies: each connection's own thread, sleeping until every deadline
 * ({@code emitters} 0, the default), or that many shared timer threads, which costs far less CPU
 * per chunk at thousands of concurrent streams.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bindAddress a loopback address or name ({@code 127.0.0.1}, {@code ::1}, {@code localhost});
 *     the fake server never listens on other interfaces
 * @param port 0 (ephemeral) to 65535
 * @param backlog the listen backlog handed to the kernel, 1 to 65535 (Linux also caps it at
 *     {@code net.core.somaxconn})
 * @param maxConnections connections served at once, positive; further connections are closed at once
 * @param emitters shared timer threads writing the chunks of streams without faults, fragmented
 *     writes or keep-alives between chunks, 0 to 64; 0 lets every connection thread write its own
 * @since 0.1
 */
public record ServerConfig(String bindAddress, int port, int backlog, int maxConnections, int emitters) {

    /** Default listen backlog. */
    public static final int DEFAULT_BACKLOG = 1024;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a value is out of range or the address is not loopback
     */
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port (" + port + ") must be in 0..65535");
        }
        if (backlog < 1 || backlog > 65535) {
            throw new IllegalArgumentException("backlog (" + backlog + ") must be in 1..65535");
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections (" + maxConnections + ") must be positive");
        }
        if (emitters < 0 || emitters > 64) {
            throw new IllegalArgumentException("emitters (" + emitters + ") must be in 0..64");
        }
        if (!resolve(bindAddress).isLoopbackAddress()) {
            throw new IllegalArgumentException("bindAddress (" + bindAddress + ") must be a loopback address");
        }
    }

    /**
     * @return {@code 127.0.0.1}, an ephemeral port, backlog {@value #DEFAULT_BACKLOG},
     *     {@link FakeLlmServer#DEFAULT_MAX_CONNECTIONS}, no shared emitters
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 0, DEFAULT_BACKLOG, FakeLlmServer.DEFAULT_MAX_CONNECTIONS, 0);
    }

    /** @return a copy bound to {@code address} (loopback only) */
    public ServerConfig withBindAddress(String address) {
        return new ServerConfig(address, port, backlog, maxConnections, emitters);
    }

    /** @return a copy listening on {@code newPort} (0 for ephemeral) */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindAddress, newPort, backlog, maxConnections, emitters);
    }

    /** @return a copy with this listen backlog */
    public ServerConfig withBacklog(int newBacklog) {
        return new ServerConfig(bindAddress, port, newBacklog, maxConnections, emitters);
    }

    /** @return a copy serving at most {@code max} connections at once */
    public ServerConfig withMaxConnections(int max) {
        return new ServerConfig(bindAddress, port, backlog, max, emitters);
    }

    /** @return a copy with {@code count} shared emitter threads (0: each connection thread writes its own chunks) */
    public ServerConfig withEmitters(int count) {
        return new ServerConfig(bindAddress, port, backlog, maxConnections, count);
    }

    /** @return the resolved bind address, never null */
    InetAddress address() {
        return resolve(bindAddress);
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bindAddress (" + host + ") cannot be resolved", e);
        }
    }
}
