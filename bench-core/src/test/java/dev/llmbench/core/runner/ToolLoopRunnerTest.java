package dev.llmbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.api.ToolLoop;
import dev.llmbench.core.api.Transcript;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.fixtures.Fixtures;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.Role;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.core.timing.FakeTicker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolLoopRunnerTest {
    @TempDir
    Path dir;

    private final FakeTicker ticker = new FakeTicker();

    /** A model that acts out the case's transcript reference, one turn per request, 100 ms per turn. */
    private final class TranscriptModel implements ProviderFactory, Provider {
        final List<ChatRequest> seen = new ArrayList<>();
        final boolean loopForever;

        TranscriptModel(boolean loopForever) {
            this.loopForever = loopForever;
        }

        @Override
        public synchronized StreamHandle stream(ChatRequest request, StreamListener listener) {
            seen.add(request);
            Transcript t = Transcript.parse(request.attribute(ChatRequest.ATTR_REFERENCE).orElseThrow()).orElseThrow();
            Transcript.Turn turn = loopForever ? t.turns().get(0) : t.nextTurn(request.messages());
            ticker.advanceMillis(100);
            for (int i = 0; i < turn.toolCalls().size(); i++) {
                var c = turn.toolCalls().get(i);
                listener.onEvent(new StreamEvent.ToolCallFragment(i, c.id(), c.name(), c.argumentsJson()));
            }
            if (!turn.text().isEmpty()) {
                listener.onEvent(new StreamEvent.ContentDelta(turn.text()));
            }
            ticker.advanceMillis(10);
            listener.onEvent(new StreamEvent.Completed(turn.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS));
            return reason -> { };
        }

        @Override
        public String id() {
            return "transcript";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public Provider create(ProviderConfig config) {
            return this;
        }

        @Override
        public String model() {
            return "m";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.STREAMING, Capability.TOOLS);
        }

        @Override
        public void close() {}
    }

    private static BenchSuite suite() {
        String reference = "{\"transcript\":[{\"tool_calls\":[{\"id\":\"c1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"London\"}}]},{\"text\":\"It is 14 degrees in London.\"}]}";
        ChatRequest request = ChatRequest.builder().user("What is the weather in London?")
                .tool(new ToolDefinition("get_weather", "weather", "{\"type\":\"object\"}")).build();
        ToolLoop loop = new ToolLoop(Map.of("get_weather",
                args -> args.contains("London") ? "{\"temp_c\":14}" : "{\"error\":\"unknown city\"}"), 3);
        TestCase c = new TestCase("weather", request, List.of(GraderConfig.of("contains").list("words", "14").build()),
                Calibration.of(reference, "{\"transcript\":[{\"text\":\"no idea\"}]}", "20 degrees"), loop);
        return new BenchSuite() {
            @Override
            public String id() {
                return "tools";
            }

            @Override
            public String description() {
                return "tool loop fixture";
            }

            @Override
            public List<dev.llmbench.core.api.BenchTest> tests() {
                return List.of(new DefaultBenchTest("tool_use", "agentic", "tool loop", 1.0, List.of(c)));
            }
        };
    }

    private RunResult run(TranscriptModel model) {
        ServiceRegistry registry = ServiceRegistry.builder().noDiscovery().provider(model)
                .grader(new Fixtures.ContainsGrader()).suite(suite()).build();
        Options options = Options.builder().model("transcript:m").suite("tools").trials(1).warmup(0)
                .outputDir(dir.resolve("run")).build();
        return Runner.builder(options).registry(registry).ticker(ticker).build().run();
    }

    @Test
    void runsTheToolHandlersAndFeedsTheResultsBackUntilTheModelAnswers() {
        TranscriptModel model = new TranscriptModel(false);
        TrialRecord t = run(model).models().get(0).tests().get(0).trials().get(0);

        assertThat(model.seen).hasSize(2);
        List<Message> second = model.seen.get(1).messages();
        assertThat(second).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(second.get(2).content()).isEqualTo("{\"temp_c\":14}");
        assertThat(second.get(2).toolCallId()).isEqualTo("c1");
        assertThat(t.passed()).isTrue();
        assertThat(t.response()).isEqualTo("It is 14 degrees in London.");
        assertThat(t.conversation()).extracting(Message::role).containsExactly(Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
        assertThat(t.conversation().get(0).toolCalls()).singleElement()
                .satisfies(c -> assertThat(c.argumentsJson()).contains("London"));
        // the answer's first token came in the second turn: 110 ms (turn 1) + 100 ms
        assertThat(t.timing().ttftNanos()).isEqualTo(210_000_000L);
        assertThat(t.timing().latencyNanos()).isEqualTo(220_000_000L);
    }

    @Test
    void stopsAtTheTurnLimitAndGradesWhatItHas() {
        TranscriptModel model = new TranscriptModel(true);
        TrialRecord t = run(model).models().get(0).tests().get(0).trials().get(0);
        assertThat(model.seen).hasSize(3);
        assertThat(t.passed()).isFalse();
        assertThat(t.conversation()).hasSize(5); // 3 assistant turns, 2 tool results
    }

    @Test
    void theConversationSurvivesTheJournal() {
        run(new TranscriptModel(false));
        try (Journal j = Journal.open(dir.resolve("run"))) {
            TrialRecord t = j.trials().get(0);
            assertThat(t.conversation()).extracting(Message::role).containsExactly(Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
            assertThat(t.conversation().get(1).toolName()).isEqualTo("get_weather");
        }
    }

    @Test
    void calibrationTranscriptsArePlayedAgainstTheHandlers() {
        var test = suite().tests().get(0);
        var c = test.cases().get(0);
        var resolver = (java.util.function.Function<GraderConfig, dev.llmbench.core.spi.Grader>)
                cfg -> new Fixtures.ContainsGrader().create(cfg);
        assertThat(dev.llmbench.core.api.CaseGrading.gradeText(test, c, c.calibration().passing().get(0), resolver)
                .passed()).isTrue();
        for (String bad : c.calibration().failing()) {
            assertThat(dev.llmbench.core.api.CaseGrading.gradeText(test, c, bad, resolver).passed()).isFalse();
        }
    }
}
