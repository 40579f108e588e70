package dev.llmbench.providers.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderException;
import dev.llmbench.core.spi.StreamHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimProviderTest {

    private static final String REFERENCE = "Héllo, wörld! 😀 👨‍👩‍👧 中文测试。\n\nAnswer: 42 — internationalization.";
    private static final String FAST = "?ttft=0&tps=1000000";

    private final List<SimProvider> providers = new ArrayList<>();

    @AfterEach
    void closeProviders() {
        providers.forEach(SimProvider::close);
    }

    private SimProvider sim(String model) {
        SimProvider provider = (SimProvider) new SimProviderFactory().create(ProviderConfig.of(model));
        providers.add(provider);
        return provider;
    }

    private static ChatRequest withReference(String reference, long seed) {
        return ChatRequest.builder()
                .user("What is the answer?")
                .attribute(ChatRequest.ATTR_REFERENCE, reference)
                .attribute(ChatRequest.ATTR_SEED, Long.toString(seed))
                .attribute(ChatRequest.ATTR_TEST, "basic_reasoning")
                .attribute(ChatRequest.ATTR_CASE, "c1")
                .build();
    }

    private static RecordingListener stream(SimProvider provider, ChatRequest request) throws InterruptedException {
        RecordingListener listener = new RecordingListener();
        provider.stream(request, listener);
        return listener.await();
    }

    @Test
    void oracleStreamsTheReferenceExactlyInContractOrder() throws InterruptedException {
        RecordingListener l = stream(sim("oracle" + FAST), withReference(REFERENCE, 1));
        List<StreamEvent> events = l.events();

        assertThat(l.text()).isEqualTo(REFERENCE);
        assertThat(l.chunks()).containsExactlyElementsOf(SimTokenizer.split(REFERENCE));
        assertThat(events.get(0)).isInstanceOf(StreamEvent.ResponseStarted.class);
        assertThat(events.get(events.size() - 2)).isInstanceOf(StreamEvent.Usage.class);
        assertThat(events.get(events.size() - 1)).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
        assertThat(l.terminals()).isOne();
        assertThat(l.overlaps()).isZero();
    }

    @Test
    void oracleActsOutATranscriptTurnByTurn() {
        String transcript = "{\"transcript\":[{\"tool_calls\":[{\"id\":\"c1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"London\"}}]},{\"text\":\"It is 14 degrees.\"}]}";
        SimProvider sim = sim("oracle" + FAST);
        ChatResponse first = sim.chat(withReference(transcript, 1));
        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(first.text()).isEmpty();
        assertThat(first.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("c1");
            assertThat(c.name()).isEqualTo("get_weather");
            assertThat(c.argumentsJson()).isEqualTo("{\"city\":\"London\"}");
        });
        ChatRequest second = withReference(transcript, 1).toBuilder()
                .message(dev.llmbench.core.model.Message.assistant("", first.toolCalls()))
                .message(dev.llmbench.core.model.Message.toolResult("c1", "get_weather", "{\"temp_c\":14}"))
                .build();
        ChatResponse answer = sim.chat(second);
        assertThat(answer.text()).isEqualTo("It is 14 degrees.");
        assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(answer.toolCalls()).isEmpty();
    }

    @Test
    void blockingChatAssemblesTheReferenceAndUsage() {
        ChatResponse response = sim("oracle" + FAST).chat(withReference(REFERENCE, 1));

        assertThat(response.text()).isEqualTo(REFERENCE);
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage().outputTokens()).isEqualTo(SimTokenizer.split(REFERENCE).size());
        assertThat(response.usage().inputTokens()).isEqualTo(5);
    }

    @Test
    void echoStreamsTheLastUserMessageBack() throws InterruptedException {
        ChatRequest request = ChatRequest.builder()
                .system("be brief")
                .user("first question")
                .message(dev.llmbench.core.model.Message.assistant("an answer"))
                .user("second question, with emoji 🎉 and  two spaces ")
                .build();

        assertThat(stream(sim("echo" + FAST), request).text())
                .isEqualTo("second question, with emoji 🎉 and  two spaces ");
    }

    @Test
    void emptyTextCompletesWithoutContent() throws InterruptedException {
        RecordingListener l = stream(sim("oracle" + FAST), withReference("", 1));

        assertThat(l.text()).isEmpty();
        assertThat(l.terminal()).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
    }

    @Test
    void oracleWithoutAReferenceFailsWithInvalidRequest() throws InterruptedException {
        SimProvider provider = sim("oracle" + FAST);
        RecordingListener l = stream(provider, ChatRequest.ofUser("hello"));

        assertThat(l.events()).singleElement().isInstanceOfSatisfying(StreamEvent.Failed.class, f -> {
            assertThat(f.error().errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
            assertThat(f.error().message()).contains("calibration reference").contains("sim:echo");
        });
        assertThatThrownBy(() -> provider.chat(ChatRequest.ofUser("hello")))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("invalid_request");
    }

    @Test
    void errorRateOneFailsEveryStreamWithAClassifiedError() throws InterruptedException {
        SimProvider provider = sim("oracle?ttft=0&tps=100000&error_rate=1");

        for (int i = 0; i < 30; i++) {
            RecordingListener l = stream(provider, withReference(REFERENCE, i));
            assertThat(l.terminal()).isInstanceOfSatisfying(StreamEvent.Failed.class, f -> assertThat(
                    f.error().errorClass()).isIn(ErrorClass.SERVER_ERROR, ErrorClass.RATE_LIMITED,
                    ErrorClass.STREAM_ERROR));
            assertThat(l.terminals()).isOne();
        }
    }

    @Test
    void sameTrialGivesTheSameChunksAndErrorsOnEveryRun() throws InterruptedException {
        SimProvider first = sim("oracle?ttft=0&tps=100000&error_rate=0.5&seed=3");
        SimProvider second = sim("oracle?ttft=0&tps=100000&error_rate=0.5&seed=3");

        for (int i = 0; i < 30; i++) {
            RecordingListener a = stream(first, withReference(REFERENCE, i));
            RecordingListener b = stream(second, withReference(REFERENCE, i));
            assertThat(b.events()).isEqualTo(a.events());
        }
    }

    @Test
    void firstTokenArrivesNoEarlierThanTheJitteredTtft() throws InterruptedException {
        SimProvider provider = sim("oracle?ttft=50ms&tps=1000&jitter=0.1");

        for (int i = 0; i < 5; i++) {
            RecordingListener l = new RecordingListener();
            provider.stream(withReference(REFERENCE, i), l);
            assertThat(l.await().firstContentAfterCreation()).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        }
    }

    @Test
    void twoHundredConcurrentStreamsAllComplete() throws InterruptedException {
        SimProvider provider = sim("oracle?ttft=5ms&tps=5000");
        List<RecordingListener> listeners = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            RecordingListener l = new RecordingListener();
            listeners.add(l);
            provider.stream(withReference(REFERENCE + " #" + i, i), l);
        }

        for (int i = 0; i < 200; i++) {
            RecordingListener l = listeners.get(i).await();
            assertThat(l.text()).isEqualTo(REFERENCE + " #" + i);
            assertThat(l.terminal()).isInstanceOf(StreamEvent.Completed.class);
            assertThat(l.terminals()).isOne();
            assertThat(l.overlaps()).isZero();
        }
        assertThat(provider.inFlight()).isZero();
    }

    @Test
    void cancelDeliversTheGivenClassOnceAndIsIdempotent() throws InterruptedException {
        SimProvider provider = sim("oracle?ttft=10s");
        RecordingListener l = new RecordingListener();
        StreamHandle handle = provider.stream(withReference(REFERENCE, 1), l);

        handle.cancel(ErrorClass.TIMEOUT_TOTAL);
        handle.cancel(ErrorClass.CANCELLED);
        handle.cancel(null);

        assertThat(l.await().events()).singleElement().isInstanceOfSatisfying(StreamEvent.Failed.class,
                f -> assertThat(f.error().errorClass()).isEqualTo(ErrorClass.TIMEOUT_TOTAL));
        assertThat(provider.inFlight()).isZero();
    }

    @Test
    void cancelAfterCompletionDeliversNothing() throws InterruptedException {
        RecordingListener l = new RecordingListener();
        StreamHandle handle = sim("echo" + FAST).stream(ChatRequest.ofUser("hi there"), l);
        l.await();

        handle.cancel(ErrorClass.CANCELLED);

        assertThat(l.terminal()).isInstanceOf(StreamEvent.Completed.class);
        assertThat(l.terminals()).isOne();
    }

    @Test
    void cancelFromInsideTheListenerIsDeliveredAfterItReturns() throws InterruptedException {
        SimProvider provider = sim("oracle?ttft=0&tps=1000");
        RecordingListener recorder = new RecordingListener();
        StreamHandle[] handle = new StreamHandle[1];
        CountDownLatch started = new CountDownLatch(1);
        handle[0] = provider.stream(withReference(REFERENCE, 1), event -> {
            awaitQuietly(started);
            recorder.onEvent(event);
            if (event instanceof StreamEvent.ContentDelta) {
                handle[0].cancel(ErrorClass.CANCELLED);
            }
        });
        started.countDown();

        List<StreamEvent> events = recorder.await().events();
        assertThat(events).hasSize(3);
        assertThat(events.get(2)).isInstanceOfSatisfying(StreamEvent.Failed.class,
                f -> assertThat(f.error().errorClass()).isEqualTo(ErrorClass.CANCELLED));
        assertThat(recorder.overlaps()).isZero();
    }

    @Test
    void cancelRacingCompletionYieldsExactlyOneTerminalEvent() throws InterruptedException {
        SimProvider provider = sim("oracle?ttft=0&tps=20000&jitter=0.5");
        ExecutorService cancellers = Executors.newFixedThreadPool(2);
        SplittableRandom random = new SplittableRandom(42);
        List<RecordingListener> listeners = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                RecordingListener l = new RecordingListener();
                listeners.add(l);
                StreamHandle handle = provider.stream(withReference("a b c d e f", i), l);
                long spinNanos = random.nextLong(400_000);
                cancellers.execute(() -> {
                    long until = System.nanoTime() + spinNanos;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    handle.cancel(ErrorClass.TIMEOUT_TOTAL);
                    handle.cancel(ErrorClass.CANCELLED);
                });
                if (i % 3 == 0) {
                    handle.cancel(ErrorClass.TIMEOUT_IDLE);
                }
            }
            for (RecordingListener l : listeners) {
                l.await();
            }
            cancellers.shutdown();
            assertThat(cancellers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            cancellers.shutdownNow();
        }
        Thread.sleep(50); // give a stray late event the chance to show up
        int completed = 0;
        for (RecordingListener l : listeners) {
            assertThat(l.terminals()).isOne();
            assertThat(l.eventsAfterTerminal()).isZero();
            assertThat(l.overlaps()).isZero();
            completed += l.terminal() instanceof StreamEvent.Completed ? 1 : 0;
        }
        assertThat(completed).isLessThan(listeners.size());
        assertThat(provider.inFlight()).isZero();
    }

    @Test
    void aThrowingListenerStillGetsExactlyOneTerminalEvent() throws InterruptedException {
        RecordingListener recorder = new RecordingListener();
        sim("echo" + FAST).stream(ChatRequest.ofUser("one two three"), event -> {
            recorder.onEvent(event);
            if (event instanceof StreamEvent.ContentDelta) {
                throw new IllegalStateException("boom");
            }
        });

        assertThat(recorder.await().terminal()).isInstanceOfSatisfying(StreamEvent.Failed.class,
                f -> assertThat(f.error().errorClass()).isEqualTo(ErrorClass.INTERNAL));
        assertThat(recorder.terminals()).isOne();
    }

    @Test
    void closeFailsStreamsInFlightWithCancelled() throws InterruptedException {
        SimProvider provider = sim("oracle?ttft=10s");
        List<RecordingListener> listeners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RecordingListener l = new RecordingListener();
            listeners.add(l);
            provider.stream(withReference(REFERENCE, i), l);
        }

        provider.close();
        provider.close();

        for (RecordingListener l : listeners) {
            assertThat(l.await().events()).singleElement().isInstanceOfSatisfying(StreamEvent.Failed.class,
                    f -> assertThat(f.error().errorClass()).isEqualTo(ErrorClass.CANCELLED));
        }
        assertThat(provider.inFlight()).isZero();
    }

    @Test
    void aRequestAfterCloseFailsWithCancelled() throws InterruptedException {
        SimProvider provider = sim("echo" + FAST);
        provider.close();

        RecordingListener l = stream(provider, ChatRequest.ofUser("hi"));

        assertThat(l.terminal()).isInstanceOfSatisfying(StreamEvent.Failed.class,
                f -> assertThat(f.error().errorClass()).isEqualTo(ErrorClass.CANCELLED));
        assertThat(provider.schedulerStarted()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
