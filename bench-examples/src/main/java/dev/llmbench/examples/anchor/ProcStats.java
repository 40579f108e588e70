package dev.llmbench.examples.anchor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A snapshot of this process's and the machine's CPU counters from Linux {@code /proc}, as
 * bench-anchor's {@code bench_client.py} takes them: the whole process's user and system time
 * ({@code /proc/self/stat} fields 14 and 15, in clock ticks of 1/{@value #TICKS_PER_SECOND} s:
 * Linux's {@code USER_HZ}) and the system-wide busy and total jiffies (first line of
 * {@code /proc/stat}; busy excludes idle and iowait). Also the process CPU time in nanoseconds from
 * the JVM ({@code CLOCK_PROCESS_CPUTIME_ID}), which is finer than the ticks. Immutable and
 * thread-safe. Off Linux every counter is -1.
 *
 * @param userTicks      process user time, in ticks, or -1
 * @param sysTicks       process system time, in ticks, or -1
 * @param busyJiffies    system-wide non-idle time, summed over CPUs, or -1
 * @param totalJiffies   system-wide total time, summed over CPUs, or -1
 * @param processCpuNanos process CPU time (user + system) in nanoseconds, or -1
 */
record ProcStats(long userTicks, long sysTicks, long busyJiffies, long totalJiffies, long processCpuNanos) {
    /** Linux's {@code USER_HZ}: {@code /proc} reports times in hundredths of a second on every architecture. */
    static final int TICKS_PER_SECOND = 100;

    /** Reads the counters now. */
    static ProcStats read() {
        long[] self = selfTimes(Path.of("/proc/self/stat"));
        long[] sys = systemTimes(Path.of("/proc/stat"));
        return new ProcStats(self[0], self[1], sys[0], sys[1], readProcessCpuNanos());
    }

    /** Process user seconds from {@code earlier} to this snapshot. */
    double userSecondsSince(ProcStats earlier) {
        return (userTicks - earlier.userTicks) / (double) TICKS_PER_SECOND;
    }

    /** Process system seconds from {@code earlier} to this snapshot. */
    double sysSecondsSince(ProcStats earlier) {
        return (sysTicks - earlier.sysTicks) / (double) TICKS_PER_SECOND;
    }

    /** The share of all CPUs' time that was busy from {@code earlier} to this snapshot, 0 to 1, or NaN. */
    double busyFractionSince(ProcStats earlier) {
        long total = totalJiffies - earlier.totalJiffies;
        if (busyJiffies < 0 || earlier.busyJiffies < 0) {
            return Double.NaN;
        }
        return (busyJiffies - earlier.busyJiffies) / (double) Math.max(1, total);
    }

    /** Process CPU seconds (JVM's nanosecond clock) from {@code earlier} to this snapshot, or NaN. */
    double cpuSecondsSince(ProcStats earlier) {
        return processCpuNanos < 0 || earlier.processCpuNanos < 0 ? Double.NaN
                : (processCpuNanos - earlier.processCpuNanos) / 1e9;
    }

    /** The peak resident set size ({@code VmHWM} of {@code /proc/self/status}) in KiB, or -1. */
    static long maxRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** User and system ticks from a {@code /proc/PID/stat} line; the name field may hold spaces and parentheses. */
    static long[] selfTimes(Path stat) {
        try {
            return parseSelf(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    static long[] parseSelf(String line) {
        String[] f = line.substring(line.lastIndexOf(')') + 2).strip().split("\\s+");
        // f[0] is field 3 (state); utime and stime are fields 14 and 15
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }

    static long[] systemTimes(Path stat) {
        try (var lines = Files.lines(stat)) {
            return parseSystem(lines.findFirst().orElseThrow());
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** Busy and total jiffies from the {@code cpu} line: busy is everything but idle (4th) and iowait (5th). */
    static long[] parseSystem(String cpuLine) {
        String[] f = cpuLine.strip().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]);
        return new long[] {busy, total};
    }

    private static long readProcessCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
