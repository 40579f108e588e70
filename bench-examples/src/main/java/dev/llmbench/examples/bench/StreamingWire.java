package dev.llmbench.examples.bench;

import dev.llmbench.core.spi.Secret;
import dev.llmbench.core.timing.TimedListener;
import dev.llmbench.providers.internal.http.BodyHandler;
import dev.llmbench.providers.internal.http.ErrorMapper;
import dev.llmbench.providers.openai.ChatCompletionsBodyHandler;
import dev.llmbench.core.model.StreamEvent;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Realistic streamed response bodies and the pieces they arrive in, shared by
 * {@link StreamingHotPathBenchmark} and {@link StreamMemoryEstimate}. Not a benchmark.
 */
final class StreamingWire {
    /** Content deltas per response. */
    static final int TOKENS = 1000;
    /** What every delta carries. */
    static final String TOKEN = " token";

    static final ErrorMapper ERRORS = new ErrorMapper("bench", Secret.NONE, "hint", Clock.systemUTC());

    private static final Constructor<?> OLLAMA;

    static {
        try {
            // package-private in bench-providers (created by OllamaProvider): reached by reflection
            // here rather than adding a public accessor to main code; the calls go through the
            // public BodyHandler interface, so the measured path is the provider's own
            Constructor<?> c = Class.forName("dev.llmbench.providers.ollama.OllamaBodyHandler")
                    .getDeclaredConstructor(ErrorMapper.class, LongConsumer.class);
            c.setAccessible(true);
            OLLAMA = c;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private StreamingWire() {}

    /** The wire formats measured. */
    enum Format { OLLAMA, OPENAI }

    /** A fresh body handler for one response, as a provider creates one per request. */
    static BodyHandler handler(Format f) {
        if (f == Format.OPENAI) {
            return new ChatCompletionsBodyHandler(ERRORS);
        }
        try {
            LongConsumer ignore = v -> { };
            return (BodyHandler) OLLAMA.newInstance(ERRORS, ignore);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole body: {@value #TOKENS} deltas, then the provider's end of stream. */
    static byte[] body(Format f) {
        StringBuilder b = new StringBuilder();
        if (f == Format.OLLAMA) {
            for (int i = 0; i < TOKENS; i++) {
                b.append("{\"model\":\"m\",\"created_at\":\"2026-11-28T10:00:00.123Z\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"" + TOKEN + "\"},\"done\":false}\n");
            }
            b.append("{\"model\":\"m\",\"created_at\":\"2026-11-28T10:00:05.123Z\",\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":5000000000,"
                    + "\"load_duration\":1000000,\"prompt_eval_count\":12,\"prompt_eval_duration\":2000000,"
                    + "\"eval_count\":" + TOKENS + ",\"eval_duration\":4900000000}\n");
        } else {
            String head = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",";
            for (int i = 0; i < TOKENS; i++) {
                b.append(head).append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + TOKEN
                        + "\"},\"finish_reason\":null}]}\n\n");
            }
            b.append(head).append("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            b.append(head).append("\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + TOKENS
                    + ",\"total_tokens\":" + (TOKENS + 12) + "}}\n\n");
            b.append("data: [DONE]\n\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The body cut into network-sized pieces of 1–4 KiB (seeded, so every run cuts alike), each a
     * buffer over the one array: {@code clear()} rewinds a piece for the next invocation.
     */
    static ByteBuffer[] pieces(byte[] body, long seed) {
        Random r = new Random(seed);
        List<ByteBuffer> out = new ArrayList<>();
        int off = 0;
        while (off < body.length) {
            int n = Math.min(body.length - off, 1024 + r.nextInt(3 * 1024 + 1));
            out.add(ByteBuffer.wrap(body, off, n).slice());
            off += n;
        }
        return out.toArray(new ByteBuffer[0]);
    }

    /**
     * The exchange's emitter, as {@code Exchange.emit} does it: under a lock, ignores events after
     * the terminal one, hands each to the listener.
     */
    static final class LockedEmitter implements BodyHandler.Emitter {
        private final ReentrantLock lock = new ReentrantLock();
        private final TimedListener listener;
        private boolean ended;

        LockedEmitter(TimedListener listener) {
            this.listener = listener;
        }

        @Override
        public void emit(StreamEvent event) {
            lock.lock();
            try {
                if (ended) {
                    return;
                }
                if (event.terminal()) {
                    ended = true;
                }
                listener.onEvent(event);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean ended() {
            return ended;
        }
    }
}
