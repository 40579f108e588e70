package dev.llmbench.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.http.BodyHandler;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.internal.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path must give exactly what the tree rules give, for every chunk it accepts,
 * and must decline every chunk whose meaning needs the full rules.
 */
class SimpleChunkTest {
    private static final ErrorMapper ERRORS = new ErrorMapper("openai", Secret.NONE, "hint", Clock.systemUTC());

    private static final String[] SIMPLE = {
        "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token\"},\"finish_reason\":null}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"think\",\"content\":null}}]}",
        "{\"choices\":[{\"delta\":{\"reasoning_content\":\"rc\",\"content\":\"c\"}}]}",
        "{\"choices\":[{\"delta\":{\"reasoning\":\"\",\"reasoning_content\":\"rc\"}}]}",
        "{\"choices\":[{\"delta\":{\"reasoning\":\"r\",\"reasoning_content\":\"rc\",\"content\":\"c\",\"refusal\":\"no\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"no\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"\"}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"error\"}]}",
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"cost\":0.1,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":null}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":7}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"timings\":{\"prompt_ms\":1.5,\"predicted_ms\":20}}",
        "{\"timings\":{\"foo\":1}}",
        "{\"choices\":[{\"index\":1,\"delta\":{\"tool_calls\":[{\"index\":0}]},\"error\":{\"x\":1}},"
                + "{\"index\":0,\"delta\":{\"content\":\"z\"}}]}",
        "{\"choices\":null}",
        "{\"choices\":{\"index\":0}}",
        "{\"error\":null,\"choices\":[{\"index\":0,\"delta\":{\"content\":\"e\"},\"error\":false}]}",
        "{\"error\":false}",
        "{\"choices\":[5,null,[1],{\"index\":0,\"delta\":{\"content\":\"q\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\\u00e9\\n\\\"😀\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"l\"},\"logprobs\":{\"content\":[{\"token\":\"l\"}]}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"tool_calls\":null,\"reasoning_details\":null}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":5}]}",
        "{\"choices\":[{\"index\":0,\"delta\":null,\"finish_reason\":\"stop\"}]}",
        "{\"choices\":[{\"index\":0,\"index\":1,\"delta\":{\"content\":\"dup\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]} trailing",
        "{}",
    };

    private static final String[] COMPLEX = {
        "{\"error\":{\"message\":\"boom\",\"code\":500}}",
        "{\"error\":\"boom\"}",
        "{\"choices\":[{\"index\":0,\"error\":{\"message\":\"x\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{}\"}}]}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"t\"}]}}]}",
        "{\"choices\":[{\"index\":0,\"message\":{\"content\":\"m\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":5}}]}",
        "{\"choices\":[{\"index\":\"0\",\"delta\":{\"content\":\"s\"}}]}",
        "{\"choices\":[{\"index\":4294967296,\"delta\":{\"content\":\"s\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"delta\":{\"content\":\"b\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"delta\":{\"reasoning\":\"b\"}}]}",
        "{\"choices\":[],\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\",\"finish_reason\":\"length\"}]}",
        "[1]",
        "5",
        "{\"choices\":[",
        "{\"a\" 1}",
    };

    @Test
    void everyAcceptedChunkGivesWhatTheTreeRulesGive() throws IOException {
        for (String chunk : SIMPLE) {
            SimpleChunk s = read(chunk);
            assertThat(s).as(chunk).isNotNull();
            Recorder fast = new Recorder();
            ChunkTranslator a = new ChunkTranslator(ERRORS);
            a.chunk(s, fast);
            a.end(fast, true);
            Recorder tree = new Recorder();
            ChunkTranslator b = new ChunkTranslator(ERRORS);
            b.chunk(Json.MAPPER.readTree(chunk.getBytes(StandardCharsets.UTF_8)), tree);
            b.end(tree, true);
            assertThat(fast.events).as(chunk).isEqualTo(tree.events);
        }
    }

    @Test
    void aWholeStreamOfAcceptedChunksGivesWhatTheTreeRulesGive() throws IOException {
        Recorder fast = new Recorder();
        Recorder tree = new Recorder();
        ChunkTranslator a = new ChunkTranslator(ERRORS);
        ChunkTranslator b = new ChunkTranslator(ERRORS);
        for (String chunk : SIMPLE) {
            if (!chunk.contains("\"error\"}")) {
                a.chunk(read(chunk), fast);
                b.chunk(Json.MAPPER.readTree(chunk), tree);
            }
        }
        a.end(fast, false);
        b.end(tree, false);
        assertThat(fast.events).isEqualTo(tree.events).isNotEmpty();
    }

    @Test
    void declinesEveryChunkThatNeedsTheFullRules() throws IOException {
        for (String chunk : COMPLEX) {
            assertThat(read(chunk)).as(chunk).isNull();
        }
    }

    private static SimpleChunk read(String chunk) throws IOException {
        try (JsonParser p = Json.MAPPER.createParser(chunk.getBytes(StandardCharsets.UTF_8))) {
            return SimpleChunk.read(p);
        }
    }

    private static final class Recorder implements BodyHandler.Emitter {
        final List<StreamEvent> events = new ArrayList<>();
        boolean ended;

        @Override
        public void emit(StreamEvent event) {
            if (!ended) {
                events.add(event);
                ended = event.terminal();
            }
        }

        @Override
        public boolean ended() {
            return ended;
        }
    }
}
