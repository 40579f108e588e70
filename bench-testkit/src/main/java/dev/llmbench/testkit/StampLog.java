package dev.llmbench.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The write stamps of one exchange in primitive arrays: 25 bytes per written frame and no object
 * per frame, so that a load server holding hundreds of thousands of them keeps its garbage
 * collections short. Mutable while the exchange runs (confined to the writing thread, handed over
 * with the exchange); {@link #frozen()} gives a trimmed copy that is never mutated. Not API.
 */
final class StampLog {

    private static final WriteStamp.Kind[] KINDS = WriteStamp.Kind.values();

    private byte[] kinds;
    private long[] scheduled;
    private long[] before;
    private long[] after;
    private int size;

    StampLog() {
        this(8);
    }

    private StampLog(int capacity) {
        kinds = new byte[capacity];
        scheduled = new long[capacity];
        before = new long[capacity];
        after = new long[capacity];
    }

    void add(WriteStamp.Kind kind, long scheduledNanos, long beforeNanos, long afterNanos) {
        if (size == kinds.length) {
            int n = Math.max(8, size * 2);
            kinds = Arrays.copyOf(kinds, n);
            scheduled = Arrays.copyOf(scheduled, n);
            before = Arrays.copyOf(before, n);
            after = Arrays.copyOf(after, n);
        }
        kinds[size] = (byte) kind.ordinal();
        scheduled[size] = scheduledNanos;
        before[size] = beforeNanos;
        after[size] = afterNanos;
        size++;
    }

    /** @return a trimmed copy */
    StampLog frozen() {
        StampLog f = new StampLog(0);
        f.kinds = Arrays.copyOf(kinds, size);
        f.scheduled = Arrays.copyOf(scheduled, size);
        f.before = Arrays.copyOf(before, size);
        f.after = Arrays.copyOf(after, size);
        f.size = size;
        return f;
    }

    int size() {
        return size;
    }

    /** @return every stamp as a record, in write order; unmodifiable */
    List<WriteStamp> stamps() {
        List<WriteStamp> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new WriteStamp(KINDS[kinds[i]], scheduled[i], before[i], after[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the post-write stamps of the output chunks (and a non-streaming body), in order; unmodifiable */
    List<Long> chunkAfters() {
        List<Long> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (kinds[i] != WriteStamp.Kind.FINISH.ordinal()) {
                out.add(after[i]);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
