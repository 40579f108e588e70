package dev.llmbench.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassetteTapeTest {
    private static final Secret KEY = Secret.of("sk-canary-abcdef");

    private static Cassette.Chunk chunk(long at, String text) {
        return new Cassette.Chunk(at, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> texts(List<Cassette.Chunk> chunks) {
        return chunks.stream().map(c -> new String(c.bytes(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void leavesChunksWithoutTheKeyAlone() {
        List<Cassette.Chunk> in = List.of(chunk(1, "hello "), chunk(2, "world"));
        assertThat(CassetteTape.redactChunks(in, KEY)).isSameAs(in);
        assertThat(CassetteTape.redactChunks(in, Secret.NONE)).isSameAs(in);
    }

    @Test
    void replacesTheKeyInsideOneChunk() {
        List<Cassette.Chunk> out = CassetteTape.redactChunks(List.of(chunk(1, "a"), chunk(2, "key sk-canary-abcdef!")), KEY);
        assertThat(texts(out)).containsExactly("a", "key ****!");
        assertThat(out.get(1).atNanos()).isEqualTo(2);
    }

    @Test
    void mergesChunksAKeyIsSplitAcrossAndKeepsTheLastArrival() {
        List<Cassette.Chunk> out = CassetteTape.redactChunks(List.of(chunk(1, "x sk-can"), chunk(2, "ary-ab"),
                chunk(3, "cdef y"), chunk(4, " z sk-canary-abcdef")), KEY);
        assertThat(texts(out)).containsExactly("x **** y", " z ****");
        assertThat(out).extracting(Cassette.Chunk::atNanos).containsExactly(3L, 4L);
    }

    @Test
    void neverStoresCredentialOrSessionHeaders() {
        for (String h : List.of("Authorization", "x-api-key", "Set-Cookie", "Proxy-Authorization", "X-Auth-Token",
                "api-key", "x-goog-api-key")) {
            assertThat(Cassette.secretHeader(h)).as(h).isTrue();
            assertThat(Cassette.keptRequestHeader(h)).as(h).isFalse();
        }
        for (String h : List.of("retry-after", "x-ratelimit-reset", "content-type", "anthropic-ratelimit-tokens-remaining")) {
            assertThat(Cassette.secretHeader(h)).as(h).isFalse();
        }
        assertThat(Cassette.keptRequestHeader("anthropic-version")).isTrue();
    }
}
