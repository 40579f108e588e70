package dev.llmbench.testkit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reading of this process's CPU time: the precise total from {@code getProcessCpuTime()}
 * ({@code CLOCK_PROCESS_CPUTIME_ID}), and the user/system clock ticks of {@code /proc/self/stat}
 * (Linux, 10 ms ticks) used only to split a difference of totals into user and system time. JIT,
 * GC and every thread are included. Immutable and thread-safe. Not API.
 *
 * @param totalNanos process CPU time, nanoseconds; -1 when the JVM cannot tell
 * @param userTicks user-mode clock ticks, 0 when {@code /proc} is unavailable
 * @param sysTicks kernel-mode clock ticks, 0 when {@code /proc} is unavailable
 */
record ProcessCpu(long totalNanos, long userTicks, long sysTicks) {

    private static final Path STAT = Path.of("/proc/self/stat");

    static ProcessCpu now() {
        long total = -1;
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            total = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        long[] ticks = ticks();
        return new ProcessCpu(total, ticks[0], ticks[1]);
    }

    /** @return {user seconds, system seconds} spent since {@code earlier}; all user when the split is unknown */
    double[] secondsSince(ProcessCpu earlier) {
        double total = Math.max(0, totalNanos - earlier.totalNanos) / 1e9;
        long user = userTicks - earlier.userTicks;
        long sys = sysTicks - earlier.sysTicks;
        if (user + sys <= 0) {
            return new double[] {total, 0};
        }
        double userShare = (double) user / (user + sys);
        return new double[] {total * userShare, total * (1 - userShare)};
    }

    /** Fields 14 and 15 of {@code /proc/self/stat}, counted after the parenthesised command name. */
    private static long[] ticks() {
        try {
            String stat = new String(Files.readAllBytes(STAT), StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
