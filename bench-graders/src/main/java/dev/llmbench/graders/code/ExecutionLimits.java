package dev.llmbench.graders.code;

import dev.llmbench.core.internal.Checks;
import java.time.Duration;

/**
 * The resource limits of one sandboxed run. Immutable and thread-safe.
 *
 * @param wallClock        the wall-clock limit of the whole child process, from start to exit; when
 *                         it is exceeded the process tree is killed; 100 ms to 10 minutes
 * @param testTimeout      the default time limit of one hidden test inside the harness (a test may
 *                         declare its own); positive and at most {@code wallClock}
 * @param memoryMb         the child JVM's maximum heap ({@code -Xmx}) in MiB; 16 to 8192
 * @param outputCapBytes   the most bytes the child may write to stdout and stderr together; more
 *                         and the process tree is killed; 1 KiB to 256 MiB
 * @param fileSizeCapBytes the largest file the child may write ({@code ulimit -f}, where a POSIX
 *                         shell exists), 64 KiB to 4 GiB
 * @since 0.1
 */
public record ExecutionLimits(Duration wallClock, Duration testTimeout, int memoryMb, long outputCapBytes,
        long fileSizeCapBytes) {

    /** 10 s wall clock, 2 s per test, 256 MiB heap, 1 MiB of output, 64 MiB per file. */
    public static final ExecutionLimits DEFAULT = new ExecutionLimits(Duration.ofSeconds(10), Duration.ofSeconds(2),
            256, 1 << 20, 64L << 20);

    /** Validates the components. */
    public ExecutionLimits {
        Checks.notNull(wallClock, "wallClock");
        Checks.notNull(testTimeout, "testTimeout");
        if (wallClock.compareTo(Duration.ofMillis(100)) < 0 || wallClock.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("wallClock (" + wallClock + ") must be between 100 ms and 10 minutes");
        }
        if (testTimeout.isNegative() || testTimeout.isZero() || testTimeout.compareTo(wallClock) > 0) {
            throw new IllegalArgumentException(
                    "testTimeout (" + testTimeout + ") must be positive and at most wallClock (" + wallClock + ")");
        }
        Checks.inRange(memoryMb, 16, 8192, "memoryMb");
        if (outputCapBytes < 1024 || outputCapBytes > (256L << 20)) {
            throw new IllegalArgumentException("outputCapBytes (" + outputCapBytes + ") must be 1 KiB to 256 MiB");
        }
        if (fileSizeCapBytes < (64L << 10) || fileSizeCapBytes > (4L << 30)) {
            throw new IllegalArgumentException("fileSizeCapBytes (" + fileSizeCapBytes + ") must be 64 KiB to 4 GiB");
        }
    }

    /** A copy with another wall-clock limit (the test timeout is lowered to it if needed). */
    public ExecutionLimits withWallClock(Duration d) {
        return new ExecutionLimits(d, testTimeout.compareTo(d) > 0 ? d : testTimeout, memoryMb, outputCapBytes,
                fileSizeCapBytes);
    }

    /** A copy with another default per-test timeout. */
    public ExecutionLimits withTestTimeout(Duration d) {
        return new ExecutionLimits(wallClock, d, memoryMb, outputCapBytes, fileSizeCapBytes);
    }

    /** A copy with another heap limit in MiB. */
    public ExecutionLimits withMemoryMb(int mb) {
        return new ExecutionLimits(wallClock, testTimeout, mb, outputCapBytes, fileSizeCapBytes);
    }

    /** A copy with another output cap in bytes. */
    public ExecutionLimits withOutputCapBytes(long bytes) {
        return new ExecutionLimits(wallClock, testTimeout, memoryMb, bytes, fileSizeCapBytes);
    }

    /** A copy with another file-size cap in bytes. */
    public ExecutionLimits withFileSizeCapBytes(long bytes) {
        return new ExecutionLimits(wallClock, testTimeout, memoryMb, outputCapBytes, bytes);
    }
}
