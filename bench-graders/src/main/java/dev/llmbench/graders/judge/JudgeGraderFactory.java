package dev.llmbench.graders.judge;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code judge}: grades a response against a rubric by asking a judge model — any provider, named
 * by a model spec such as {@code openrouter:openai/gpt-4o-mini} or {@code ollama:qwen3:8b} — for a
 * JSON verdict that follows a schema: one {@code {name, passed, reason}} per criterion. Each
 * criterion is one check; the judge's reason is the check's {@code actual}.
 *
 * <p>Parameters: {@code model} (the judge's spec, required), {@code criteria} (list of criteria,
 * each a sentence the answer must satisfy, required), {@code rubric} (extra instructions,
 * optional), {@code timeout} (per judge request, default 120s). An unparseable verdict is retried
 * once; a second failure, or a failed judge request, is a grader error (recorded as the trial's
 * {@code internal} error), never a silent zero.
 *
 * <p>The judge reaches its model only through the core SPI: the provider is found with
 * {@link ServiceLoader} by the spec's prefix and created once per grader. Public no-arg
 * constructor, no I/O. Thread-safe.
 *
 * @since 0.1
 */
public final class JudgeGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "judge";
    private static final Set<String> KNOWN = Set.of("model", "criteria", "rubric", "timeout");

    private final Function<String, Provider> providers;

    /** Creates the factory; does no I/O. */
    public JudgeGraderFactory() {
        this(JudgeGraderFactory::discover);
    }

    /** A factory that creates judge providers with {@code providers} (spec → provider). */
    JudgeGraderFactory(Function<String, Provider> providers) {
        this.providers = providers;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "LLM-as-judge rubric: one check per criterion from a judge model's JSON verdict"
                + " (params: model, criteria, rubric, timeout)";
    }

    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        String model = config.string("model");
        List<String> criteria = config.strings("criteria");
        if (criteria.isEmpty()) {
            throw new BenchConfigurationException("grader '" + ID + "' needs parameter 'criteria' (a list)");
        }
        Duration timeout = config.optString("timeout").map(t -> {
            try {
                return dev.llmbench.core.internal.Durations.parse(t);
            } catch (IllegalArgumentException e) {
                throw new BenchConfigurationException("grader '" + ID + "': timeout: " + e.getMessage());
            }
        }).orElse(Duration.ofSeconds(120));
        return new JudgeGrader(model, providers.apply(model), criteria, config.optString("rubric").orElse(""), timeout);
    }

    /** Creates the judge provider for {@code spec} through {@link ServiceLoader}. */
    private static Provider discover(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new BenchConfigurationException("grader '" + ID + "': model \"" + spec
                    + "\" must be provider:model, e.g. openrouter:openai/gpt-4o-mini");
        }
        String id = spec.substring(0, colon);
        for (ProviderFactory f : ServiceLoader.load(ProviderFactory.class)) {
            if (f.id().equals(id)) {
                return f.create(ProviderConfig.of(spec.substring(colon + 1)));
            }
        }
        throw new BenchConfigurationException("grader '" + ID + "': no provider '" + id + "' on the class path");
    }
}
