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

    /** Byte sequences at the edges of UTF-8's rules, each followed by a line end. */
    private static final int[][] EDGES = {
        {0xC0, 0x80}, {0xC1, 0xBF}, {0xC2, 0x80}, {0xDF, 0xBF}, // overlong 2-byte forms; the smallest and largest valid
        {0xE0, 0x80, 0x80}, {0xE0, 0x9F, 0xBF}, {0xE0, 0xA0, 0x80}, // overlong 3-byte forms; the smallest valid
        {0xED, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, // the last before the surrogates; surrogates
        {0xEF, 0xBF, 0xBF}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF0, 0x90, 0x80, 0x80}, // overlong 4-byte; the smallest valid
        {0xF4, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, // U+10FFFF; above it
        {0x80}, {0xBF}, {0xC3}, {0xE2, 0x82}, {0xC3, 0xC3}, {0xE2, 0x28, 0xA1}, {0xF0, 0x9F, 0x98, 0x28}, // stray, short
    };

    @Test
    void acceptsAndRejectsExactlyWhatTheJdksStrictDecoderDoes() throws Exception {
        for (int[] edge : EDGES) {
            byte[] line = new byte[edge.length + 3];
            line[0] = 'a';
            for (int i = 0; i < edge.length; i++) {
                line[i + 1] = (byte) edge[i];
            }
            line[edge.length + 1] = 'b';
            line[edge.length + 2] = '\n';
            boolean jdk = true;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line));
            } catch (CharacterCodingException e) {
                jdk = false;
            }
            List<String> out = new ArrayList<>();
            boolean ours = true;
            try {
                new LineDecoder(1000).feed(ByteBuffer.wrap(line), out::add);
            } catch (CharacterCodingException e) {
                ours = false;
            }
            assertThat(ours).as("%s", java.util.Arrays.toString(edge)).isEqualTo(jdk);
            if (jdk) {
                assertThat(out).containsExactly(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void handsALineWithinOneReadAsASliceOfThatReadWithoutCopying() throws Exception {
        byte[] read = "xx\none\ntwo\nrest".getBytes(StandardCharsets.UTF_8);
        List<Object> arrays = new ArrayList<>();
        List<String> got = new ArrayList<>();
        LineDecoder.LineSink sink = (b, off, len) -> {
            arrays.add(b);
            got.add(new String(b, off, len, StandardCharsets.UTF_8));
        };
        decoder.feed(ByteBuffer.wrap(read, 3, read.length - 3).slice(), sink);
        assertThat(got).containsExactly("one", "two");
        assertThat(arrays).allSatisfy(a -> assertThat(a).isSameAs(read));
        decoder.feed(ByteBuffer.wrap("!\n".getBytes(StandardCharsets.UTF_8)), sink);
        assertThat(got).containsExactly("one", "two", "rest!");
    }

    @Test
    void readsDirectAndReadOnlyBuffersAlike() throws Exception {
        byte[] bytes = "a😀\r\nb\n".getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        decoder.feed(direct, lines::add);
        decoder.feed(ByteBuffer.wrap(bytes).asReadOnlyBuffer(), lines::add);
        assertThat(lines).containsExactly("a😀", "b", "a😀", "b");
        assertThat(direct.hasRemaining()).isFalse();
    }

    @Test
    void countsTheLineLimitInCharsWithASupplementaryCharacterAsTwo() throws Exception {
        LineDecoder four = new LineDecoder(4);
        four.feed(ByteBuffer.wrap("ab😀\n".getBytes(StandardCharsets.UTF_8)), lines::add);
        assertThat(lines).containsExactly("ab😀");
        assertThatThrownBy(() -> four.feed(ByteBuffer.wrap("abc😀".getBytes(StandardCharsets.UTF_8)), lines::add))
                .isInstanceOf(LineDecoder.LineTooLongException.class);
    }

    @Test
    void joinsALongLineSpreadOverManyReadsAndStaysUsableAfterIt() throws Exception {
        LineDecoder d = new LineDecoder(1 << 20);
        String big = "é".repeat(20_000);
        byte[] all = (big + "\nsmall\n").getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < all.length; at += 999) {
            d.feed(ByteBuffer.wrap(all, at, Math.min(999, all.length - at)), lines::add);
        }
        assertThat(lines).containsExactly(big, "small");
    }

    @Test
    void rejectsAnInvalidByteAfterDeliveringTheLinesBeforeIt() {
        byte[] bytes = {'o', 'k', '\n', (byte) 0xFF, '\n'};
        assertThatThrownBy(() -> feed(bytes)).isInstanceOf(CharacterCodingException.class);
        assertThat(lines).containsExactly("ok");
    }
}
