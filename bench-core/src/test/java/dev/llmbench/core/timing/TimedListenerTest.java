package dev.llmbench.core.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimedListenerTest {
    private final FakeTicker ticker = new FakeTicker();
    private final List<StreamEvent> forwarded = new ArrayList<>();
    private final TimedListener timed = new TimedListener(ticker, forwarded::add);

    private void at(long millis, StreamEvent event) {
        ticker.advanceMillis(millis);
        timed.onEvent(event);
    }

    @Test
    void derivesEveryMetricExactlyFromEventStamps() {
        timed.start();
        at(40, new StreamEvent.ResponseStarted());
        at(10, new StreamEvent.ReasoningDelta("hmm"));
        at(50, new StreamEvent.ContentDelta("Hello"));
        at(20, new StreamEvent.ContentDelta(" world"));
        at(30, new StreamEvent.ContentDelta("!"));
        at(0, new StreamEvent.Usage(TokenUsage.of(12, 3)));
        at(5, new StreamEvent.Completed(FinishReason.STOP));

        RequestTiming t = timed.timing();
        assertThat(t.ttfbNanos()).isEqualTo(40_000_000L);
        assertThat(t.ttfrNanos()).isEqualTo(50_000_000L);
        assertThat(t.ttftNanos()).isEqualTo(100_000_000L);
        assertThat(t.latencyNanos()).isEqualTo(155_000_000L);
        assertThat(t.itlNanos().toArray()).containsExactly(20_000_000L, 30_000_000L);
        assertThat(t.outputTokens()).isEqualTo(3);
        assertThat(t.usageSource()).isEqualTo(UsageSource.PROVIDER);
        // tpot = (155 - 100) ms / (3 - 1) = 27.5 ms
        assertThat(t.tpotNanos().getAsDouble()).isEqualTo(27_500_000.0);
        // decode = 3 / 0.055 s; e2e = 3 / 0.155 s
        assertThat(t.decodeTps().getAsDouble()).isCloseTo(3 / 0.055, within(1e-9));
        assertThat(t.e2eTps().getAsDouble()).isCloseTo(3 / 0.155, within(1e-9));
        assertThat(timed.response().text()).isEqualTo("Hello world!");
        assertThat(forwarded).hasSize(7);
    }

    @Test
    void emptyContentDeltasDoNotCountAsFirstTokenOrGap() {
        timed.start();
        at(10, new StreamEvent.ContentDelta(""));
        at(10, new StreamEvent.ContentDelta("a"));
        at(10, new StreamEvent.ContentDelta(""));
        at(10, new StreamEvent.ContentDelta("b"));
        at(1, new StreamEvent.Completed(FinishReason.STOP));

        RequestTiming t = timed.timing();
        assertThat(t.ttfbNanos()).as("first byte is the first event").isEqualTo(10_000_000L);
        assertThat(t.ttftNanos()).isEqualTo(20_000_000L);
        assertThat(t.itlNanos().toArray()).containsExactly(20_000_000L);
        assertThat(t.usageSource()).isEqualTo(UsageSource.COUNTED);
        assertThat(t.outputTokens()).isEqualTo(2);
    }

    @Test
    void failedRequestWithoutTokensHasNoTtftAndNoRates() {
        timed.start();
        at(70, new StreamEvent.Failed(ProviderError.of(ErrorClass.SERVER_ERROR, "503")));
        RequestTiming t = timed.timing();
        assertThat(t.ttft()).isEmpty();
        assertThat(t.ttfb()).as("a terminal event is not a first byte").isEmpty();
        assertThat(t.latencyNanos()).isEqualTo(70_000_000L);
        assertThat(t.tpotNanos()).isEmpty();
        assertThat(t.decodeTps()).isEmpty();
        assertThat(t.e2eTps()).isEmpty();
    }

    @Test
    void eventsAfterTheTerminalEventAreIgnored() {
        timed.start();
        at(5, new StreamEvent.ContentDelta("a"));
        at(5, new StreamEvent.Completed(FinishReason.STOP));
        at(100, new StreamEvent.ContentDelta("late"));
        assertThat(timed.timing().latencyNanos()).isEqualTo(10_000_000L);
        assertThat(timed.response().text()).isEqualTo("a");
        assertThat(forwarded).hasSize(2);
    }

    @Test
    void openLoopStartMeasuresFromTheIntendedSendTime() {
        TimedListener late = new TimedListener(ticker, e -> { });
        ticker.advanceMillis(100);
        late.startAt(60_000_000L);
        ticker.advanceMillis(10);
        late.onEvent(new StreamEvent.ContentDelta("x"));
        assertThat(late.timing().ttftNanos()).isEqualTo(50_000_000L);
    }

    @Test
    void refusesEventsBeforeStartAndASecondStart() {
        assertThatThrownBy(() -> timed.onEvent(new StreamEvent.ContentDelta("x")))
                .isInstanceOf(IllegalStateException.class);
        timed.start();
        assertThatThrownBy(timed::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsEveryGapOfALongStreamExactly() {
        timed.start();
        long[] expected = new long[2_999];
        at(5, new StreamEvent.ContentDelta("t"));
        for (int i = 0; i < expected.length; i++) {
            long nanos = 1 + (i * 7_919L) % 250_000_000L; // 1 ns to 250 ms, varied
            expected[i] = nanos;
            ticker.advanceNanos(nanos);
            timed.onEvent(new StreamEvent.ContentDelta("t"));
        }
        at(1, new StreamEvent.Completed(FinishReason.STOP));
        assertThat(timed.timing().itlNanos().toArray()).containsExactly(expected);
    }
}
