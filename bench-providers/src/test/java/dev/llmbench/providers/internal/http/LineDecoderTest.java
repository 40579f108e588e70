package dev.llmbench.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineDecoderTest {
    private final LineDecoder decoder = new LineDecoder(1000);
    private final List<String> lines = new ArrayList<>();

    private void feed(byte[] bytes) throws CharacterCodingException {
        decoder.feed(ByteBuffer.wrap(bytes), lines::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void splitsLinesOnEveryLineEnd(String end) throws Exception {
        feed(("one" + end + "two" + end + end + "three").getBytes(StandardCharsets.UTF_8));
        decoder.finish(lines::add);
        assertThat(lines).containsExactly("one", "two", "", "three");
    }

    @Test
    void joinsAMultiByteCharacterSplitAcrossReadsAtEveryByteBoundary() throws Exception {
        byte[] all = "héllo 😀 wörld\n".getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < all.length; cut++) {
            LineDecoder d = new LineDecoder(1000);
            List<String> out = new ArrayList<>();
            d.feed(ByteBuffer.wrap(all, 0, cut), out::add);
            d.feed(ByteBuffer.wrap(all, cut, all.length - cut), out::add);
            assertThat(out).as("cut at %d", cut).containsExactly("héllo 😀 wörld");
        }
    }

    @Test
    void deliversEveryByteFedOneAtATime() throws Exception {
        for (byte b : "a😀\r\nb\n".getBytes(StandardCharsets.UTF_8)) {
            feed(new byte[] {b});
        }
        assertThat(lines).containsExactly("a😀", "b");
    }

    @Test
    void rejectsInvalidUtf8InsteadOfReplacingIt() {
        assertThatThrownBy(() -> feed(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'}))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void rejectsInputThatEndsInsideACharacter() throws Exception {
        feed(new byte[] {'a', (byte) 0xF0, (byte) 0x9F});
        assertThatThrownBy(() -> decoder.finish(lines::add)).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void rejectsOverlongLines() {
        LineDecoder small = new LineDecoder(5);
        assertThatThrownBy(() -> small.feed(ByteBuffer.wrap("123456".getBytes(StandardCharsets.UTF_8)), lines::add))
                .isInstanceOf(LineDecoder.LineTooLongException.class).hasMessageContaining("5");
    }

    @Test
    void handlesChunksLargerThanItsBuffer() throws Exception {
        String big = "x".repeat(900);
        feed((big + "\n" + big + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly(big, big);
    }
}
