package dev.llmbench.graders.code;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs one sandboxed child process: a scrubbed environment, a working directory, an output cap, a
 * wall-clock limit, and the whole process tree killed at the end. Language-neutral, so runners for
 * other languages can reuse it.
 *
 * <p>What is isolated and what is not:
 * <ul>
 *   <li>Environment: cleared, then only {@link #environment(Path)} — no API keys, no
 *       {@code JAVA_TOOL_OPTIONS}, nothing inherited.
 *   <li>Time and output: the tree is killed when the wall clock or the output cap is exceeded;
 *       output is read with bounded memory.
 *   <li>Processes: where {@code setsid} exists (Linux) the child starts a new session, and on Linux
 *       every process of that session is killed at the end, even those that were re-parented
 *       (daemonised); elsewhere the descendants seen while it ran are killed. A process that starts
 *       its own session escapes that sweep. There is no limit on the number of processes
 *       ({@code RLIMIT_NPROC} counts all processes of the user, so no safe value exists).
 *   <li>Files: where {@code /bin/sh} exists, {@code ulimit -f} caps the size of any file written and
 *       {@code ulimit -c 0} disables core dumps. The working directory and temp directory are the
 *       sandbox, but there is <em>no filesystem jail</em>: the child can read every file its user
 *       can read, and write wherever its user may write (everywhere, when run as root).
 *   <li>Network: <em>not isolated</em> (no network namespace without privileges).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class ChildProcess {
    /** Bytes of stderr kept. */
    static final int STDERR_KEEP = 16 * 1024;
    private static final long POLL_MS = 50;

    private ChildProcess() {}

    /** What a child run produced. */
    record Outcome(int exitCode, boolean timedOut, boolean outputLimitExceeded, String stdout, String stderr,
            List<String> markedLines, Duration elapsed) {}

    /** The environment a sandboxed child gets: a minimal PATH, a UTF-8 locale, and HOME/TMPDIR in the sandbox. */
    static Map<String, String> environment(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        if (isWindows()) {
            String root = System.getenv("SystemRoot");
            if (root != null) {
                env.put("SystemRoot", root);
                env.put("PATH", root + "\\System32");
            }
            env.put("TEMP", home.toString());
            env.put("TMP", home.toString());
        } else {
            env.put("PATH", "/usr/bin:/bin");
            env.put("LANG", "C.UTF-8");
            env.put("TMPDIR", home.toString());
        }
        env.put("HOME", home.toString());
        return env;
    }

    /**
     * Runs {@code command} in {@code workDir} with {@link #environment(Path)}, writes {@code stdin} and
     * closes it, and waits until the process exits, the wall clock runs out, or the output cap is
     * exceeded. Always kills what is left of the process tree before returning.
     *
     * @param marker     when non-null, stdout lines containing it are returned (the text after it)
     * @param stdoutKeep how many bytes of stdout to keep (at most the output cap is ever kept)
     */
    static Outcome run(List<String> command, Path workDir, byte[] stdin, ExecutionLimits limits, String marker,
            int stdoutKeep) {
        ProcessBuilder pb = new ProcessBuilder(wrap(command, limits)).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment(workDir));
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Set<ProcessHandle> seen = Collections.synchronizedSet(new HashSet<>());
        AtomicBoolean overflow = new AtomicBoolean();
        AtomicLong total = new AtomicLong();
        List<String> marked = Collections.synchronizedList(new ArrayList<>());
        Runnable onOverflow = () -> overflow.set(true);
        int keep = (int) Math.min(stdoutKeep, limits.outputCapBytes());
        OutputCollector out = new OutputCollector(p.getInputStream(), total, limits.outputCapBytes(), keep, marker,
                marked, onOverflow);
        OutputCollector err = new OutputCollector(p.getErrorStream(), total, limits.outputCapBytes(), STDERR_KEEP,
                null, marked, onOverflow);
        Thread outThread = daemon(out, "llmbench-sandbox-stdout");
        Thread errThread = daemon(err, "llmbench-sandbox-stderr");
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the child exited before reading its input; its exit is reported below
        }
        long deadline = start + limits.wallClock().toNanos();
        boolean timedOut = false;
        try {
            while (!p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(seen::add);
                if (overflow.get()) {
                    break;
                }
                if (System.nanoTime() - deadline >= 0) {
                    timedOut = true;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            killTree(p.toHandle(), seen);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int exit = exitCode(p);
        join(outThread, p);
        join(errThread, p);
        boolean killedForOutput = overflow.get() && !timedOut;
        return new Outcome(timedOut || killedForOutput ? -1 : exit, timedOut, killedForOutput, out.text(),
                err.text(), List.copyOf(marked), elapsed);
    }

    /**
     * Kills {@code root}, every descendant that exists now or was {@code seen} earlier, and (on Linux,
     * when the child leads its own session) every process left in its session.
     *
     * @return how many processes were still alive and were sent a kill
     */
    static int killTree(ProcessHandle root, Set<ProcessHandle> seen) {
        List<ProcessHandle> victims = new ArrayList<>();
        if (root.isAlive()) {
            root.descendants().forEach(victims::add);
            victims.add(root);
        }
        synchronized (seen) {
            victims.addAll(seen);
        }
        int killed = 0;
        for (int round = 0; round < 5; round++) {
            for (ProcessHandle h : victims) {
                if (h.isAlive() && h.destroyForcibly()) {
                    killed++;
                }
            }
            victims = new ArrayList<>(sessionMembers(root.pid()));
            if (victims.isEmpty()) {
                break;
            }
        }
        return killed;
    }

    /** Live processes (other than this JVM) whose session id is {@code sid}; empty off Linux. */
    static List<ProcessHandle> sessionMembers(long sid) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(proc)) {
            dirs.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong).filter(pid -> pid != self && sessionOf(pid) == sid)
                    .forEach(pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(found::add));
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
        return found;
    }

    /** The session id of {@code pid} from {@code /proc/<pid>/stat}, or -1. */
    static long sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[3]); // state ppid pgrp session
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Prefixes {@code command} with a shell that sets rlimits and, where available, {@code setsid}. */
    private static List<String> wrap(List<String> command, ExecutionLimits limits) {
        if (isWindows() || !Files.isExecutable(Path.of("/bin/sh"))) {
            return command;
        }
        long blocks = Math.max(1, limits.fileSizeCapBytes() / 512);
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c",
                "unset PWD OLDPWD; ulimit -c 0 2>/dev/null; ulimit -f " + blocks + " 2>/dev/null; exec \"$@\"", "llmbench-sandbox"));
        setsid().ifPresent(wrapped::add);
        wrapped.addAll(command);
        return wrapped;
    }

    private static java.util.Optional<String> setsid() {
        return Stream.of("/usr/bin/setsid", "/bin/setsid").filter(s -> Files.isExecutable(Path.of(s))).findFirst();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int exitCode(Process p) {
        try {
            return p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits for a reader; if something still holds the pipe open, closes it so the reader ends. */
    private static void join(Thread reader, Process p) {
        try {
            reader.join(2000);
            if (reader.isAlive()) {
                p.getInputStream().close();
                p.getErrorStream().close();
                reader.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing a pipe we no longer need
        }
    }
}
