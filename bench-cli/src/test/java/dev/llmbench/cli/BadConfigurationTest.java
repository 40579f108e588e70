package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad configuration and input to {@code llmbench run} (the README's troubleshooting table): each
 * ends with one actionable {@code llmbench: } line naming what to change, the contract's exit code,
 * no run directory and no request. Cases that need the environment (a missing key, a malformed
 * base URL) run in a child JVM, because the providers read {@link System#getenv} directly.
 */
class BadConfigurationTest {
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    static Stream<Arguments> badInput() throws Exception {
        Path brokenSuite = Files.writeString(shared.resolve("broken.yaml"), "suite: x\ntests: [ {id: \n");
        Path regularFile = Files.writeString(shared.resolve("a-file"), "x");
        return Stream.of(
                Arguments.of("unknown provider", List.of("--model", "nope:x"), ExitCodes.USAGE, "nope"),
                Arguments.of("unknown simulator model", List.of("--model", "sim:unknown"), ExitCodes.USAGE,
                        "unknown"),
                Arguments.of("model spec without a colon", List.of("--model", "gpt"), ExitCodes.USAGE,
                        "provider:model"),
                Arguments.of("unknown suite", List.of("--model", "sim:oracle", "--suite", "nosuch"), ExitCodes.USAGE,
                        "nosuch"),
                Arguments.of("invalid suite file", List.of("--model", "sim:oracle", "--suite", brokenSuite.toString()),
                        ExitCodes.USAGE, "broken.yaml"),
                Arguments.of("missing suite file", List.of("--model", "sim:oracle", "--suite",
                        shared.resolve("missing.yaml").toString()), ExitCodes.USAGE, "missing.yaml"),
                Arguments.of("tests matching nothing", List.of("--model", "sim:oracle", "--tests", "^zzz$"),
                        ExitCodes.USAGE, "zzz"),
                Arguments.of("zero trials", List.of("--model", "sim:oracle", "--trials", "0"), ExitCodes.USAGE,
                        "trials"),
                Arguments.of("non-numeric trials", List.of("--model", "sim:oracle", "--trials", "many"),
                        ExitCodes.USAGE, "many"),
                Arguments.of("negative concurrency", List.of("--model", "sim:oracle", "--concurrency", "-1"),
                        ExitCodes.USAGE, "concurrency"),
                Arguments.of("unparsable timeout", List.of("--model", "sim:oracle", "--timeout", "soon"),
                        ExitCodes.USAGE, "soon"),
                Arguments.of("unknown format", List.of("--model", "sim:oracle", "--format", "pdf"), ExitCodes.USAGE,
                        "pdf"),
                Arguments.of("unknown provider setting", List.of("--model", "ollama:m?colour=red"), ExitCodes.USAGE,
                        "colour"),
                Arguments.of("output directory under a regular file", List.of("--model", "sim:oracle", "--out",
                        regularFile.resolve("run").toString()), ExitCodes.USAGE, "a-file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputEndsWithOneActionableLineAndCreatesNothing(String name, List<String> args, int exitCode,
            String mentioned) throws Exception {
        Path out = tmp.resolve("run");
        List<String> all = new ArrayList<>(List.of("run", "--warmup", "0"));
        all.addAll(args);
        if (!args.contains("--out")) {
            all.addAll(List.of("--out", out.toString()));
        }
        Outcome o = CliRunner.run(all.toArray(String[]::new));
        assertThat(o.exitCode()).as(o.err()).isEqualTo(exitCode);
        assertThat(o.errLines()).as(name).singleElement().asString().startsWith("llmbench: ").contains(mentioned);
        assertThat(o.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingOpenRouterKeyExitsTwoNamingTheVariable() throws Exception {
        Outcome o = child(Map.of("OPENROUTER_API_KEY", ""), "--model", "openrouter:vendor/model");
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: ").contains("OPENROUTER_API_KEY");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void aMalformedBaseUrlExitsTwoNamingTheUrl() throws Exception {
        Outcome o = child(Map.of("OPENAI_BASE_URL", "ftp://"), "--model", "openai:gpt-x");
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: ").contains("ftp://")
                .contains("base URL");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void invalidOptionsAreRejectedBeforeAnyRequestReachesTheServer() throws Exception {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.defaultReply(Reply.text("hi"));
            Outcome o = child(Map.of("OPENAI_BASE_URL", server.openAiUrl()), "--model", "openai:gpt-x", "--tests",
                    "^zzz$");
            assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: ");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void anUnreachableHostIsAConfigurationErrorFoundBeforeAnyRequest() throws Exception {
        // Before a run, each HTTP provider opens (and closes) one TCP connection to its server: no request.
        Outcome o = child(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:" + CliRunner.closedPort() + "/v1"), "--model",
                "openai:gpt-x", "--trials", "1", "--timeout", "5s");
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().startsWith("llmbench: ").contains("cannot reach")
                .contains("is the server running");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    /** Runs {@code llmbench run --warmup 0 --out tmp/run args} in a child JVM with {@code env} added. */
    private Outcome child(Map<String, String> env, String... args) throws Exception {
        Map<String, String> e = new HashMap<>();
        env.forEach((k, v) -> e.put(k, v.isEmpty() ? null : v));
        List<String> all = new ArrayList<>(List.of("run", "--warmup", "0", "--out", tmp.resolve("run").toString()));
        all.addAll(List.of(args));
        Path log = tmp.resolve("child-" + System.nanoTime() + ".log");
        Process p = ChildCli.start(log, e, all.toArray(String[]::new));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child hung: " + Files.readString(log));
        }
        return new Outcome(p.exitValue(), "", Files.readString(log));
    }
}
