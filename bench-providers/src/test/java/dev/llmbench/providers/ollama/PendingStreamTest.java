package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PendingStreamTest {
    @Test
    void aCancelBeforeStartEndsTheStreamOnceAndNothingIsSent() throws Exception {
        EventRecorder rec = new EventRecorder();
        PendingStream p = new PendingStream(rec);
        AtomicInteger sent = new AtomicInteger();

        p.cancel(ErrorClass.TIMEOUT_TOTAL);
        p.cancel(null);
        p.start(() -> {
            sent.incrementAndGet();
            return reason -> { };
        });

        rec.await();
        assertThat(sent).hasValue(0);
        assertThat(rec.events()).singleElement().isInstanceOfSatisfying(StreamEvent.Failed.class,
                f -> assertThat(f.error().errorClass()).isEqualTo(ErrorClass.TIMEOUT_TOTAL));
    }

    @Test
    void aCancelAfterStartGoesToTheRealExchange() {
        PendingStream p = new PendingStream(new EventRecorder());
        ErrorClass[] seen = new ErrorClass[1];

        p.start(() -> reason -> seen[0] = reason);
        p.cancel(ErrorClass.CANCELLED);

        assertThat(seen[0]).isEqualTo(ErrorClass.CANCELLED);
    }
}
