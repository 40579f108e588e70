package dev.llmbench.graders.tools;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code tool_calls}: grades the tool calls a model made across all turns of a tool-use case, and
 * whether its final answer uses the tools' results.
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code expected} — list of expected calls in {@link ExpectedCall}'s JSON form; may be
 *       empty (then the right behaviour is to call no tool);</li>
 *   <li>{@code ordered} — whether the expected calls must come in this order (default false);</li>
 *   <li>{@code allow_extra} — whether calls beyond the expected ones are acceptable (default false);</li>
 *   <li>{@code final_mentions} — values the final answer (after an {@code Answer:} line when there
 *       is one) must contain, each a check; {@code a|b} lists alternatives.</li>
 * </ul>
 * Checks: one {@code call:NAME} per expected call; {@code known_tools_only} (no invented tool)
 * and {@code valid_arguments} (arguments are JSON objects), both only when a tool was called;
 * {@code order} when ordered; {@code no_extra_calls} unless extras are allowed; one
 * {@code mentions:VALUE} per final mention.
 *
 * <p>Public no-arg constructor, no I/O. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ToolCallsGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "tool_calls";
    private static final Set<String> KNOWN = Set.of("expected", "ordered", "allow_extra", "final_mentions");

    /** Creates the factory; does no I/O. */
    public ToolCallsGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "tool calls across turns: expected calls (normalised arguments, alternatives), order, no invented"
                + " tools, valid JSON arguments, no extra calls, final answer uses tool results"
                + " (params: expected, ordered, allow_extra, final_mentions)";
    }

    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        List<ExpectedCall> expected = new ArrayList<>();
        for (String json : config.strings("expected")) {
            try {
                expected.add(ExpectedCall.parse(json));
            } catch (IllegalArgumentException e) {
                throw new BenchConfigurationException("grader '" + ID + "': " + e.getMessage());
            }
        }
        List<String> mentions = config.strings("final_mentions");
        if (expected.isEmpty() && mentions.isEmpty() && !config.params().containsKey("expected")) {
            throw new BenchConfigurationException("grader '" + ID + "' needs parameter 'expected' (a list, possibly empty)");
        }
        return new ToolCallsGrader(expected, config.bool("ordered", false), config.bool("allow_extra", false), mentions);
    }
}
