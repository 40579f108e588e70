package dev.llmbench.graders.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small process-wide LRU cache of sandbox results keyed by a SHA-256 of everything that determines
 * them (sources, tests, limits, language), so the same response is not compiled and run twice (for
 * example by repeated trials at temperature 0, or by calibration): the same response gets the same
 * grade. A run killed by its wall-clock limit is not cached (it may have been the machine's load);
 * a single hidden test that timed out is, since the suite's per-test limits leave wide margins.
 * Thread-safe.
 */
final class ResultCache {
    private static final int CAPACITY = 128;
    private static final Map<String, ExecutionResult> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ExecutionResult> eldest) {
            return size() > CAPACITY;
        }
    };

    private ResultCache() {}

    static String key(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                byte[] b = String.valueOf(p).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static synchronized Optional<ExecutionResult> get(String key) {
        return Optional.ofNullable(CACHE.get(key));
    }

    static void put(String key, ExecutionResult result) {
        if (result.termination() != ExecutionResult.Termination.TIMED_OUT) {
            synchronized (ResultCache.class) {
                CACHE.put(key, result);
            }
        }
    }
}
