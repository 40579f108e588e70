package dev.llmbench.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        ArrivalSchedule a = ArrivalSchedule.poisson(50, Duration.ofSeconds(10), 7);
        ArrivalSchedule b = ArrivalSchedule.poisson(50, Duration.ofSeconds(10), 7);
        ArrivalSchedule c = ArrivalSchedule.poisson(50, Duration.ofSeconds(10), 8);
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.offsetNanos(i)).isEqualTo(b.offsetNanos(i));
        }
        assertThat(c.offsetNanos(0)).isNotEqualTo(a.offsetNanos(0));
    }

    @Test
    void arrivalsAreIncreasingInsideTheWindow() {
        ArrivalSchedule s = ArrivalSchedule.poisson(200, Duration.ofSeconds(5), 1);
        long previous = -1;
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.offsetNanos(i)).isGreaterThanOrEqualTo(previous).isLessThan(5_000_000_000L);
            previous = s.offsetNanos(i);
        }
        assertThat(s.offeredRate()).isEqualTo(s.size() / 5.0);
    }

    @Test
    void countsAndGapsHaveThePoissonMoments() {
        // 100,000 expected arrivals: the count's sd is sqrt(1e5) = 316, so 5 sd is 1.6 %; seeded, not flaky
        ArrivalSchedule s = ArrivalSchedule.poisson(1000, Duration.ofSeconds(100), 42);
        assertThat(s.size()).isBetween(98_400, 101_600);
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i < s.size(); i++) {
            double gap = (s.offsetNanos(i) - s.offsetNanos(i - 1)) / 1e6;
            sum += gap;
            sumSq += gap * gap;
        }
        int n = s.size() - 1;
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        assertThat(mean).as("mean gap 1 ms").isBetween(0.98, 1.02);
        assertThat(sd / mean).as("exponential gaps: sd equals the mean").isBetween(0.97, 1.03);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> ArrivalSchedule.poisson(0, Duration.ofSeconds(1), 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> ArrivalSchedule.poisson(Double.NaN, Duration.ofSeconds(1), 1))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> ArrivalSchedule.poisson(1, Duration.ZERO, 1)).hasMessageContaining("window");
        assertThatThrownBy(() -> ArrivalSchedule.poisson(1e9, Duration.ofHours(1), 1)).hasMessageContaining("limit");
    }
}
