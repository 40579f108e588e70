package dev.llmbench.graders.code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the harness's nonce-prefixed lines ({@code BEGIN name}, {@code PASS name},
 * {@code FAIL name message}, {@code ERROR message}, {@code END}) and the child's fate into an
 * {@link ExecutionResult}. The first report of a test wins. Stateless and thread-safe.
 */
final class HarnessProtocol {
    private HarnessProtocol() {}

    static ExecutionResult parse(ChildProcess.Outcome o) {
        Map<String, TestResult> results = new LinkedHashMap<>();
        String running = null;
        String harnessError = null;
        boolean ended = false;
        for (String line : o.markedLines()) {
            String[] parts = line.split(" ", 3);
            String kind = parts[0];
            String name = parts.length > 1 ? parts[1] : "";
            switch (kind) {
                case "BEGIN" -> running = name;
                case "PASS", "FAIL" -> {
                    if (!name.isEmpty()) {
                        results.putIfAbsent(name, new TestResult(name, kind.equals("PASS"),
                                parts.length > 2 ? parts[2] : kind.equals("PASS") ? "" : "failed"));
                    }
                    if (name.equals(running)) {
                        running = null;
                    }
                }
                case "ERROR" -> harnessError = line.substring(kind.length()).strip();
                case "END" -> ended = true;
                default -> {
                    // not a harness line
                }
            }
        }
        ExecutionResult.Termination t = o.timedOut() ? ExecutionResult.Termination.TIMED_OUT
                : o.outputLimitExceeded() ? ExecutionResult.Termination.OUTPUT_LIMIT
                : ended ? ExecutionResult.Termination.COMPLETED
                : ExecutionResult.Termination.EXITED;
        return new ExecutionResult(t, List.of(), new ArrayList<>(results.values()), Optional.ofNullable(running),
                Optional.ofNullable(harnessError), o.exitCode(), o.stdout(), o.stderr(), o.elapsed());
    }
}
