package dev.llmbench.graders.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JudgeGraderFactoryTest {
    /** A judge model that answers with queued texts (or fails when the queue holds null). */
    static final class ScriptedJudge implements Provider {
        final Deque<String> replies = new ArrayDeque<>();
        final List<ChatRequest> seen = new ArrayList<>();

        ScriptedJudge(String... replies) {
            this.replies.addAll(List.of(replies));
        }

        @Override
        public synchronized StreamHandle stream(ChatRequest request, StreamListener listener) {
            seen.add(request);
            String reply = replies.isEmpty() ? "" : replies.pop();
            if (reply.equals("FAIL")) {
                listener.onEvent(new StreamEvent.Failed(ProviderError.of(ErrorClass.SERVER_ERROR, "judge down")));
            } else {
                listener.onEvent(new StreamEvent.ContentDelta(reply));
                listener.onEvent(new StreamEvent.Completed(FinishReason.STOP));
            }
            return reason -> { };
        }

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public String model() {
            return "judge";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.STREAMING, Capability.JSON_SCHEMA);
        }

        @Override
        public void close() {}
    }

    private static final GraderConfig CONFIG = GraderConfig.of("judge").param("model", "scripted:judge")
            .list("criteria", "Mentions the capital of France", "Is polite").build();

    private static Grade grade(ScriptedJudge judge, String answer) {
        TestCase tc = new TestCase("c", ChatRequest.ofUser("What is the capital of France?"), List.of(CONFIG),
                dev.llmbench.core.api.Calibration.NONE);
        return new JudgeGraderFactory(spec -> judge).create(CONFIG)
                .grade(new GradingInput("t", tc, ChatResponse.ofText(answer)));
    }

    private static final String VERDICT = "{\"criteria\":[{\"name\":\"Mentions the capital of France\",\"passed\":true,"
            + "\"reason\":\"says Paris\"},{\"name\":\"Is polite\",\"passed\":false,\"reason\":\"curt\"}]}";

    @Test
    void eachCriterionBecomesACheckWithTheJudgesReason() {
        ScriptedJudge judge = new ScriptedJudge(VERDICT);
        Grade g = grade(judge, "Paris.");
        assertThat(g.checks()).extracting(Check::passed).containsExactly(true, false);
        assertThat(g.checks().get(1).actual()).isEqualTo("curt");
        assertThat(g.score()).isEqualTo(0.5);
        ChatRequest sent = judge.seen.get(0);
        assertThat(sent.responseFormat()).isInstanceOf(ResponseFormat.JsonSchema.class);
        assertThat(sent.lastUserText()).contains("What is the capital of France?", "Paris.", "Is polite");
    }

    @Test
    void retriesOnceOnAnUnusableVerdict() {
        ScriptedJudge judge = new ScriptedJudge("I think it is fine.", "```json\n" + VERDICT + "\n```");
        assertThat(grade(judge, "Paris.").checks()).hasSize(2);
        assertThat(judge.seen).hasSize(2);
    }

    @Test
    void aVerdictMissingACriterionIsUnusable() {
        ScriptedJudge judge = new ScriptedJudge("{\"criteria\":[{\"name\":\"Is polite\",\"passed\":true,\"reason\":\"ok\"}]}",
                "{\"criteria\":[]}");
        assertThatThrownBy(() -> grade(judge, "Paris.")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no usable verdict after a retry");
    }

    @Test
    void aFailedJudgeRequestIsAGraderErrorNotAZero() {
        assertThatThrownBy(() -> grade(new ScriptedJudge("FAIL"), "Paris.")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("judge down");
    }

    @Test
    void rejectsBadConfiguration() {
        JudgeGraderFactory f = new JudgeGraderFactory(spec -> new ScriptedJudge());
        assertThatThrownBy(() -> f.create(GraderConfig.of("judge").list("criteria", "x").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("'model'");
        assertThatThrownBy(() -> f.create(GraderConfig.of("judge").param("model", "a:b").build()))
                .hasMessageContaining("criteria");
        assertThatThrownBy(() -> new JudgeGraderFactory().create(GraderConfig.of("judge").param("model", "nope:x")
                .list("criteria", "x").build())).hasMessageContaining("no provider 'nope'");
    }
}
