package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import dev.llmbench.testkit.RequestMatcher;
import dev.llmbench.testkit.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary API keys reach the server and nothing else: a child JVM runs {@code llmbench} with canary
 * keys in its environment, {@code --debug} logging, every result format and {@code --record},
 * against a {@link FakeLlmServer} whose error replies echo the key back. The canaries must appear
 * in the requests the server saw and nowhere in stdout, stderr (logs, error lines, stack traces),
 * the journal, any result file or any cassette. (That a sandboxed program cannot see a key in the
 * grader's environment is {@code SandboxTest.aSecretPlantedInTheGradersEnvironmentIsInvisibleToTheProgram}
 * in bench-graders, also with a child JVM, plus its exact-whitelist test of the sandbox's environment.)
 */
class SecretHygieneTest {
    private static final String OPENAI_KEY = "sk-canary-openai-7f3a9c1e5b";
    private static final String ANTHROPIC_KEY = "sk-ant-canary-2d8e4f6a0c";
    private static final String OPENROUTER_KEY = "sk-or-canary-9b1d3f5e7a";
    private static final List<String> CANARIES = List.of(OPENAI_KEY, ANTHROPIC_KEY, OPENROUTER_KEY);

    @TempDir
    Path tmp;

    @Test
    void canaryKeysAreSentToTheServerButNeverWrittenAnywhere() throws Exception {
        Path out = tmp.resolve("run");
        Path cassettes = tmp.resolve("cassettes");
        List<Path> logs = new ArrayList<>();
        try (FakeLlmServer server = FakeLlmServer.start()) {
            // a server can only echo the key it was sent: each format's errors echo its own key
            server.when(firstOf(WireFormat.OPENAI, 2)).reply(Reply.error(401, "invalid key " + OPENAI_KEY));
            server.when(firstOf(WireFormat.OPENAI, 2)).reply(
                    Reply.status(500, "{\"error\":{\"message\":\"upstream rejected Bearer " + OPENAI_KEY + "\"}}"));
            server.when(firstOf(WireFormat.OPENAI, 2)).reply(Reply.text("partial answer").chunks("partial ", "answer")
                    .errorAfterChunks(1, "stream error for key " + OPENAI_KEY));
            server.when(firstOf(WireFormat.ANTHROPIC, 2)).reply(Reply.error(401, "invalid x-api-key " + ANTHROPIC_KEY));
            server.when(firstOf(WireFormat.ANTHROPIC, 2)).reply(
                    Reply.status(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"key "
                            + ANTHROPIC_KEY + "\"}}"));
            server.defaultReply(Reply.echo());
            Map<String, String> env = Map.of("OPENAI_API_KEY", OPENAI_KEY, "ANTHROPIC_API_KEY", ANTHROPIC_KEY,
                    "OPENROUTER_API_KEY", OPENROUTER_KEY, "OPENAI_BASE_URL", server.openAiUrl(), "ANTHROPIC_BASE_URL",
                    server.anthropicUrl());

            Path runLog = tmp.resolve("run.log");
            logs.add(runLog);
            int code = run(runLog, env, "run", "--debug", "--model", "openai:gpt-canary", "--model",
                    "anthropic:claude-canary", "--trials", "1", "--warmup", "0", "--format",
                    "json,md,txt,html,csv,junit,hlog", "--record", cassettes.toString(), "--out", out.toString());
            assertThat(code).as(Files.readString(runLog)).isEqualTo(ExitCodes.OK);

            // ask prints a failed request's error, which quotes the server's message
            server.enqueue(Reply.error(401, "no such key: " + OPENROUTER_KEY));
            Path askLog = tmp.resolve("ask.log");
            logs.add(askLog);
            int askCode = run(askLog, env, "ask", "--debug", "--model", "openrouter:vendor/canary", "--base-url",
                    server.openRouterUrl(), "hello");
            assertThat(askCode).as(Files.readString(askLog)).isEqualTo(ExitCodes.INFRASTRUCTURE);
            assertThat(Files.readString(askLog)).contains("llmbench: the request failed: authentication");

            List<String> authHeaders = server.requests().stream()
                    .flatMap(r -> Stream.of(r.header("Authorization"), r.header("x-api-key")))
                    .flatMap(java.util.Optional::stream).toList();
            assertThat(authHeaders).as("the keys are on the wire").anyMatch(h -> h.contains(OPENAI_KEY))
                    .anyMatch(h -> h.contains(ANTHROPIC_KEY)).anyMatch(h -> h.contains(OPENROUTER_KEY));
            assertThat(server.requests()).extracting(RecordedRequest::bodyText)
                    .as("the keys are in no request body").noneMatch(b -> CANARIES.stream().anyMatch(b::contains));
        }
        assertThat(Files.readString(logs.get(0))).as("debug logging is on").contains("[DEBUG]");
        assertThat(Files.readString(logs.get(1))).as("headers are logged redacted").contains("Authorization=****");

        List<Path> files = new ArrayList<>(logs);
        files.addAll(allFiles(out));
        files.addAll(allFiles(cassettes));
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("journal.jsonl", "result.json",
                "report.md", "report.html", "junit.xml");
        assertThat(allFiles(cassettes)).isNotEmpty();
        int scanned = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String canary : CANARIES) {
                assertThat(text).as("%s leaks %s", f, canary).doesNotContain(canary);
            }
            scanned++;
        }
        System.out.printf("secret hygiene: %d canaries, %d files and streams scanned, 0 leaks%n", CANARIES.size(),
                scanned);
    }

    /** Matches the first {@code n} requests in {@code format} (then stays true for them only). */
    private static RequestMatcher firstOf(WireFormat format, int n) {
        Set<Long> matched = ConcurrentHashMap.newKeySet();
        return RequestMatcher.where("first " + n + " " + format + " requests", r -> r.wireFormat() == format
                && (matched.contains(r.sequence()) || (matched.size() < n && matched.add(r.sequence()))));
    }

    private static int run(Path log, Map<String, String> env, String... args) throws Exception {
        Process p = ChildCli.start(log, env, args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child hung: " + Files.readString(log));
        }
        return p.exitValue();
    }

    private static List<Path> allFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
