package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.runner.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    @Test
    void formatsDoneTotalErrorsElapsedAndEta() {
        Progress p = new Progress(12, 45, 1, Duration.ofSeconds(7), Optional.of(Duration.ofSeconds(79)));
        assertThat(ProgressPrinter.line(p)).isEqualTo("[12/45] errors 1 · elapsed 0:07 · ETA 1:19");
        assertThat(ProgressPrinter.line(new Progress(0, 3, 0, Duration.ZERO, Optional.empty())))
                .endsWith("ETA -:--");
    }

    @Test
    void printsAtMostEveryTwoSecondsPlusTheEndWithoutATerminal() {
        ProgressPrinter printer = printer(false);
        trial(printer, 1, 10);           // first: printed
        now.addAndGet(500_000_000L);
        trial(printer, 2, 10);           // 0.5 s later: held back
        now.addAndGet(2_000_000_000L);
        trial(printer, 3, 10);           // 2.5 s after the last line: printed
        trial(printer, 4, 10);           // held back
        printer.finish();                // the held-back state is printed at the end
        assertThat(text.toString().lines().toList()).containsExactly(
                "[1/10] errors 0 · elapsed 0:01 · ETA 0:09",
                "[3/10] errors 0 · elapsed 0:01 · ETA 0:09",
                "[4/10] errors 0 · elapsed 0:01 · ETA 0:09");
    }

    @Test
    void redrawsInPlaceOnATerminal() {
        ProgressPrinter printer = printer(true);
        trial(printer, 1, 2);
        trial(printer, 2, 2);
        assertThat(text.toString()).startsWith("\r[1/2]").contains("\r[2/2]").endsWith(System.lineSeparator());
        assertThat(text.toString().chars().filter(c -> c == '\n').count()).as("one line, redrawn").isEqualTo(1);
    }

    @Test
    void showsWarmupLatencyAndTheColdStart() {
        ProgressPrinter printer = printer(false);
        printer.warmupFinished("sim:oracle", 0, OptionalDouble.of(812.4), Optional.empty());
        printer.warmupFinished("sim:oracle", 1, OptionalDouble.of(90.0), Optional.empty());
        assertThat(text.toString().lines().toList())
                .containsExactly("warmup 1/2: 812 ms (cold start)", "warmup 2/2: 90 ms");
    }

    private ProgressPrinter printer(boolean interactive) {
        return new ProgressPrinter(new PrintWriter(text, true), interactive, now::get, 2, 1);
    }

    private static void trial(ProgressPrinter printer, long done, long total) {
        printer.trialFinished(null,
                new Progress(done, total, 0, Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(9))));
    }
}
