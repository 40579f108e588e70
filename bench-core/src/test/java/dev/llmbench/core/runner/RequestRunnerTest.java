package dev.llmbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.core.timing.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestRunnerTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Sends one content delta, then hangs; honours cancel only when {@code obeys}. */
    private static Provider hanging(boolean obeys) {
        return new Provider() {
            @Override
            public String id() {
                return "hang";
            }

            @Override
            public String model() {
                return "m";
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.STREAMING);
            }

            @Override
            public StreamHandle stream(ChatRequest request, StreamListener listener) {
                listener.onEvent(new StreamEvent.ContentDelta("partial"));
                return reason -> {
                    if (obeys) {
                        listener.onEvent(new StreamEvent.Failed(ProviderError.of(reason, "cancelled")));
                    }
                };
            }

            @Override
            public void close() {}
        };
    }

    private RequestRunner runner() {
        return new RequestRunner(Ticker.SYSTEM, Clock.systemUTC(), scheduler, Duration.ofMillis(50), Duration.ofMillis(50));
    }

    @Test
    void aHungRequestEndsAsATotalTimeoutWithAnActionableMessageAndKeepsItsPartialText() throws Exception {
        RequestRunner.Outcome o = runner().send(hanging(true), ChatRequest.ofUser("hi")).get(10, TimeUnit.SECONDS);
        ProviderError e = o.error().orElseThrow();
        assertThat(e.errorClass()).isEqualTo(ErrorClass.TIMEOUT_TOTAL);
        assertThat(e.message()).contains("total timeout of 50 ms", "--timeout");
        assertThat(o.response().text()).isEqualTo("partial");
        assertThat(o.timing().latencyNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    }

    @Test
    void aCancelThatThrowsDoesNotStopTheOtherRequestsFromBeingCancelled() throws Exception {
        Provider broken = new Provider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public String model() {
                return "m";
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.STREAMING);
            }

            @Override
            public StreamHandle stream(ChatRequest request, StreamListener listener) {
                return reason -> {
                    throw new IllegalStateException("cancel bug");
                };
            }

            @Override
            public void close() {}
        };
        RequestRunner r = new RequestRunner(Ticker.SYSTEM, Clock.systemUTC(), scheduler, Duration.ofSeconds(30),
                Duration.ofMillis(50));
        var first = r.send(broken, ChatRequest.ofUser("a"));
        var second = r.send(hanging(true), ChatRequest.ofUser("b"));
        var third = r.send(broken, ChatRequest.ofUser("c"));

        r.cancelAll();

        assertThat(second.get(10, TimeUnit.SECONDS).error().orElseThrow().errorClass()).isEqualTo(ErrorClass.CANCELLED);
        assertThat(first).isNotDone();
        assertThat(third).isNotDone();
    }

    @Test
    void aProviderThatIgnoresCancelIsEndedByTheHarness() throws Exception {
        RequestRunner.Outcome o = runner().send(hanging(false), ChatRequest.ofUser("hi")).get(10, TimeUnit.SECONDS);
        assertThat(o.error().orElseThrow().errorClass()).isEqualTo(ErrorClass.TIMEOUT_TOTAL);
        assertThat(o.error().orElseThrow().message()).contains("ignored the cancel");
    }

    @Test
    void aProviderThatThrowsIsRecordedAsAnInternalError() throws Exception {
        Provider throwing = new Provider() {
            @Override
            public String id() {
                return "boom";
            }

            @Override
            public String model() {
                return "m";
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }

            @Override
            public StreamHandle stream(ChatRequest request, StreamListener listener) {
                throw new IllegalStateException("bug");
            }

            @Override
            public void close() {}
        };
        RequestRunner.Outcome o = runner().send(throwing, ChatRequest.ofUser("hi")).get(10, TimeUnit.SECONDS);
        assertThat(o.error().orElseThrow().errorClass()).isEqualTo(ErrorClass.INTERNAL);
        assertThat(o.error().orElseThrow().message()).contains("boom", "bug");
    }
}
