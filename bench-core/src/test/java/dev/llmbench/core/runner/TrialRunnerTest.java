package dev.llmbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.fixtures.Fixtures;
import dev.llmbench.core.fixtures.ScriptedProvider;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.timing.FakeTicker;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrialRunnerTest {
    private final FakeTicker ticker = new FakeTicker();

    @Test
    void runsOneTrialExactlyAsARunWould() {
        BenchTest alpha = Fixtures.suite().tests().get(0);
        ScriptedProvider provider = new ScriptedProvider(ticker);
        try (TrialRunner runner = new TrialRunner(ticker, Clock.systemUTC(), Duration.ofSeconds(5))) {
            TrialRecord t = runner.run(provider, "scripted:m", alpha, alpha.cases().get(0), 2, 42,
                    cfg -> new Fixtures.ContainsGrader().create(cfg));
            assertThat(t.passed()).isTrue();
            assertThat(t.trial()).isEqualTo(2);
            assertThat(t.timing().ttftNanos()).isEqualTo(100_000_000L);
            ChatRequest sent = provider.seen.get(0);
            long expectedSeed = TrialExecutor.trialSeed(42, t.key(), 2);
            assertThat(sent.attribute(ChatRequest.ATTR_SEED)).contains(Long.toString(expectedSeed));
            assertThat(sent.attribute(ChatRequest.ATTR_REFERENCE)).contains("red green blue");
        }
    }

    @Test
    void aFailedRequestIsARecordNotAnException() {
        BenchTest alpha = Fixtures.suite().tests().get(0);
        ScriptedProvider failing = new ScriptedProvider(ticker, r -> true, ErrorClass.SERVER_ERROR);
        try (TrialRunner runner = new TrialRunner(ticker, Clock.systemUTC(), Duration.ofSeconds(5))) {
            TrialRecord t = runner.run(failing, "scripted:m", alpha, alpha.cases().get(0), 0, 1,
                    cfg -> new Fixtures.ContainsGrader().create(cfg));
            assertThat(t.error().orElseThrow().errorClass()).isEqualTo(ErrorClass.SERVER_ERROR);
            assertThat(t.score()).isZero();
            assertThat(t.passed()).isFalse();
        }
    }
}
