package dev.llmbench.core.results.format;

import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunResult;
import java.util.Map;

/** Variants of a run for tests. */
final class HostileRunWithout {
    private HostileRunWithout() {}

    /** The run with every histogram removed, and the first model's TTFT one replaced by garbage. */
    static RunResult histograms(RunResult r) {
        return new RunResult(r.run(), r.models().stream().map(m -> {
            ModelSummary s = m.summary();
            Map<String, String> h = m == r.models().get(0) ? Map.of("ttft", "bm90IGEgaGlzdG9ncmFt") : Map.of();
            return new ModelResult(m.model(), m.provider(), new ModelSummary(s.quality(), s.qualityCi95(),
                    s.testsPassed(), s.testsTotal(), s.requests(), s.errors(), s.errorsByClass(), s.reliability(),
                    s.reliabilityCi95(), s.ttftMs(), s.latencyMs(), s.itlMs(), s.decodeTps(), s.outputTokens(),
                    s.costUsd(), s.coldStartMs(), h, s.meanLatencyMs(), s.smfOverall()), m.tests());
        }).toList());
    }
}
