package dev.llmbench.providers.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderConfig;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimScriptTest {

    private static final String REFERENCE = "The answer is 42, because six times seven is forty-two.\nAnswer: 42";

    private static SimSettings settings(String model) {
        return SimSettings.parse(ProviderConfig.of(model));
    }

    private static ChatRequest trial(long seed, String test, String caseId) {
        return ChatRequest.builder()
                .user("What is six times seven?")
                .attribute(ChatRequest.ATTR_REFERENCE, REFERENCE)
                .attribute(ChatRequest.ATTR_SEED, Long.toString(seed))
                .attribute(ChatRequest.ATTR_TEST, test)
                .attribute(ChatRequest.ATTR_CASE, caseId)
                .build();
    }

    private static StreamEvent last(SimScript script) {
        return script.steps().get(script.steps().size() - 1).event();
    }

    @Test
    void plansTheReferenceThenUsageThenCompleted() {
        SimScript script = SimScript.plan(trial(1, "basic_reasoning", "c1"), settings("oracle"));
        List<StreamEvent> events = script.steps().stream().map(SimScript.Step::event).toList();
        List<String> chunks = SimTokenizer.split(REFERENCE);

        assertThat(events.get(0)).isInstanceOf(StreamEvent.ResponseStarted.class);
        assertThat(events.subList(1, 1 + chunks.size()))
                .containsExactlyElementsOf(chunks.stream().map(StreamEvent.ContentDelta::new).toList());
        assertThat(events.get(events.size() - 2)).isInstanceOf(StreamEvent.Usage.class);
        StreamEvent.Usage usage = (StreamEvent.Usage) events.get(events.size() - 2);
        assertThat(usage.usage().outputTokens()).isEqualTo(chunks.size());
        assertThat(usage.usage().inputTokens()).isEqualTo((("What is six times seven?".length()) + 3) / 4);
        assertThat(last(script)).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
    }

    @Test
    void schedulesByNonDecreasingOffsetsWithTheFirstTokenAfterTtft() {
        SimScript script = SimScript.plan(trial(3, "t", "c"), settings("oracle?ttft=100ms&tps=50&jitter=0.2"));
        List<SimScript.Step> steps = script.steps();

        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).atNanos()).isGreaterThanOrEqualTo(steps.get(i - 1).atNanos());
        }
        assertThat(steps.get(0).atNanos()).isLessThanOrEqualTo(steps.get(1).atNanos());
        assertThat(steps.get(1).atNanos()).isBetween(80_000_000L, 120_000_000L);
        long gap = steps.get(2).atNanos() - steps.get(1).atNanos();
        assertThat(gap).isBetween(16_000_000L, 24_000_000L);
    }

    @Test
    void withoutJitterTheOffsetsAreExact() {
        SimScript script = SimScript.plan(trial(3, "t", "c"), settings("oracle?ttft=10ms&tps=100&jitter=0"));

        assertThat(script.steps().get(1).atNanos()).isEqualTo(10_000_000L);
        assertThat(script.steps().get(3).atNanos()).isEqualTo(30_000_000L);
    }

    @Test
    void sameSeedAndAttributesGiveTheSamePlan() {
        SimSettings s = settings("oracle?error_rate=0.5&seed=7");

        for (long trialSeed = 0; trialSeed < 50; trialSeed++) {
            assertThat(SimScript.plan(trial(trialSeed, "t", "c"), s))
                    .isEqualTo(SimScript.plan(trial(trialSeed, "t", "c"), settings("oracle?error_rate=0.5&seed=7")));
        }
    }

    @Test
    void differentSeedsTestsOrCasesGiveDifferentPlans() {
        SimSettings s = settings("oracle?seed=7");
        SimScript base = SimScript.plan(trial(1, "t", "c"), s);

        assertThat(SimScript.plan(trial(1, "t", "c"), settings("oracle?seed=8"))).isNotEqualTo(base);
        assertThat(SimScript.plan(trial(2, "t", "c"), s)).isNotEqualTo(base);
        assertThat(SimScript.plan(trial(1, "u", "c"), s)).isNotEqualTo(base);
        assertThat(SimScript.plan(trial(1, "t", "d"), s)).isNotEqualTo(base);
    }

    @Test
    void errorDecisionsAreReproducibleAndDependOnTheSeed() {
        List<Boolean> first = failures(settings("oracle?error_rate=0.5&seed=1"), 200);
        List<Boolean> again = failures(settings("oracle?error_rate=0.5&seed=1"), 200);
        List<Boolean> other = failures(settings("oracle?error_rate=0.5&seed=2"), 200);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void errorRateOneAlwaysFailsWithAClassifiedErrorOfEveryKind() {
        SimSettings s = settings("oracle?error_rate=1&seed=3");
        Map<ErrorClass, Integer> kinds = new EnumMap<>(ErrorClass.class);

        for (long i = 0; i < 300; i++) {
            SimScript script = SimScript.plan(trial(i, "t", "c"), s);
            assertThat(last(script)).isInstanceOf(StreamEvent.Failed.class);
            StreamEvent.Failed failed = (StreamEvent.Failed) last(script);
            kinds.merge(failed.error().errorClass(), 1, Integer::sum);
            switch (failed.error().errorClass()) {
                case SERVER_ERROR -> assertThat(script.steps()).hasSize(1);
                case RATE_LIMITED -> {
                    assertThat(failed.error().httpStatusCode()).isEqualTo(429);
                    assertThat(failed.error().retryAfterMillis()).isBetween(1000L, 5000L);
                }
                case STREAM_ERROR -> assertThat(script.steps().get(1).event())
                        .isInstanceOf(StreamEvent.ContentDelta.class);
                default -> throw new AssertionError("unexpected class " + failed.error());
            }
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(
                ErrorClass.SERVER_ERROR, ErrorClass.RATE_LIMITED, ErrorClass.STREAM_ERROR);
    }

    @Test
    void errorRateIsHonouredWithinABinomialBound() {
        List<Boolean> failures = failures(settings("oracle?error_rate=0.3&seed=11"), 500);
        double rate = failures.stream().filter(f -> f).count() / 500.0;

        assertThat(rate).isBetween(0.2, 0.4);
        assertThat(failures(settings("oracle?error_rate=0"), 500)).doesNotContain(true);
    }

    @Test
    void changingOnlyTheErrorRateKeepsTheTimingsOfSuccessfulTrials() {
        SimScript calm = SimScript.plan(trial(5, "t", "c"), settings("oracle?seed=4"));
        SimScript flaky = SimScript.plan(trial(5, "t", "c"), settings("oracle?seed=4&error_rate=0.0001"));

        assertThat(flaky).isEqualTo(calm);
    }

    @Test
    void stopsAtMaxTokensWithLength() {
        ChatRequest request = trial(1, "t", "c").toBuilder().sampling(Sampling.DEFAULT.withMaxTokens(3)).build();

        SimScript script = SimScript.plan(request, settings("oracle"));

        assertThat(script.steps().stream().filter(s -> s.event() instanceof StreamEvent.ContentDelta)).hasSize(3);
        assertThat(last(script)).isEqualTo(new StreamEvent.Completed(FinishReason.LENGTH));
    }

    @Test
    void emptyReferenceCompletesWithoutContent() {
        ChatRequest request = ChatRequest.builder().user("q").attribute(ChatRequest.ATTR_REFERENCE, "").build();

        List<StreamEvent> events = SimScript.plan(request, settings("oracle?ttft=0"))
                .steps().stream().map(SimScript.Step::event).toList();

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(StreamEvent.ResponseStarted.class);
        assertThat(((StreamEvent.Usage) events.get(1)).usage().outputTokens()).isZero();
        assertThat(events.get(2)).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
    }

    private static List<Boolean> failures(SimSettings s, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> last(SimScript.plan(trial(i, "t", "c"), s)) instanceof StreamEvent.Failed)
                .toList();
    }
}
