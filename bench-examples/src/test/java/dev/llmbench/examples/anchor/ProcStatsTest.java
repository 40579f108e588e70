package dev.llmbench.examples.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatsTest {
    @Test
    void readsUserAndSystemTicksAfterANameWithSpacesAndParentheses() {
        String line = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1200 0 0 0 731 95 0 0 20 0 30 0 100 0 0";
        assertThat(ProcStats.parseSelf(line)).containsExactly(731, 95);
    }

    @Test
    void countsEverythingButIdleAndIowaitAsBusy() {
        long[] v = ProcStats.parseSystem("cpu  100 5 50 800 40 1 4 0 0 0");
        assertThat(v).containsExactly(100 + 5 + 50 + 1 + 4, 1000);
    }

    @Test
    void differencesAreSecondsAndFractions() {
        ProcStats a = new ProcStats(100, 10, 1000, 4000, 1_000_000_000L);
        ProcStats b = new ProcStats(150, 30, 1500, 5000, 1_700_000_000L);
        assertThat(b.userSecondsSince(a)).isEqualTo(0.5);
        assertThat(b.sysSecondsSince(a)).isEqualTo(0.2);
        assertThat(b.busyFractionSince(a)).isEqualTo(0.5);
        assertThat(b.cpuSecondsSince(a)).isEqualTo(0.7);
        assertThat(new ProcStats(-1, -1, -1, -1, -1).busyFractionSince(a)).isNaN();
    }
}
