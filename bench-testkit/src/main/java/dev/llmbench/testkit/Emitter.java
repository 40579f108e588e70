package dev.llmbench.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One timer thread that writes the frames of many streams at their deadlines, in deadline order,
 * instead of one sleeping thread per stream: at thousands of concurrent streams the per-write
 * thread wake-ups and context switches cost more CPU than the writes (BENCHMARKS.md, "Load
 * benchmark: server side"). Jobs are handed over by connection threads, which block until their
 * job finishes; a job's state is touched only by the emitter meanwhile.
 *
 * <p>Writes are blocking: a client that stops reading until its socket buffer fills holds up every
 * stream of this emitter (the write stamps show it as lateness).
 *
 * <p>Thread-safe: {@link #submit} and {@link #close} may be called from any thread. Not API.
 */
final class Emitter implements AutoCloseable {

    /** A stream on the emitter's schedule. Called on the emitter thread only. */
    interface Job {
        /** @return {@link System#nanoTime()} when the next frame is due */
        long deadline();

        /** Writes the due frame; @return whether another frame follows */
        boolean step() throws Exception;

        /** Ends the job with a failure (write error, or the emitter closing). */
        void fail(Throwable cause);
    }

    private record Entry(long deadline, long order, Job job) {
    }

    private final ConcurrentLinkedQueue<Job> incoming = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Entry> due = new PriorityQueue<>(
            Comparator.comparingLong(Entry::deadline).thenComparingLong(Entry::order));
    private final Thread thread;
    private long order;
    private volatile boolean closed;

    Emitter(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Schedules {@code job}; it is failed at once if the emitter is closed. */
    void submit(Job job) {
        incoming.add(job);
        LockSupport.unpark(thread);
        if (closed) {
            drainFailed();
        }
    }

    private void loop() {
        while (!closed) {
            for (Job j = incoming.poll(); j != null; j = incoming.poll()) {
                due.add(new Entry(j.deadline(), order++, j));
            }
            Entry next = due.peek();
            if (next == null) {
                LockSupport.park(this);
                continue;
            }
            long wait = next.deadline() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            due.poll();
            try {
                if (next.job().step()) {
                    due.add(new Entry(next.job().deadline(), order++, next.job()));
                }
            } catch (Throwable t) {
                next.job().fail(t);
            }
        }
        for (Entry e : due) {
            e.job().fail(new IllegalStateException("emitter closed"));
        }
        due.clear();
        drainFailed();
    }

    private void drainFailed() {
        List<Job> left = new ArrayList<>();
        for (Job j = incoming.poll(); j != null; j = incoming.poll()) {
            left.add(j);
        }
        left.forEach(j -> j.fail(new IllegalStateException("emitter closed")));
    }

    /** @return CPU time the emitter thread has used, nanoseconds; -1 when the JVM cannot tell */
    long cpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isThreadCpuTimeSupported() ? mx.getThreadCpuTime(thread.getId()) : -1;
    }

    /** Stops the thread and fails every job not yet finished; waits up to a second. Idempotent. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shared emitters of one server, chosen per connection; none when connection threads write. */
    static final class Group implements AutoCloseable {
        private final Emitter[] emitters;

        Group(int count, String namePrefix) {
            emitters = new Emitter[count];
            for (int i = 0; i < count; i++) {
                emitters[i] = new Emitter(namePrefix + i);
            }
        }

        /** @return the emitter for a connection, or null when there are none */
        Emitter forConnection(long connectionId) {
            return emitters.length == 0 ? null : emitters[(int) (connectionId % emitters.length)];
        }

        /** @return CPU time used by all the emitter threads so far, nanoseconds; 0 without emitters */
        long cpuNanos() {
            long sum = 0;
            for (Emitter e : emitters) {
                sum += Math.max(0, e.cpuNanos());
            }
            return sum;
        }

        @Override
        public void close() {
            for (Emitter e : emitters) {
                e.close();
            }
        }
    }
}
