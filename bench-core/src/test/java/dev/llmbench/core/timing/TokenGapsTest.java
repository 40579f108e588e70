package dev.llmbench.core.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenGapsTest {
    @Test
    void theBuilderGivesBackEveryGapExactlyInOrder() {
        long[] values = {0, 1, 127, 128, 999_999, 1_048_576, 20_000_000, 134_217_727, 134_217_728, 5_000_000_000L,
                Long.MAX_VALUE, -1, Long.MIN_VALUE};
        TokenGaps.Builder b = new TokenGaps.Builder();
        for (long v : values) {
            b.add(v);
        }
        assertThat(b.size()).isEqualTo(values.length);
        assertThat(b.build().toArray()).containsExactly(values);
    }

    @Test
    void theBuilderKeepsThousandsOfRandomGapsAcrossGrowth() {
        Random r = new Random(7);
        long[] values = new long[5_000];
        TokenGaps.Builder b = new TokenGaps.Builder();
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextInt(4) == 0 ? r.nextLong() : Math.abs(r.nextLong() % 200_000_000L);
            b.add(values[i]);
        }
        assertThat(b.build().toArray()).containsExactly(values);
    }

    @Test
    void buildingDoesNotEndTheBuilder() {
        TokenGaps.Builder b = new TokenGaps.Builder().add(5);
        TokenGaps first = b.build();
        b.add(6);
        assertThat(first.toArray()).containsExactly(5);
        assertThat(b.build().toArray()).containsExactly(5, 6);
    }

    @Test
    void anEmptyBuilderGivesTheSharedEmptyInstance() {
        assertThat(new TokenGaps.Builder().build()).isSameAs(TokenGaps.EMPTY);
        assertThat(TokenGaps.of()).isSameAs(TokenGaps.EMPTY);
        assertThat(TokenGaps.EMPTY.isEmpty()).isTrue();
        assertThat(TokenGaps.EMPTY.sum()).isZero();
    }

    @Test
    void addAllAppendsAnotherSequence() {
        TokenGaps g = new TokenGaps.Builder().add(1).addAll(TokenGaps.of(2, 3)).add(4).build();
        assertThat(g.toArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void isImmutableBecauseItCopiesOnTheWayInAndOut() {
        long[] in = {1, 2, 3};
        TokenGaps g = TokenGaps.of(in);
        in[0] = 99;
        g.toArray()[1] = 99;
        assertThat(g.toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void offersIndexedAccessSumStreamAndForEach() {
        TokenGaps g = TokenGaps.of(10, 20, 30);
        assertThat(g.size()).isEqualTo(3);
        assertThat(g.get(2)).isEqualTo(30);
        assertThat(g.sum()).isEqualTo(60);
        assertThat(g.stream().max().getAsLong()).isEqualTo(30);
        StringBuilder seen = new StringBuilder();
        g.forEach(v -> seen.append(v).append(' '));
        assertThat(seen).hasToString("10 20 30 ");
        assertThat(g).hasToString("[10, 20, 30]");
        assertThatThrownBy(() -> g.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void equalsByValueAndUnboxesLists() {
        assertThat(TokenGaps.of(List.of(1L, 2L))).isEqualTo(TokenGaps.of(1, 2)).hasSameHashCodeAs(TokenGaps.of(1, 2));
        assertThat(TokenGaps.of(1, 2)).isNotEqualTo(TokenGaps.of(2, 1));
    }

    @Test
    void requestTimingsWithEqualGapsAreEqual() {
        RequestTiming a = new RequestTiming(1, 2, RequestTiming.ABSENT, 9, TokenGaps.of(3, 4), 3, UsageSource.COUNTED);
        RequestTiming b = new RequestTiming(1, 2, RequestTiming.ABSENT, 9, List.of(3L, 4L), 3, UsageSource.COUNTED);
        assertThat(a).isEqualTo(b);
        assertThat(b.itlNanos().toArray()).containsExactly(3, 4);
    }
}
