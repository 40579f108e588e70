import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * llmbench's hidden-test harness. Compiled together with the model's code and a hidden-tests class,
 * and run in a child JVM by {@code dev.llmbench.graders.code.JavaCodeRunner}.
 *
 * <p>Usage: {@code java LlmbenchHarness <TestsClass> <defaultTimeoutMs>}, with a per-run nonce as
 * the first line of standard input. The tests class has a {@code static void define(LlmbenchHarness h)}
 * method that registers tests with {@link #test}. Each test runs in its own daemon thread with a
 * timeout, in registration order. Results go to file descriptor 1 as lines
 * {@code @@LLMBENCH-<nonce> BEGIN|PASS|FAIL <name> [message]} and a final {@code END}; the model's code
 * never sees the nonce (it is read from stdin before any of its classes load), so it cannot forge them.
 */
public final class LlmbenchHarness {
    /** A test body. */
    public interface Body {
        void run() throws Throwable;
    }

    private static final int MAX_MESSAGE = 300;
    private final List<Object[]> tests = new ArrayList<>();
    private final long defaultTimeoutMs;

    private LlmbenchHarness(long defaultTimeoutMs) {
        this.defaultTimeoutMs = defaultTimeoutMs;
    }

    /** Registers a test with the default timeout. */
    public void test(String name, Body body) {
        test(name, defaultTimeoutMs, body);
    }

    /** Registers a test with its own timeout in milliseconds. */
    public void test(String name, long timeoutMs, Body body) {
        tests.add(new Object[] {name, timeoutMs, body});
    }

    /** Fails unless {@code expected} equals {@code actual} (arrays compared element by element). */
    public static void assertEquals(Object expected, Object actual) {
        if (!Objects.deepEquals(expected, actual)) {
            if (expected != null && actual != null && expected.getClass().isArray() && actual.getClass().isArray()) {
                int n = java.lang.reflect.Array.getLength(expected);
                int m = java.lang.reflect.Array.getLength(actual);
                if (n > 20 || m > 20) {
                    for (int i = 0; i < Math.min(n, m); i++) {
                        Object x = java.lang.reflect.Array.get(expected, i);
                        Object y = java.lang.reflect.Array.get(actual, i);
                        if (!Objects.deepEquals(x, y)) {
                            fail("arrays differ at index " + i + ": expected <" + show(x) + "> but was <" + show(y) + ">");
                        }
                    }
                    fail("expected an array of length " + n + " but its length was " + m);
                }
            }
            String e = show(expected);
            String a = show(actual);
            if (e.equals(a) && expected != null && actual != null) {
                e += " (" + expected.getClass().getSimpleName() + ")";
                a += " (" + actual.getClass().getSimpleName() + ")";
            }
            fail("expected <" + e + "> but was <" + a + ">");
        }
    }

    /** Fails unless {@code actual} is within {@code tolerance} of {@code expected} (NaN never is). */
    public static void assertClose(double expected, double actual, double tolerance) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail("expected <" + expected + "> ± " + tolerance + " but was <" + actual + ">");
        }
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void assertTrue(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }

    /** Fails unless {@code body} throws an instance of {@code type}. */
    public static void assertThrows(Class<? extends Throwable> type, Body body) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return;
            }
            fail("expected " + type.getName() + " but " + t.getClass().getName() + " was thrown");
        }
        fail("expected " + type.getName() + " but nothing was thrown");
    }

    /** Fails the current test. */
    public static void fail(String message) {
        throw new AssertionError(message);
    }

    private static String show(Object o) {
        if (o == null) {
            return "null";
        }
        if (o.getClass().isArray()) {
            String s = Arrays.deepToString(new Object[] {o});
            return s.substring(1, s.length() - 1);
        }
        String s = o instanceof String ? "\"" + o + "\"" : String.valueOf(o);
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    public static void main(String[] args) throws Exception {
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        String nonce = readNonce();
        Thread killer = new Thread(LlmbenchHarness::killDescendants);
        Runtime.getRuntime().addShutdownHook(killer);
        String prefix = "\n@@LLMBENCH-" + nonce + " ";
        LlmbenchHarness h = new LlmbenchHarness(Long.parseLong(args[1]));
        try {
            Method define = Class.forName(args[0]).getDeclaredMethod("define", LlmbenchHarness.class);
            define.setAccessible(true);
            define.invoke(null, h);
        } catch (Throwable t) {
            emit(out, prefix + "ERROR " + describe(t));
            Runtime.getRuntime().halt(2);
        }
        for (Object[] test : h.tests) {
            String name = (String) test[0];
            emit(out, prefix + "BEGIN " + name);
            long start = System.nanoTime();
            String failure = runOne(name, (Long) test[1], (Body) test[2]);
            long ms = (System.nanoTime() - start) / 1_000_000;
            emit(out, prefix + (failure == null ? "PASS " + name + " in " + ms + " ms" : "FAIL " + name + " " + failure));
        }
        killDescendants();
        emit(out, prefix + "END");
        Runtime.getRuntime().halt(0);
    }

    private static String runOne(String name, long timeoutMs, Body body) {
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
                result.complete(null);
            } catch (Throwable e) {
                result.complete(e);
            }
        }, "llmbench-test-" + name);
        t.setDaemon(true);
        t.start();
        try {
            Throwable e = result.get(timeoutMs, TimeUnit.MILLISECONDS);
            return e == null ? null : describe(e);
        } catch (TimeoutException e) {
            return "timed out after " + timeoutMs + " ms";
        } catch (InterruptedException | ExecutionException e) {
            return "harness error: " + e;
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t instanceof AssertionError && t.getMessage() != null ? t.getMessage() : "threw " + t;
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE - 1) + "…";
    }

    private static void emit(FileOutputStream out, String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the model's code closed standard output: its tests are reported as not run
        }
    }

    private static String readNonce() throws IOException {
        FileInputStream in = new FileInputStream(FileDescriptor.in);
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            sb.append((char) c);
        }
        return sb.toString().strip();
    }

    private static void killDescendants() {
        try {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (RuntimeException e) {
            // best effort; the grader kills the tree as well
        }
    }
}
