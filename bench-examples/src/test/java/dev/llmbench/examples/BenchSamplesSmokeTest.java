package dev.llmbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every numbered sample's {@code main} in-process and offline (every {@code llmbench.*}
 * system property cleared, so each sample uses its own {@code sim} default), and checks that it
 * finishes and prints what its narrative promises. Samples are found by their class-file names, so
 * a new sample is run without being listed here, and fails until its promise is added below.
 */
class BenchSamplesSmokeTest {
    /** How many samples exist; raise it (and add a promise) when you add one. */
    private static final int SAMPLE_COUNT = 13;
    private static final Pattern SAMPLE = Pattern.compile("(BenchSample_(\\d{2})_[A-Za-z0-9]+)\\.class");

    /** Phrases each sample's output must contain, by sample number. */
    private static final Map<String, List<String>> PROMISES = Map.ofEntries(
            Map.entry("01", List.of("time to first token", "total latency", "Name three prime numbers")),
            Map.entry("02", List.of("warmup  #1", "measured requests    9 (warmup requests are not in the results)",
                    "cold start", "pass@3")),
            Map.entry("03", List.of("itemised checks", "the model's answer: score 1.00, passed", "stops halfway: score",
                    "FAILED")),
            Map.entry("04", List.of("<- first token (TTFT)", "inter-token latency", "Completed")),
            Map.entry("05", List.of("concurrency  requests", "requests/s", "per-request latency stays flat")),
            Map.entry("06", List.of("verdict: sim:oracle", "overall (")),
            Map.entry("07", List.of("result.json", "read back from result.json", "TTFT percentile distribution")),
            Map.entry("08", List.of("on the chatty answer: score 0.00", "FAIL absent:as an ai", "trial 1: score 1.00")),
            Map.entry("09", List.of("parrot:5ms: score 1.00", "inter-token latency p50")),
            Map.entry("10", List.of("calibration ok", "unit_conversion", "incident_json")),
            Map.entry("11", List.of("reliability", "failed check", "ERROR ", "model sim:echo")),
            Map.entry("12", List.of("judge keyword-judge:v1 on the model's answer: score 1.00",
                    "on a wrong answer: score 0.00")),
            Map.entry("13", List.of("llmbench.score", "llmbench.ttft.p50", "llmbench.trials")));

    @Test
    void findsEveryNumberedSampleWithAPromise() throws Exception {
        List<String> names = sampleNames().toList();

        assertThat(names).as("numbered samples in dev.llmbench.examples").hasSize(SAMPLE_COUNT);
        assertThat(names.stream().map(BenchSamplesSmokeTest::number).toList())
                .as("samples are numbered 01..%d without gaps", SAMPLE_COUNT)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, SAMPLE_COUNT).mapToObj(i -> String.format("%02d", i)).toList());
        assertThat(PROMISES.keySet()).as("every sample has its key phrases listed in PROMISES")
                .containsExactlyInAnyOrderElementsOf(names.stream().map(BenchSamplesSmokeTest::number).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleNames")
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
    void runsOfflineAndPrintsWhatItPromises(String name) throws Exception {
        Method main = Class.forName("dev.llmbench.examples." + name).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers())).isTrue();

        String output = runCapturingStdout(main);

        assertThat(output).as("output of %s", name).contains(PROMISES.get(number(name)));
    }

    /** The samples' simple class names, sorted, from the directory their classes were compiled to. */
    static Stream<String> sampleNames() throws IOException, URISyntaxException {
        Path root = Path.of(
                BenchSample_01_HelloProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve("dev/llmbench/examples");
        assertThat(dir).as("samples are discovered from a classes directory, not a jar").isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> SAMPLE.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1)).sorted().toList().stream();
        }
    }

    private static String number(String sampleName) {
        return sampleName.substring("BenchSample_".length(), "BenchSample_".length() + 2);
    }

    /**
     * Runs {@code main} with every {@code llmbench.*} system property cleared (restored after), and
     * returns what it printed; the output is also passed through to the real standard output.
     */
    private static String runCapturingStdout(Method main) throws Exception {
        Properties saved = (Properties) System.getProperties().clone();
        saved.stringPropertyNames().stream().filter(k -> k.startsWith("llmbench.")).forEach(System::clearProperty);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(captured, original), true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            System.out.flush();
            System.setOut(original);
            System.setProperties(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
