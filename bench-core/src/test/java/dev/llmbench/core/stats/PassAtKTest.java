package dev.llmbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassAtKTest {
    /** The estimator as Chen et al. compute it in their paper's numpy code: 1 − ∏ (1 − k / i), i = n−c+1..n. */
    private static double chen(int n, int c, int k) {
        if (n - c < k) {
            return 1.0;
        }
        double p = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            p *= 1.0 - (double) k / i;
        }
        return 1.0 - p;
    }

    @Test
    void matchesTheReferenceImplementationOnAGrid() {
        for (int n = 1; n <= 20; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    assertThat(PassAtK.passAtK(n, c, k)).as("n=%d c=%d k=%d", n, c, k)
                            .isCloseTo(chen(n, c, k), within(1e-12));
                }
            }
        }
    }

    @Test
    void knownValues() {
        assertThat(PassAtK.passAtK(10, 3, 1)).isCloseTo(0.3, within(1e-12));
        assertThat(PassAtK.passAtK(10, 3, 2)).isCloseTo(1 - 21.0 / 45, within(1e-12));
        assertThat(PassAtK.passAtK(10, 3, 8)).isEqualTo(1.0);
        assertThat(PassAtK.passPowK(10, 3, 2)).isCloseTo(3.0 / 45, within(1e-12));
        assertThat(PassAtK.passPowK(10, 3, 4)).isZero();
    }

    @Test
    void edgeCasesAllPassAllFailOneTrial() {
        assertThat(PassAtK.passAtK(5, 5, 3)).isEqualTo(1.0);
        assertThat(PassAtK.passPowK(5, 5, 3)).isEqualTo(1.0);
        assertThat(PassAtK.passAtK(5, 0, 3)).isZero();
        assertThat(PassAtK.passPowK(5, 0, 1)).isZero();
        assertThat(PassAtK.passAtK(1, 1, 1)).isEqualTo(1.0);
        assertThat(PassAtK.passAtK(1, 0, 1)).isZero();
    }

    @Test
    void passAtKGrowsAndPassPowKShrinksWithK() {
        for (int k = 1; k < 8; k++) {
            assertThat(PassAtK.passAtK(8, 3, k + 1)).isGreaterThanOrEqualTo(PassAtK.passAtK(8, 3, k));
            assertThat(PassAtK.passPowK(8, 5, k + 1)).isLessThanOrEqualTo(PassAtK.passPowK(8, 5, k));
        }
    }

    @Test
    void averagesOverCases() {
        assertThat(PassAtK.meanPassAtK(List.of(new int[] {3, 3}, new int[] {3, 0}), 1)).isEqualTo(0.5);
        assertThat(PassAtK.meanPassPowK(List.of(new int[] {3, 3}, new int[] {3, 1}), 2)).isEqualTo(0.5);
    }

    @Test
    void rejectsKLargerThanTheTrials() {
        assertThatThrownBy(() -> PassAtK.passAtK(3, 1, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k <= n");
    }
}
