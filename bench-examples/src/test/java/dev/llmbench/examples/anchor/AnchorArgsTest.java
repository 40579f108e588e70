package dev.llmbench.examples.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AnchorArgsTest {
    private static final String[] RUN_CLIENT = {"--urls", "http://127.0.0.1:11600,http://127.0.0.1:11601/",
        "--concurrency", "100", "--num-requests", "200", "--endpoint", "/api/chat", "--tag", "c100", "--out",
        "/tmp/x/client.json"};

    @Test
    void parsesTheArgumentsRunClientPasses() {
        AnchorArgs a = AnchorArgs.parse(RUN_CLIENT);
        assertThat(a.urls()).containsExactly(URI.create("http://127.0.0.1:11600"), URI.create("http://127.0.0.1:11601"));
        assertThat(a.concurrency()).isEqualTo(100);
        assertThat(a.numRequests()).isEqualTo(200);
        assertThat(a.endpoint()).isEqualTo("/api/chat");
        assertThat(a.out()).isEqualTo(Path.of("/tmp/x/client.json"));
        assertThat(a.warmup()).isEqualTo(1);
        assertThat(a.jitWarmup()).isEqualTo(AnchorArgs.DEFAULT_JIT_WARMUP);
        assertThat(a.requestId(7)).isEqualTo("c100-7");
        assertThat(a.warmupId(0)).isEqualTo("c100-warmup-0");
    }

    @Test
    void acceptsWarmupAndNameEqualsValueForms() {
        AnchorArgs a = AnchorArgs.parse("--urls=http://h:1", "--concurrency=1", "--num-requests=3",
                "--endpoint=/api/chat", "--tag=t", "--out=o.json", "--warmup", "0", "--jit-warmup=7");
        assertThat(a.warmup()).isZero();
        assertThat(a.jitWarmup()).isEqualTo(7);
        assertThat(a.numRequests()).isEqualTo(3);
    }

    @Test
    void rejectsGenerateWithAMessageThatSaysToPassChat() {
        String[] args = RUN_CLIENT.clone();
        args[7] = "/api/generate";
        assertThatThrownBy(() -> AnchorArgs.parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--endpoint /api/generate").hasMessageContaining("pass --endpoint /api/chat");
    }

    @Test
    void namesTheMissingOrBadOption() {
        assertThatThrownBy(() -> AnchorArgs.parse("--concurrency", "1")).hasMessage("--urls is required");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "http://h:1", "--concurrency", "1", "--tag", "t"))
                .hasMessage("--num-requests is required");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "http://h:1", "--concurrency", "0", "--num-requests", "1",
                "--endpoint", "/api/chat", "--tag", "t", "--out", "o")).hasMessageContaining("--concurrency must be 1 to");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "http://h:1", "--concurrency", "two"))
                .hasMessage("--concurrency must be a whole number, got \"two\"");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "ftp://h:1", "--concurrency", "1", "--num-requests", "1",
                "--endpoint", "/api/chat", "--tag", "t", "--out", "o")).hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "http://h:1,", "--concurrency", "1"))
                .hasMessageContaining("empty URL");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "http://h:1", "--concurrency", "1", "--num-requests", "1",
                "--endpoint", "/api/chat", "--tag", "a b", "--out", "o")).hasMessageContaining("--tag");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "http://h:1", "--colour", "red"))
                .hasMessage("unknown option \"--colour\"");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls")).hasMessage("--urls needs a value");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "http://h:1", "--concurrency", "1", "--num-requests", "1",
                "--tag", "t", "--out", "o")).hasMessage("--endpoint is required");
        assertThatThrownBy(() -> AnchorArgs.parse("--urls", "http://h:1", "--concurrency", "1", "--num-requests", "1",
                "--endpoint", "/api/chat", "--tag", "t")).hasMessage("--out is required");
    }
}
