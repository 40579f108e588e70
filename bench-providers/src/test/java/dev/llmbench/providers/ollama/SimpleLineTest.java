package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path for ordinary lines must give exactly what the tree rules give, and must
 * decline every line whose meaning needs them.
 */
class SimpleLineTest {
    private static final ErrorMapper ERRORS = new ErrorMapper("ollama", Secret.NONE, "hint", Clock.systemUTC());

    private static final String[] SIMPLE = {
        "{\"model\":\"m\",\"created_at\":\"2026-11-28T10:00:00.123Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\" token\"},\"done\":false}",
        "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"hmm\"},\"done\":false}",
        "{\"message\":{\"thinking\":\"a\",\"content\":\"b\"},\"done\":false}",
        "{\"message\":{\"content\":null,\"thinking\":null,\"tool_calls\":null},\"done\":false}",
        "{\"message\":{\"content\":\"h\\u00e9\\n\\\"😀\",\"images\":[\"x\"]},\"done\":false}",
        "{\"message\":null,\"done\":false}",
        "{\"message\":7,\"done\":false}",
        "{\"message\":{\"content\":\"no done\"}}",
        "{\"error\":null,\"message\":{\"content\":\"e\"},\"done\":false}",
        "{}",
        "  {\"message\":{\"content\":\"spaces\"},\"done\":false}  ",
    };

    private static final String[] COMPLEX = {
        "{\"message\":{\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"eval_count\":3}",
        "{\"message\":{\"content\":\"x\"},\"done\":\"true\"}",
        "{\"error\":\"boom\"}",
        "{\"error\":\"\"}",
        "{\"message\":{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":{}}}]},\"done\":false}",
        "{\"message\":{\"tool_calls\":{}},\"done\":false}",
        "{\"message\":{\"content\":5},\"done\":false}",
        "{\"message\":{\"content\":\"a\",\"content\":\"b\"},\"done\":false}",
        "{\"message\":{\"content\":\"a\"},\"message\":{\"content\":\"b\"},\"done\":false}",
        "{\"message\":{\"content\":\"a\"},\"done\":false,\"done\":true}",
        "{\"message\":{\"content\":\"a\"},\"done\":false} {}",
        "{\"message\":{\"content\":\"a\"},\"done\":false} x",
        "[1]",
        "{\"message\":",
    };

    @Test
    void everyAcceptedLineGivesWhatTheTreeRulesGive() throws IOException {
        for (String line : SIMPLE) {
            assertThat(read(line)).as(line).isNotNull();
            // the same meaning with a repeated "done": false, which only the tree rules read
            String viaTree = line.strip().substring(0, line.strip().length() - 1)
                    + (line.strip().equals("{}") ? "" : ",") + "\"done\":false,\"done\":false}";
            assertThat(read(viaTree)).as(viaTree).isNull();
            assertThat(events(line)).as(line).isEqualTo(events(viaTree));
        }
    }

    @Test
    void declinesEveryLineThatNeedsTheFullRules() throws IOException {
        for (String line : COMPLEX) {
            assertThat(read(line)).as(line).isNull();
        }
    }

    @Test
    void emitsThinkingBeforeContentFromOneLine() {
        assertThat(events("{\"message\":{\"content\":\"b\",\"thinking\":\"a\"},\"done\":false}"))
                .containsExactly(new StreamEvent.ReasoningDelta("a"), new StreamEvent.ContentDelta("b"));
    }

    private static List<StreamEvent> events(String line) {
        return CollectingEmitter.feed(new OllamaBodyHandler(ERRORS, v -> { }), line + "\n").events;
    }

    private static SimpleLine read(String line) throws IOException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = Json.MAPPER.createParser(b)) {
            return SimpleLine.read(p);
        }
    }
}
