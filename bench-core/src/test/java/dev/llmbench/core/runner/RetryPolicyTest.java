package dev.llmbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofSeconds(2));

    @Test
    void nonRetriableClassesAreNeverRetried() {
        EnumSet<ErrorClass> never = EnumSet.of(ErrorClass.AUTHENTICATION, ErrorClass.PAYMENT_REQUIRED,
                ErrorClass.MODEL_NOT_FOUND, ErrorClass.INVALID_REQUEST, ErrorClass.MALFORMED_RESPONSE,
                ErrorClass.RESPONSE_TOO_LARGE, ErrorClass.CANCELLED, ErrorClass.INTERNAL);
        for (ErrorClass c : never) {
            assertThat(THREE.shouldRetry(ProviderError.of(c, "x"), 0)).as(c.id()).isFalse();
        }
        assertThat(THREE.shouldRetry(ProviderError.of(ErrorClass.RATE_LIMITED, "x"), 0)).isTrue();
        assertThat(THREE.shouldRetry(ProviderError.of(ErrorClass.SERVER_ERROR, "x"), 2)).isTrue();
        assertThat(THREE.shouldRetry(ProviderError.of(ErrorClass.SERVER_ERROR, "x"), 3)).isFalse();
        assertThat(RetryPolicy.NONE.shouldRetry(ProviderError.of(ErrorClass.RATE_LIMITED, "x"), 0)).isFalse();
    }

    @Test
    void theServerHintIsWaitedAtLeastAndAtMostTenPercentLonger() {
        ProviderError e = new ProviderError(ErrorClass.RATE_LIMITED, "slow down", 429, 1000);
        for (int retry = 0; retry < 3; retry++) {
            for (long seed = 0; seed < 50; seed++) {
                assertThat(THREE.delayNanos(e, retry, seed)).isBetween(Duration.ofMillis(1000).toNanos(),
                        Duration.ofMillis(1100).toNanos());
            }
        }
    }

    @Test
    void theCapBoundsBothTheHintAndTheBackoff() {
        ProviderError hinted = new ProviderError(ErrorClass.RATE_LIMITED, "come back in an hour", 429, 3_600_000);
        ProviderError plain = ProviderError.of(ErrorClass.SERVER_ERROR, "oops");
        for (int retry = 0; retry < 30; retry++) {
            assertThat(THREE.delayNanos(hinted, retry, retry)).isEqualTo(Duration.ofSeconds(2).toNanos());
            assertThat(THREE.delayNanos(plain, retry, retry)).isBetween(0L, Duration.ofSeconds(2).toNanos());
        }
    }

    @Test
    void backoffWithoutAHintIsFullJitterUnderAnExponentialCeilingAndReproducibleBySeed() {
        RetryPolicy wide = new RetryPolicy(10, Duration.ofMinutes(10));
        ProviderError e = ProviderError.of(ErrorClass.TIMEOUT_IDLE, "quiet");
        for (int retry = 0; retry < 5; retry++) {
            long ceiling = RetryPolicy.BASE.toNanos() << retry;
            for (long seed = 0; seed < 50; seed++) {
                assertThat(wide.delayNanos(e, retry, seed)).isBetween(0L, ceiling)
                        .isEqualTo(wide.delayNanos(e, retry, seed));
            }
        }
        assertThat(wide.delayNanos(e, 0, 1)).isNotEqualTo(wide.delayNanos(e, 0, 2));
    }

    @Test
    void retriesAndTheirCapAreStoredWithTheOptions() {
        Options o = Options.builder().model("sim:oracle").retries(2).maxBackoff(Duration.ofSeconds(5)).build();
        Options back = Options.fromMap(o.toMap(), java.nio.file.Path.of("x"));
        assertThat(back.retries()).isEqualTo(2);
        assertThat(back.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        Options defaults = Options.builder().model("sim:oracle").build();
        assertThat(defaults.retries()).isZero();
        assertThat(defaults.maxBackoff()).isEqualTo(Defaults.MAX_BACKOFF);
        java.util.Map<String, Object> old = new java.util.HashMap<>(defaults.toMap());
        old.remove("retries");
        old.remove("max_backoff_ms");
        assertThat(Options.fromMap(old, java.nio.file.Path.of("x")).retries()).isZero();
    }
}
