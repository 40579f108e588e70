package dev.llmbench.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Writes one scripted reply on the absolute schedule, records write times and injects faults.
 * Confined to the connection thread. Not API.
 */
final class ExchangeDriver {

    private final ReplyContext ctx;
    private final ReplySpec spec;
    private final WireWriter w;
    private final RecordedExchange.Builder rec;
    private final Socket socket;
    private final InputStream in;
    private final boolean close;
    private final BooleanSupplier serverClosed;
    private final Emitter emitter;
    private final long t0;
    private boolean reusable = true;

    ExchangeDriver(ReplyContext ctx, WireWriter w, RecordedExchange.Builder rec, Socket socket, InputStream in,
            boolean close, BooleanSupplier serverClosed, Emitter emitter) {
        this.ctx = ctx;
        this.spec = ctx.spec;
        this.w = w;
        this.rec = rec;
        this.socket = socket;
        this.in = in;
        this.close = close;
        this.serverClosed = serverClosed;
        this.emitter = emitter;
        this.t0 = ctx.request.receivedNanos();
    }

    /** @return whether the connection can carry another request */
    boolean reusable() {
        return reusable;
    }

    static void sleepUntil(long deadline) throws InterruptedException {
        for (long rem = deadline - System.nanoTime(); rem > 0; rem = deadline - System.nanoTime()) {
            LockSupport.parkNanos(rem);
            if (Thread.interrupted()) {
                throw new InterruptedException("server closing");
            }
        }
    }

    /** Serves the reply; returns how it ended. */
    RecordedExchange.Outcome run() throws IOException, InterruptedException {
        long headersAt = t0 + spec.delayBeforeHeaders.toNanos();
        Renderer r = Renderer.of(ctx);
        if (spec.kind == ReplySpec.Kind.RAW) {
            sleepUntil(headersAt);
            String type = spec.rawBody.startsWith("{") ? "application/json" : "text/plain; charset=utf-8";
            return plain(new ErrorBodies.Response(spec.status, type, spec.rawBody, Map.of()));
        }
        if (spec.kind == ReplySpec.Kind.ERROR) {
            sleepUntil(headersAt);
            return plain(ErrorBodies.render(ctx.format, spec.status, spec.errorMessage, spec.retryAfter));
        }
        return ctx.request.stream() ? stream(r, headersAt) : nonStream(r, headersAt);
    }

    private RecordedExchange.Outcome plain(ErrorBodies.Response resp) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(resp.headers());
        headers.putAll(spec.headers);
        byte[] body = resp.body().getBytes(StandardCharsets.UTF_8);
        w.head(resp.status(), resp.contentType(), body.length, headers, close, false);
        rec.status(resp.status(), System.nanoTime());
        w.frame(body);
        return RecordedExchange.Outcome.COMPLETED;
    }

    private RecordedExchange.Outcome stream(Renderer r, long headersAt) throws IOException, InterruptedException {
        sleepUntil(headersAt);
        w.head(200, r.streamContentType(), -1, spec.headers, close, r.sse());
        StringBuilder pre = new StringBuilder(r.preamble());
        pre.append(r.keepAliveFrame().repeat(ctx.keepAlive(r.defaultStreamKeepAlive())));
        w.frame(utf8(pre.toString()));
        ctx.headersNanos = System.nanoTime();
        rec.status(200, ctx.headersNanos);
        long first = headersAt + spec.delayBeforeFirstChunk.toNanos();
        long inter = spec.interChunkDelay.toNanos();
        Fault fault = spec.fault;
        Iterator<Piece> pieces = ctx.pieces();
        if (emitter != null && fault == null && spec.oversizeBytes == 0 && spec.fragmentBytes == 0
                && !spec.splitInsideUtf8 && !spec.keepAliveBetweenChunks) {
            EmittedStream job = new EmittedStream(r, pieces, first, inter, headersAt);
            emitter.submit(job);
            job.await();
            return RecordedExchange.Outcome.COMPLETED;
        }
        int i = 0;
        while (true) {
            if (fault != null && i == fault.afterChunks()) {
                if (fault.terminal()) {
                    return terminalFault(r, fault);
                }
                w.frame(inject(r, fault));
                fault = null;
            }
            if ((spec.oversizeBytes > 0 && w.bodyBytes() >= spec.oversizeBytes) || !pieces.hasNext()) {
                break;
            }
            Piece p = pieces.next();
            long due = first + i * inter;
            sleepUntil(due);
            String ka = i > 0 && spec.keepAliveBetweenChunks ? r.keepAliveFrame() : "";
            writeChunk(utf8(ka + r.piece(p)), due);
            i++;
        }
        if (fault != null) {
            if (fault.terminal()) {
                return terminalFault(r, fault);
            }
            w.frame(inject(r, fault));
        }
        long finishDue = (i > 0 ? first + (i - 1) * inter : headersAt) + spec.delayBeforeFinish.toNanos();
        sleepUntil(finishDue);
        writeFinish(r, finishDue);
        return RecordedExchange.Outcome.COMPLETED;
    }

    private void writeChunk(byte[] frame, long due) throws IOException {
        long before = System.nanoTime();
        w.frame(frame);
        long now = System.nanoTime();
        rec.write(WriteStamp.Kind.CHUNK, due, before, now);
        if (ctx.outputChunks == 0) {
            ctx.firstChunkNanos = now;
        }
        ctx.lastChunkNanos = now;
        ctx.outputChunks++;
    }

    private void writeFinish(Renderer r, long due) throws IOException {
        byte[] finish = utf8(r.finish());
        long before = System.nanoTime();
        w.frame(finish);
        rec.write(WriteStamp.Kind.FINISH, due, before, System.nanoTime());
        w.endBody();
    }

    /**
     * The chunks and the terminal frames of a plain stream (no faults, fragmenting or keep-alives),
     * written by the {@link Emitter}'s thread while the connection thread waits in {@link #await()}.
     */
    private final class EmittedStream implements Emitter.Job {
        private final Renderer r;
        private final Iterator<Piece> pieces;
        private final long first;
        private final long inter;
        private final CountDownLatch done = new CountDownLatch(1);
        private long deadline;
        private int i;
        private volatile Throwable failure;

        EmittedStream(Renderer r, Iterator<Piece> pieces, long first, long inter, long headersAt) {
            this.r = r;
            this.pieces = pieces;
            this.first = first;
            this.inter = inter;
            this.deadline = pieces.hasNext() ? first : headersAt + spec.delayBeforeFinish.toNanos();
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public boolean step() throws IOException {
            if (pieces.hasNext()) {
                writeChunk(utf8(r.piece(pieces.next())), deadline);
                i++;
                deadline = pieces.hasNext() ? first + i * inter : first + (i - 1) * inter
                        + spec.delayBeforeFinish.toNanos();
                return true;
            }
            writeFinish(r, deadline);
            done.countDown();
            return false;
        }

        @Override
        public void fail(Throwable cause) {
            failure = cause;
            done.countDown();
        }

        void await() throws IOException, InterruptedException {
            try {
                done.await();
            } catch (InterruptedException e) {
                w.closeQuietly(); // the emitter's next write fails and drops the job
                throw e;
            }
            Throwable f = failure;
            if (f instanceof IOException) {
                throw (IOException) f;
            }
            if (f != null) {
                throw new IOException("stream not completed: " + f, f);
            }
        }
    }

    private byte[] inject(Renderer r, Fault fault) {
        if (fault.kind() == Fault.Kind.MALFORMED) {
            return utf8(r.malformedFrame());
        }
        return invalidate(utf8(r.piece(new Piece.Content("bad " + Renderer.INVALID_UTF8_MARK + " bytes"))));
    }

    private RecordedExchange.Outcome terminalFault(Renderer r, Fault fault) throws IOException {
        switch (fault.kind()) {
            case ERROR:
                w.frame(utf8(r.midStreamError(fault.code(), fault.message())));
                w.endBody();
                break;
            case TRUNCATE:
                w.endBody();
                break;
            default:
                killConnection(fault.kind());
        }
        return RecordedExchange.Outcome.FAULT_INJECTED;
    }

    private void killConnection(Fault.Kind kind) {
        reusable = false;
        if (kind == Fault.Kind.RESET) {
            w.reset();
        } else if (kind == Fault.Kind.DISCONNECT) {
            w.closeQuietly();
        } else {
            stall();
            w.closeQuietly();
        }
    }

    /** Writes nothing more; returns when the client closes the connection or the server shuts down. */
    private void stall() {
        try {
            socket.setSoTimeout(50);
            byte[] sink = new byte[4096];
            while (!serverClosed.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                try {
                    if (in.read(sink) < 0) {
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    // still stalled
                }
            }
        } catch (IOException e) {
            // client reset or server closed the socket
        }
    }

    private RecordedExchange.Outcome nonStream(Renderer r, long headersAt) throws IOException, InterruptedException {
        ctx.outputChunks = ctx.plannedChunks();
        long bodyAt = headersAt + spec.delayBeforeFirstChunk.toNanos()
                + Math.max(0, ctx.outputChunks - 1) * spec.interChunkDelay.toNanos();
        Fault fault = spec.fault;
        if (fault != null && fault.kind() == Fault.Kind.ERROR) {
            sleepUntil(bodyAt);
            plain(r.nonStreamError(fault.code(), fault.message()));
            return RecordedExchange.Outcome.FAULT_INJECTED;
        }
        String prefix = "\n         \n".repeat(ctx.keepAlive(r.defaultBodyKeepAlive()));
        String content = ctx.joinedContent();
        if (fault != null && fault.kind() == Fault.Kind.INVALID_UTF8) {
            content = content + Renderer.INVALID_UTF8_MARK;
        }
        boolean oversize = spec.oversizeBytes > 0;
        byte[] body = invalidate(utf8(prefix + r.nonStreamBody(oversize ? Renderer.OVERSIZE_MARK : content)));
        if (fault != null && fault.kind() == Fault.Kind.MALFORMED) {
            body = Arrays.copyOf(body, prefix.length() + (body.length - prefix.length()) / 2);
        }
        int mark = oversize ? indexOf(body, utf8(Renderer.OVERSIZE_MARK)) : -1;
        long filler = oversize ? Math.max(0, spec.oversizeBytes - (body.length - Renderer.OVERSIZE_MARK.length())) : 0;
        long length = oversize ? body.length - Renderer.OVERSIZE_MARK.length() + filler : body.length;
        sleepUntil(headersAt);
        boolean early = !prefix.isEmpty();
        if (early) {
            w.head(200, r.nonStreamContentType(), length, spec.headers, close, false);
            rec.status(200, System.nanoTime());
            w.frame(Arrays.copyOf(body, prefix.length()));
        }
        sleepUntil(bodyAt);
        long before = System.nanoTime();
        if (!early) {
            w.head(200, r.nonStreamContentType(), length, spec.headers, close, false);
            rec.status(200, System.nanoTime());
        }
        int from = early ? prefix.length() : 0;
        if (fault != null && fault.killsConnection() || fault != null && fault.kind() == Fault.Kind.TRUNCATE) {
            w.frame(Arrays.copyOfRange(body, from, from + (body.length - from) / 2));
            killConnection(fault.kind() == Fault.Kind.TRUNCATE ? Fault.Kind.DISCONNECT : fault.kind());
            return RecordedExchange.Outcome.FAULT_INJECTED;
        }
        if (mark < 0) {
            w.frame(Arrays.copyOfRange(body, from, body.length));
        } else {
            w.frame(Arrays.copyOfRange(body, from, mark));
            byte[] slice = utf8(ReplyContext.FILLER);
            for (long left = filler; left > 0; left -= slice.length) {
                w.frame(left >= slice.length ? slice : Arrays.copyOf(slice, (int) left));
            }
            w.frame(Arrays.copyOfRange(body, mark + Renderer.OVERSIZE_MARK.length(), body.length));
        }
        long after = System.nanoTime();
        rec.write(WriteStamp.Kind.BODY, bodyAt, before, after);
        return RecordedExchange.Outcome.COMPLETED;
    }

    /** Replaces every invalid-UTF-8 mark with the bytes {@code 0xC3 0x28}. */
    static byte[] invalidate(byte[] bytes) {
        byte[] mark = utf8(Renderer.INVALID_UTF8_MARK);
        int at = indexOf(bytes, mark);
        if (at < 0) {
            return bytes;
        }
        byte[] out = new byte[bytes.length - mark.length + 2];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(bytes, at + mark.length, out, at + 2, bytes.length - at - mark.length);
        return invalidate(out);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
