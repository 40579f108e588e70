package dev.llmbench.cli;

import dev.llmbench.core.discovery.ServiceRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Runs {@code llmbench} in-process with captured streams and a default-model probe aimed at a closed loopback port. */
final class CliRunner {
    private CliRunner() {}

    /** What one invocation printed and returned. */
    record Outcome(int exitCode, String out, String err) {
        /** The non-empty stderr lines. */
        List<String> errLines() {
            return Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank()).toList();
        }
    }

    static Outcome run(String... args) {
        return runWithStdin("", args);
    }

    static Outcome runWithStdin(String stdin, String... args) {
        return run(new DefaultModel("127.0.0.1:" + closedPort(), Duration.ofMillis(500)), stdin, args);
    }

    static Outcome run(DefaultModel defaultModel, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, defaultModel,
                ServiceRegistry::discover);
        int code = Main.execute(cli, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
