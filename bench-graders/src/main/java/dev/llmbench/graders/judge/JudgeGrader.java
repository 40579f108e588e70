package dev.llmbench.graders.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderException;
import dev.llmbench.graders.internal.Params;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code judge} grader; see {@link JudgeGraderFactory}. Thread-safe (the provider is).
 */
final class JudgeGrader implements Grader {
    /** The verdict schema sent with each judge request. */
    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"criteria\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"passed\":{\"type\":\"boolean\"},"
            + "\"reason\":{\"type\":\"string\"}},\"required\":[\"name\",\"passed\",\"reason\"],"
            + "\"additionalProperties\":false}}},\"required\":[\"criteria\"],\"additionalProperties\":false}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String model;
    private final Provider provider;
    private final List<String> criteria;
    private final String rubric;
    private final Duration timeout;

    JudgeGrader(String model, Provider provider, List<String> criteria, String rubric, Duration timeout) {
        this.model = model;
        this.provider = provider;
        this.criteria = List.copyOf(criteria);
        this.rubric = rubric;
        this.timeout = timeout;
    }

    @Override
    public Grade grade(GradingInput input) {
        ChatRequest request = request(input);
        String problem = "";
        for (int attempt = 1; attempt <= 2; attempt++) {
            ChatResponse verdict;
            try {
                verdict = provider.chat(request);
            } catch (ProviderException e) {
                throw new IllegalStateException("judge " + model + " failed: " + e.getMessage(), e);
            }
            Optional<List<Check>> checks = parse(verdict.text());
            if (checks.isPresent()) {
                return Grade.allOf(checks.get());
            }
            problem = Params.clip(verdict.text(), 200);
        }
        throw new IllegalStateException("judge " + model + " gave no usable verdict after a retry; last output: " + problem);
    }

    private ChatRequest request(GradingInput input) {
        StringBuilder prompt = new StringBuilder("You are grading an answer. For each criterion, decide strictly"
                + " whether the answer satisfies it, and give a one-sentence reason.\n\n");
        if (!rubric.isBlank()) {
            prompt.append("Instructions: ").append(rubric).append("\n\n");
        }
        prompt.append("Question:\n").append(input.testCase().request().lastUserText()).append("\n\nAnswer:\n")
                .append(input.text()).append("\n\nCriteria (use these exact names):\n");
        for (int i = 0; i < criteria.size(); i++) {
            prompt.append(i + 1).append(". ").append(criteria.get(i)).append('\n');
        }
        prompt.append("\nReply with JSON only: {\"criteria\":[{\"name\":...,\"passed\":true|false,\"reason\":...}]}.");
        return ChatRequest.builder().user(prompt.toString())
                .responseFormat(new ResponseFormat.JsonSchema("verdict", SCHEMA, true))
                .sampling(Sampling.DEFAULT.withTemperature(0)).build();
    }

    /** The checks of a verdict, or empty when it is not a complete verdict for every criterion. */
    Optional<List<Check>> parse(String text) {
        String s = text.strip();
        if (s.startsWith("```")) {
            s = s.replaceAll("^```[a-zA-Z]*\\s*", "").replaceAll("\\s*```$", "");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(s);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.path("criteria").isArray()) {
            return Optional.empty();
        }
        List<Check> checks = new ArrayList<>();
        for (String criterion : criteria) {
            JsonNode match = null;
            for (JsonNode c : root.get("criteria")) {
                if (norm(c.path("name").asText()).equals(norm(criterion)) && c.path("passed").isBoolean()) {
                    match = c;
                    break;
                }
            }
            if (match == null) {
                return Optional.empty();
            }
            checks.add(Check.of("judge:" + Params.clip(criterion, 40), match.get("passed").asBoolean(), criterion,
                    Params.clip(match.path("reason").asText(""), 200)));
        }
        return Optional.of(checks);
    }

    private static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ").replaceAll("[.]$", "").toLowerCase(Locale.ROOT);
    }
}
