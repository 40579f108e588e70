package dev.llmbench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialDriverTest {
    private static final String FAST_ORACLE = "sim:oracle?ttft=0ms&tps=100000&jitter=0";

    static TrialDriver driver(TrialSettings settings) {
        return TrialDriver.open(ServiceRegistry.discover(), settings);
    }

    @Test
    void theOraclePassesEveryCaseAndEachInvocationTakesTheNextCase() {
        try (TrialDriver d = driver(TrialSettings.of(FAST_ORACLE, "basic_reasoning"))) {
            int n = d.cases().size();
            List<TrialRecord> trials = new ArrayList<>();
            for (int i = 0; i < 2 * n; i++) {
                trials.add(d.next());
            }
            assertThat(trials).allSatisfy(t -> {
                assertThat(t.ok()).isTrue();
                assertThat(t.passed()).isTrue();
                assertThat(t.score()).isEqualTo(1.0);
                assertThat(t.model()).isEqualTo(FAST_ORACLE);
                assertThat(t.timing().ttft()).isPresent();
                assertThat(t.checks()).isNotEmpty();
            });
            assertThat(trials.subList(0, n)).extracting(TrialRecord::caseId)
                    .containsExactlyElementsOf(d.cases().stream().map(c -> c.id()).toList());
            assertThat(trials).extracting(TrialRecord::trial).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 2 * n).map(i -> i / n).boxed().toList());
        }
    }

    @Test
    void echoedPromptsAreGradedAsFailures() {
        try (TrialDriver d = driver(TrialSettings.of("sim:echo?ttft=0ms&tps=100000&jitter=0", "basic_reasoning"))) {
            TrialRecord t = d.next();
            assertThat(t.ok()).isTrue();
            assertThat(t.passed()).isFalse();
        }
    }

    @Test
    void aSingleCaseIsSentEveryTime() {
        try (TrialDriver d = driver(TrialSettings.of(FAST_ORACLE, "tool_use"))) {
            String second = d.cases().get(1).id();
            try (TrialDriver one = driver(TrialSettings.of(FAST_ORACLE, "tool_use").withCase(second))) {
                assertThat(List.of(one.next(), one.next())).extracting(TrialRecord::caseId).containsOnly(second);
            }
        }
    }

    @Test
    void aFailedRequestIsRecordedAsAnErrorThatScoresZero() {
        try (TrialDriver d = driver(TrialSettings.of("sim:oracle?ttft=0ms&jitter=0&error_rate=1", "basic_reasoning"))) {
            TrialRecord t = d.next();
            assertThat(t.error()).isPresent();
            assertThat(t.score()).isZero();
            assertThat(t.passed()).isFalse();
            assertThat(t.finishReason()).isEmpty();
        }
    }

    @Test
    void aRequestPastItsTimeoutIsCancelledAndRecordedAsATotalTimeout() {
        ServiceRegistry registry = ServiceRegistry.builder().provider(new SilentFactory()).build();
        TrialSettings s = TrialSettings.of("silent:model", "basic_reasoning").withRequestTimeout(Duration.ofMillis(50));
        try (TrialDriver d = TrialDriver.open(registry, s)) {
            TrialRecord t = d.next();
            assertThat(t.error()).get().extracting(ProviderError::errorClass).isEqualTo(ErrorClass.TIMEOUT_TOTAL);
        }
    }

    @Test
    void unknownTestsAndCasesFailBeforeAnyRequestNamingTheChoices() {
        assertThatThrownBy(() -> driver(TrialSettings.of(FAST_ORACLE, "no_such_test")))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("no_such_test").hasMessageContaining("basic_reasoning");
        assertThatThrownBy(() -> driver(TrialSettings.of(FAST_ORACLE, "basic_reasoning").withCase("nope")))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("nope").hasMessageContaining("cases:");
        assertThatThrownBy(() -> driver(TrialSettings.of("nosuchprovider:x", "basic_reasoning")))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("nosuchprovider");
    }

    @Test
    void settingsRejectMalformedModelSpecsAndBlankIds() {
        assertThatThrownBy(() -> TrialSettings.of("no-colon", "basic_reasoning"))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("provider:model");
        assertThatThrownBy(() -> TrialSettings.of(FAST_ORACLE, " "))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("test");
        assertThatThrownBy(() -> TrialSettings.of(FAST_ORACLE, "t").withRequestTimeout(Duration.ZERO))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("requestTimeout");
    }

    /** A provider that never answers until cancelled. */
    private static final class SilentFactory implements ProviderFactory {
        @Override
        public String id() {
            return "silent";
        }

        @Override
        public String description() {
            return "never answers";
        }

        @Override
        public Provider create(ProviderConfig config) {
            return new Provider() {
                @Override
                public String id() {
                    return "silent";
                }

                @Override
                public String model() {
                    return config.model();
                }

                @Override
                public Set<Capability> capabilities() {
                    return Set.of();
                }

                @Override
                public StreamHandle stream(ChatRequest request, StreamListener listener) {
                    return reason -> listener.onEvent(new StreamEvent.Failed(ProviderError.of(reason, "cancelled")));
                }

                @Override
                public void close() {}
            };
        }
    }
}
