package dev.llmbench.graders;

import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import java.util.List;

/** Shared helpers for grader tests. */
public final class GraderTesting {
    private GraderTesting() {}

    /** Creates a grader from {@code factory} and {@code config} and grades {@code text} with it. */
    public static Grade grade(GraderFactory factory, GraderConfig config, String text) {
        TestCase testCase = new TestCase("case", ChatRequest.ofUser("question"), List.of(config), Calibration.NONE);
        return factory.create(config).grade(new GradingInput("test", testCase, ChatResponse.ofText(text)));
    }
}
