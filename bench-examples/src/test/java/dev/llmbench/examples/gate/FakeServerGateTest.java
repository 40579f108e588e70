package dev.llmbench.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import dev.llmbench.testkit.junit.BenchResult;
import dev.llmbench.testkit.junit.LlmAssertions;
import dev.llmbench.testkit.junit.LlmBenchExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gate against an HTTP provider, offline: {@code FakeLlmServer} speaks the Ollama wire format on
 * loopback, the extension is registered programmatically so it can read the server's URL, and the
 * tests come from a suite file.
 */
class FakeServerGateTest {
    static final FakeLlmServer SERVER = FakeLlmServer.start()
            .defaultReply(Reply.text("Six times seven is forty-two.\nAnswer: 42").chunks("Six times seven ",
                    "is forty-two.\n", "Answer: 42").interChunkDelay(Duration.ofMillis(2)));

    @RegisterExtension
    static final LlmBenchExtension BENCH = LlmBenchExtension.builder()
            .model("ollama:fake-model")
            .baseUrl(SERVER::ollamaUrl)
            .suite("src/test/resources/gate/arithmetic.yaml")
            .trials(2)
            .warmup(0)
            .timeout("30s")
            .build();

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void everyAnswerPassesAndArrivesOverHttp(BenchResult r) {
        LlmAssertions.assertThat(r).test("multiply").passRate().isAtLeast(1.0);
        LlmAssertions.assertThat(r).reliability().isAtLeast(1.0);
        LlmAssertions.assertThat(r).ttftMs().p50().isAtMost(30_000);
        assertThat(r.model().summary().requests()).isEqualTo(2);
        assertThat(r.modelSpec()).isEqualTo("ollama:fake-model");
    }
}
