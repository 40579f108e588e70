package dev.llmbench.providers.testing;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import java.util.List;

/**
 * Grader {@code contains} for provider tests that run whole suites: one check per required word
 * (parameter {@code words}), passed when the response contains it. Stateless and thread-safe.
 */
public final class ContainsGrader implements GraderFactory {
    @Override
    public String id() {
        return "contains";
    }

    @Override
    public String description() {
        return "requires words";
    }

    @Override
    public Grader create(GraderConfig config) {
        List<String> words = config.strings("words");
        return input -> Grade.allOf(words.stream()
                .map(w -> Check.of("has_" + w, input.text().contains(w), w, input.text())).toList());
    }
}
