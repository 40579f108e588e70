package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import java.util.List;

/**
 * One case of a test: the request to send, the graders that judge the answer, and calibration
 * responses. Immutable and thread-safe.
 *
 * @param id          unique within its test, lowercase; never blank
 * @param request     the request to send; never null
 * @param graders     the graders to apply, at least one; their checks are pooled into one grade
 * @param calibration known passing and failing responses (for tool loops: {@link Transcript}s);
 *                    never null
 * @param toolLoop    the tool handlers the runner plays for a tool-use case, or {@link ToolLoop#NONE}
 * @since 0.1
 */
public record TestCase(String id, ChatRequest request, List<GraderConfig> graders, Calibration calibration,
        ToolLoop toolLoop) {
    /** A single-turn case (no tool loop). */
    public TestCase(String id, ChatRequest request, List<GraderConfig> graders, Calibration calibration) {
        this(id, request, graders, calibration, ToolLoop.NONE);
    }

    /** Validates the components and copies the list. */
    public TestCase {
        Checks.id(id, "id");
        Checks.notNull(request, "request");
        graders = List.copyOf(Checks.notNull(graders, "graders"));
        if (graders.isEmpty()) {
            throw new IllegalArgumentException("case '" + id + "' needs at least one grader");
        }
        Checks.notNull(calibration, "calibration");
        Checks.notNull(toolLoop, "toolLoop");
        if (toolLoop.active()) {
            for (var tool : request.tools()) {
                if (!toolLoop.handlers().containsKey(tool.name())) {
                    throw new IllegalArgumentException("case '" + id + "' offers tool '" + tool.name() + "' without a handler");
                }
            }
        }
    }
}
