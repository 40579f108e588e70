package dev.llmbench.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import dev.llmbench.testkit.RequestMatcher;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeoutSweeperTest {
    private static final ErrorMapper ERRORS = new ErrorMapper("test", Secret.NONE, "", Clock.systemUTC());
    private static HttpCall call(URI uri, Duration firstByte, Duration idle, Duration total) {
        return call(uri, "x", firstByte, idle, total);
    }

    private static HttpCall call(URI uri, String content, Duration firstByte, Duration idle, Duration total) {
        byte[] chat = ("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        return new HttpCall("POST", uri, Map.of(), chat, firstByte, idle, total, 1 << 20);
    }

    private static final BodyHandler IGNORE = new BodyHandler() {
        @Override
        public void onBytes(ByteBuffer bytes, Emitter out) {
            bytes.position(bytes.limit());
        }

        @Override
        public void onEnd(Emitter out) {
            out.emit(new StreamEvent.Completed(dev.llmbench.core.model.FinishReason.STOP));
        }
    };

    @Test
    void sweepsEveryHundredthOfTheShortestTimeoutBetweenTwentyMillisecondsAndOneSecond() {
        URI u = URI.create("http://127.0.0.1:1/x");
        assertThat(TimeoutSweeper.intervalMillis(call(u, Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofSeconds(10)))).isEqualTo(20);
        assertThat(TimeoutSweeper.intervalMillis(call(u, Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(30)))).isEqualTo(100);
        assertThat(TimeoutSweeper.intervalMillis(call(u, Duration.ofMinutes(10), Duration.ofSeconds(120),
                Duration.ofMinutes(30)))).isEqualTo(1000);
    }

    @Test
    void aShortTimeoutInFlightSpeedsTheSweeperUpAndStillFiresWhileLongOnesKeepItSlow() throws Exception {
        try (FakeLlmServer server = FakeLlmServer.start();
                HttpTransport transport = new HttpTransport("sweep", Duration.ofSeconds(5), 8)) {
            server.when(RequestMatcher.any().contentContains("long")).reply(Reply.text("slow").stallAfterChunks(1));
            server.when(RequestMatcher.any().contentContains("short"))
                    .reply(Reply.text("late").delayBeforeHeaders(Duration.ofSeconds(30)));
            URI chat = URI.create(server.ollamaUrl() + "/api/chat");
            assertThat(transport.sweepIntervalMillis()).isEqualTo(1000);

            CompletableFuture<StreamEvent> longOne = new CompletableFuture<>();
            transport.stream(call(chat, "long", Duration.ofMinutes(10), Duration.ofSeconds(120), Duration.ofMinutes(30)), IGNORE,
                    e -> {
                        if (e.terminal()) {
                            longOne.complete(e);
                        }
                    }, ERRORS);
            assertThat(transport.sweepIntervalMillis()).isEqualTo(1000);

            CompletableFuture<StreamEvent> shortOne = new CompletableFuture<>();
            transport.stream(call(chat, "short", Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(10)), IGNORE,
                    e -> {
                        if (e.terminal()) {
                            shortOne.complete(e);
                        }
                    }, ERRORS);
            assertThat(transport.sweepIntervalMillis()).isEqualTo(20);
            assertThat(shortOne.get(20, TimeUnit.SECONDS)).isInstanceOfSatisfying(StreamEvent.Failed.class,
                    f -> assertThat(f.error().errorClass()).isEqualTo(ErrorClass.TIMEOUT_FIRST_BYTE));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (transport.sweepIntervalMillis() != 1000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(transport.sweepIntervalMillis()).as("back to the long exchange's interval").isEqualTo(1000);
            assertThat(longOne).isNotDone();
        }
    }
}
