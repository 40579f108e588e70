package dev.llmbench.graders.tools;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import dev.llmbench.graders.text.AnswerLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code tool_calls} grader; see {@link ToolCallsGraderFactory}. Expected calls and mentions of
 * tool results weigh {@value #CORE_WEIGHT}, the hygiene checks 1; {@code known_tools_only} and
 * {@code valid_arguments} are left out when no tool was called (nothing to judge). Immutable and
 * thread-safe.
 */
final class ToolCallsGrader implements Grader {
    /** Weight of the checks that carry the task (expected calls, use of results); hygiene checks weigh 1. */
    static final double CORE_WEIGHT = 2.0;

    private final List<ExpectedCall> expected;
    private final boolean ordered;
    private final boolean allowExtra;
    private final List<String> mentions;

    ToolCallsGrader(List<ExpectedCall> expected, boolean ordered, boolean allowExtra, List<String> mentions) {
        this.expected = List.copyOf(expected);
        this.ordered = ordered;
        this.allowExtra = allowExtra;
        this.mentions = List.copyOf(mentions);
    }

    @Override
    public Grade grade(GradingInput input) {
        List<ToolCall> calls = input.toolCalls();
        List<Check> checks = new ArrayList<>();
        boolean[] used = new boolean[calls.size()];
        List<Integer> matchedAt = new ArrayList<>();
        for (ExpectedCall e : expected) {
            int found = -1;
            for (int i = 0; i < calls.size(); i++) {
                if (!used[i] && e.matches(calls.get(i))) {
                    found = i;
                    break;
                }
            }
            if (found >= 0) {
                used[found] = true;
                matchedAt.add(found);
            }
            checks.add(new Check("call:" + e.name(), found >= 0, CORE_WEIGHT, e.describe(),
                    found >= 0 ? "called: " + describe(calls.get(found)) : closest(e, calls)));
        }
        Set<String> offered = input.testCase().request().tools().stream().map(ToolDefinition::name)
                .collect(Collectors.toSet());
        List<String> invented = calls.stream().map(ToolCall::name).filter(n -> !offered.contains(n)).distinct().toList();
        if (!calls.isEmpty()) { // with no call at all these two have nothing to judge
            checks.add(Check.of("known_tools_only", invented.isEmpty(), "only " + offered,
                    invented.isEmpty() ? calls.size() + " calls, all to offered tools" : "invented: " + invented));
            List<String> invalid = calls.stream().filter(c -> ExpectedCall.arguments(c).isEmpty())
                    .map(c -> c.name() + "(" + Params.clip(c.argumentsJson(), 40) + ")").toList();
            checks.add(Check.of("valid_arguments", invalid.isEmpty(), "arguments are JSON objects",
                    invalid.isEmpty() ? "all valid" : "not a JSON object: " + invalid));
        }
        if (ordered && expected.size() > 1) {
            boolean inOrder = matchedAt.size() == expected.size();
            for (int i = 1; inOrder && i < matchedAt.size(); i++) {
                inOrder = matchedAt.get(i) > matchedAt.get(i - 1);
            }
            checks.add(Check.of("order", inOrder, expected.stream().map(ExpectedCall::name).toList().toString(),
                    calls.stream().map(ToolCall::name).toList().toString()));
        }
        if (!allowExtra) {
            List<String> extra = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                if (!used[i]) {
                    extra.add(describe(calls.get(i)));
                }
            }
            checks.add(Check.of("no_extra_calls", extra.isEmpty(),
                    expected.isEmpty() ? "no tool call" : expected.size() + " calls", extra.isEmpty() ? "none extra"
                            : "extra: " + Params.clip(String.join("; ", extra), 200)));
        }
        String answer = finalAnswer(input.text());
        for (String m : mentions) {
            boolean present = false;
            for (String alt : m.split("\\|")) {
                present |= !alt.isBlank() && ExpectedCall.normalise(answer).contains(ExpectedCall.normalise(alt));
            }
            checks.add(new Check("mentions:" + m.split("\\|")[0], present, CORE_WEIGHT, "final answer mentions " + m,
                    answer.isBlank() ? "no final answer" : Params.clip(answer, 120)));
        }
        return Grade.allOf(checks);
    }

    /** The text after the last {@code Answer:} line, or the whole final text when there is none. */
    private static String finalAnswer(String text) {
        return AnswerLine.findLast(text).map(a -> text.substring(a.offset())).orElse(text);
    }

    private static String describe(ToolCall c) {
        return c.name() + Params.clip(c.argumentsJson(), 80);
    }

    private static String closest(ExpectedCall e, List<ToolCall> calls) {
        List<String> same = calls.stream().filter(c -> c.name().equals(e.name())).map(ToolCallsGrader::describe).toList();
        if (!same.isEmpty()) {
            return "wrong arguments: " + Params.clip(String.join("; ", same), 160);
        }
        return calls.isEmpty() ? "no tool was called" : "not called (calls: "
                + calls.stream().map(ToolCall::name).toList() + ")";
    }
}
