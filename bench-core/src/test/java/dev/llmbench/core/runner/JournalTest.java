package dev.llmbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.UsageSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    static TrialRecord trial(int i, boolean failed) {
        RequestTiming timing = new RequestTiming(1_000, 2_000, RequestTiming.ABSENT, 9_000, List.of(3_000L, 4_000L),
                3, UsageSource.COUNTED);
        return new TrialRecord("sim:oracle", "t", "c", i, Instant.parse("2026-11-28T10:00:00Z"), failed ? 0 : 0.5,
                false, failed ? List.of() : List.of(new Check("a", true, 1, "x", "x"), Check.of("b", false, "y", "\"z\"\n")),
                "héllo \"world\"\n", "", failed ? "" : "stop", timing, failed ? -1 : 12, -1,
                failed ? Optional.of(new ProviderError(ErrorClass.RATE_LIMITED, "slow down", 429, 2000)) : Optional.empty(),
                List.of());
    }

    @Test
    void roundTripsTrialsLosslessly() {
        try (Journal j = Journal.open(dir)) {
            j.appendSession(Instant.parse("2026-11-28T09:59:59Z"));
            j.appendTrial(trial(0, false));
            j.appendTrial(trial(1, true));
            j.appendWarmup("sim:oracle", 0, OptionalDouble.of(812.5), null);
        }
        try (Journal j = Journal.open(dir)) {
            assertThat(j.trials()).containsExactly(trial(0, false), trial(1, true));
            assertThat(j.coldStartMs("sim:oracle")).hasValue(812.5);
            assertThat(j.tornLineDropped()).isFalse();
        }
    }

    @Test
    void dropsATornLastLineAndCutsItFromTheFile() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.appendTrial(trial(0, false));
            j.appendTrial(trial(1, false));
        }
        Path file = dir.resolve(Journal.FILE_NAME);
        String whole = Files.readString(file);
        Files.writeString(file, "{\"type\":\"trial\",\"model\":\"sim:or", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(dir)) {
            assertThat(j.tornLineDropped()).isTrue();
            assertThat(j.trials()).hasSize(2);
            j.appendTrial(trial(2, false));
        }
        assertThat(Files.readString(file)).startsWith(whole);
        try (Journal j = Journal.open(dir)) {
            assertThat(j.trials()).hasSize(3);
            assertThat(j.tornLineDropped()).isFalse();
        }
    }

    @Test
    void refusesACorruptLineInTheMiddleNamingIt() throws Exception {
        Path file = dir.resolve(Journal.FILE_NAME);
        try (Journal j = Journal.open(dir)) {
            j.appendTrial(trial(0, false));
        }
        String good = Files.readString(file);
        Files.writeString(file, good + "not json\n" + good.replace("\"trial\":0", "\"trial\":1"));
        assertThatThrownBy(() -> Journal.open(dir)).isInstanceOf(BenchRunException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void keepsTheFirstRecordOfAKey() {
        try (Journal j = Journal.open(dir)) {
            assertThat(j.appendTrial(trial(0, false))).isTrue();
            assertThat(j.appendTrial(trial(0, true))).isFalse();
        }
        try (Journal j = Journal.open(dir)) {
            assertThat(j.trials()).containsExactly(trial(0, false));
        }
    }
}
