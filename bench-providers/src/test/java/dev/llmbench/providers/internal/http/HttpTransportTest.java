package dev.llmbench.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Secret;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    @Test
    void aRequestAfterCloseFailsAtOnceWithOneTerminalEvent() {
        HttpTransport transport = new HttpTransport("test", Duration.ofSeconds(1), 2);
        transport.close();
        List<StreamEvent> events = new ArrayList<>();
        HttpCall call = new HttpCall("GET", URI.create("http://127.0.0.1:1/x"), Map.of(), new byte[0],
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1000);
        transport.stream(call, new BodyHandler() {
            @Override
            public void onBytes(ByteBuffer bytes, Emitter out) {}

            @Override
            public void onEnd(Emitter out) {}
        }, events::add, new ErrorMapper("test", Secret.NONE, "", Clock.systemUTC()));
        assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.Failed.class,
                f -> assertThat(f.error().errorClass()).isEqualTo(ErrorClass.CANCELLED));
    }
}
