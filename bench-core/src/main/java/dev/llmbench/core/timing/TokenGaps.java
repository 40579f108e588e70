package dev.llmbench.core.timing;

import dev.llmbench.core.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

/**
 * The inter-token gaps of one request, in nanoseconds, in arrival order: an immutable sequence
 * of primitive {@code long}s (8 bytes per gap, no boxing). Values are whatever the producer
 * measured; {@link TimedListener} only produces non-negative ones.
 *
 * <p>Immutable and thread-safe: the backing array is private and never exposed
 * ({@link #toArray()} copies). {@link Builder} collects gaps one at a time in a compact form for
 * a stream in flight.
 *
 * @since 0.2
 */
public final class TokenGaps {
    /** No gaps. */
    public static final TokenGaps EMPTY = new TokenGaps(new long[0]);

    private final long[] nanos;

    private TokenGaps(long[] nanos) {
        this.nanos = nanos;
    }

    /** The gaps given, copied; {@link #EMPTY} when none. */
    public static TokenGaps of(long... nanos) {
        Checks.notNull(nanos, "nanos");
        return nanos.length == 0 ? EMPTY : new TokenGaps(nanos.clone());
    }

    /** The gaps of a boxed list, unboxed; for callers that hold one. */
    public static TokenGaps of(List<Long> nanos) {
        Checks.notNull(nanos, "nanos");
        long[] a = new long[nanos.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = Checks.notNull(nanos.get(i), "gap");
        }
        return a.length == 0 ? EMPTY : new TokenGaps(a);
    }

    /** The number of gaps: one fewer than the non-empty content deltas of a stream. */
    public int size() {
        return nanos.length;
    }

    /** Whether there are no gaps. */
    public boolean isEmpty() {
        return nanos.length == 0;
    }

    /**
     * One gap in nanoseconds.
     *
     * @param index 0 ≤ index &lt; {@link #size()}
     */
    public long get(int index) {
        return nanos[Objects.checkIndex(index, nanos.length)];
    }

    /** The sum of all gaps in nanoseconds: from the first to the last content delta. */
    public long sum() {
        long s = 0;
        for (long v : nanos) {
            s += v;
        }
        return s;
    }

    /** Hands every gap to {@code action}, in order. */
    public void forEach(LongConsumer action) {
        for (long v : nanos) {
            action.accept(v);
        }
    }

    /** The gaps as a stream, in order. */
    public LongStream stream() {
        return Arrays.stream(nanos);
    }

    /** A fresh copy of the gaps. */
    public long[] toArray() {
        return nanos.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenGaps g && Arrays.equals(nanos, g.nanos);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nanos);
    }

    /** The gaps in nanoseconds, as {@code [a, b, …]}. */
    @Override
    public String toString() {
        return Arrays.toString(nanos);
    }

    /**
     * Collects gaps one at a time, as a stream delivers them, in a compact form: each gap is kept
     * as a variable-length integer (LEB128 of the zigzag value: 4 bytes for a gap under about
     * 134 ms, 3 under 1 ms, at most 10), in one array that grows by half. A stream of 1,000 tokens
     * at 20–100 ms a token retains about 4–6 KB here, against about 8–12 KB as a {@code long[]}
     * and about 29 KB as a boxed {@code List<Long>}.
     *
     * <p>Not thread-safe: one writer (the stream's delivering thread); {@link #build()} after the
     * writes are visible to the caller.
     */
    public static final class Builder {
        private static final byte[] NONE = new byte[0];

        private byte[] bytes = NONE;
        private int length;
        private int count;

        /** An empty builder; allocates nothing until the first gap. */
        public Builder() {}

        /** Appends one gap in nanoseconds (any value; {@link TimedListener} gives non-negative ones). */
        public Builder add(long nanos) {
            if (length + 10 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(32, bytes.length + (bytes.length >> 1) + 10));
            }
            long v = (nanos << 1) ^ (nanos >> 63);
            while ((v & ~0x7FL) != 0) {
                bytes[length++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[length++] = (byte) v;
            count++;
            return this;
        }

        /** Appends every gap of {@code gaps}, in order. */
        public Builder addAll(TokenGaps gaps) {
            for (long v : Checks.notNull(gaps, "gaps").nanos) {
                add(v);
            }
            return this;
        }

        /** The number of gaps added so far. */
        public int size() {
            return count;
        }

        /** The gaps added so far; the builder stays usable. */
        public TokenGaps build() {
            if (count == 0) {
                return EMPTY;
            }
            long[] out = new long[count];
            int p = 0;
            for (int i = 0; i < count; i++) {
                long v = 0;
                int shift = 0;
                byte b;
                do {
                    b = bytes[p++];
                    v |= (long) (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0);
                out[i] = (v >>> 1) ^ -(v & 1);
            }
            return new TokenGaps(out);
        }
    }
}
