package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.spi.BenchSuite;
import java.util.List;

/**
 * The {@code long} suite: {@code long_context_rag_long}, the long-context retrieval test with a
 * document of about {@value LongContextRag#LONG_CHARS} characters (about 32,000 tokens) instead of
 * the standard suite's 8,000. Run it with {@code llmbench run --suite long}; it needs a model and
 * server configured for a context that large (the Ollama provider raises {@code num_ctx}).
 *
 * <h2>Registration</h2>
 * Listed in {@code META-INF/services/dev.llmbench.core.spi.BenchSuite}.
 *
 * <p>Public no-arg constructor, no I/O. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LongSuite implements BenchSuite {
    /** The suite id. */
    public static final String ID = "long";

    private final List<BenchTest> tests = List.of(LongContextRag.create(LongContextRag.LONG_CHARS));

    /** Creates the suite; does no I/O. */
    public LongSuite() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "long_context_rag at about 32,000 tokens (the standard suite uses about 8,000)";
    }

    @Override
    public List<BenchTest> tests() {
        return tests;
    }
}
