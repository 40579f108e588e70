package dev.llmbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FakeLlmServerMainTest {

    private static final String[] GOOD = {"--port", "0", "--format", "ollama", "--ttft-ms", "200", "--itl-ms", "50",
        "--tokens", "100"};

    private static String[] with(String... extra) {
        String[] all = new String[GOOD.length + extra.length];
        System.arraycopy(GOOD, 0, all, 0, GOOD.length);
        System.arraycopy(extra, 0, all, GOOD.length, extra.length);
        return all;
    }

    @Test
    void goodArgumentsGiveTheScheduleInNanosecondsAndTheDefaults() {
        FakeLlmServerMain.Options o = FakeLlmServerMain.parse(with("--log", "gt.json"));
        assertThat(o.params()).isEqualTo(new StreamParams(200_000_000L, 50_000_000L, 100, 50_000_000L));
        assertThat(o.format()).isEqualTo(WireFormat.OLLAMA);
        assertThat(o.config()).isEqualTo(new ServerConfig("127.0.0.1", 0, FakeLlmServerMain.DEFAULT_BACKLOG,
                FakeLlmServerMain.DEFAULT_MAX_CONNECTIONS, FakeLlmServerMain.DEFAULT_EMITTERS));
        assertThat(o.log()).isEqualTo(Path.of("gt.json"));
    }

    @Test
    void equalsFormAndExplicitDoneGapBacklogAndConnectionCapAreAccepted() {
        FakeLlmServerMain.Options o = FakeLlmServerMain.parse("--port=11600", "--format=Anthropic", "--ttft-ms=0.5",
                "--itl-ms=20", "--tokens=1", "--done-gap-ms=0", "--backlog=16", "--max-connections=3", "--bind=localhost", "--emitters=0");
        assertThat(o.params()).isEqualTo(new StreamParams(500_000L, 20_000_000L, 1, 0));
        assertThat(o.format()).isEqualTo(WireFormat.ANTHROPIC);
        assertThat(o.config().backlog()).isEqualTo(16);
        assertThat(o.config().maxConnections()).isEqualTo(3);
        assertThat(o.config().port()).isEqualTo(11600);
        assertThat(o.config().emitters()).isZero();
    }

    @Test
    void badValuesAreRejectedWithMessagesNamingTheOption() {
        assertRejected("--port is required", "--format", "ollama", "--ttft-ms", "1", "--itl-ms", "1", "--tokens", "1");
        assertRejected("--port (70000) must be in 0..65535", replace("--port", "70000"));
        assertRejected("--port must be a whole number, not 'x'", replace("--port", "x"));
        assertRejected("--format must be ollama, openai or anthropic, not 'grpc'", replace("--format", "grpc"));
        assertRejected("--itl-ms", replace("--itl-ms", "-1"));
        assertRejected("must be a number of milliseconds in 0..3600000", replace("--ttft-ms", "NaN"));
        assertRejected("--ttft-ms must be a number of milliseconds, not 'soon'", replace("--ttft-ms", "soon"));
        assertRejected("--tokens (0) must be in 1..1000000", replace("--tokens", "0"));
        assertRejected("must be a loopback address", with("--bind", "8.8.8.8"));
        assertRejected("--backlog (0) must be in 1..65535", with("--backlog", "0"));
        assertRejected("--max-connections (0) must be in 1..1000000", with("--max-connections", "0"));
        assertRejected("--emitters (65) must be in 0..64", with("--emitters", "65"));
        assertRejected("unknown option --verbose", with("--verbose", "1"));
        assertRejected("--log needs a value", with("--log"));
        assertRejected("--tokens given twice", with("--tokens", "5"));
        assertRejected("unexpected argument 'extra'", with("extra"));
    }

    private static String[] replace(String name, String value) {
        String[] args = GOOD.clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name)) {
                args[i + 1] = value;
            }
        }
        return args;
    }

    private static void assertRejected(String message, String... args) {
        assertThatThrownBy(() -> FakeLlmServerMain.parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void runPrintsTheProblemAndUsageAndExitsWith2OnBadArguments() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FakeLlmServerMain.run(replace("--tokens", "many"), print(out), print(err), false);
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tokens must be a whole number, not 'many'")
                .contains("usage: FakeLlmServerMain");
        assertThat(out.size()).isZero();
    }

    @Test
    void runAnnouncesTheUrlOnceListening() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = FakeLlmServerMain.run(GOOD, print(out), print(new ByteArrayOutputStream()), false);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FakeLlmServerMain listening on http://127.0.0.1:")
                .contains("format=ollama").contains("tokens=100");
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}
