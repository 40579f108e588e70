package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OllamaHostTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                         | http://127.0.0.1:11434",
            "''                           | http://127.0.0.1:11434",
            "localhost                    | http://localhost:11434",
            "gpu-box                      | http://gpu-box:11434",
            "gpu-box:11500                | http://gpu-box:11500",
            "'  gpu-box:11500  '          | http://gpu-box:11500",
            ":11500                       | http://127.0.0.1:11500",
            "10.0.0.5                     | http://10.0.0.5:11434",
            "0.0.0.0                      | http://127.0.0.1:11434",
            "0.0.0.0:11434                | http://127.0.0.1:11434",
            "::                           | http://[::1]:11434",
            "[::]:11500                   | http://[::1]:11500",
            "[::1]:11434                  | http://[::1]:11434",
            "[fe80::1]                    | http://[fe80::1]:11434",
            "http://gpu-box               | http://gpu-box:80",
            "https://gpu-box              | https://gpu-box:443",
            "http://gpu-box:11434         | http://gpu-box:11434",
            "HTTP://gpu-box:11434/        | http://gpu-box:11434",
            "http://0.0.0.0:11434         | http://127.0.0.1:11434",
            "https://proxy.example/ollama | https://proxy.example:443/ollama",
            "ollama.com                   | https://ollama.com:443",
            "https://ollama.com/api       | https://ollama.com:443",
            "https://ollama.com/api/      | https://ollama.com:443",
    })
    void parsesOllamaHostFormsLikeOllamaItself(String raw, String expected) {
        assertThat(OllamaHost.toBaseUrl(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu-box:0", "gpu-box:70000", "gpu-box:abc", "ftp://gpu-box", "[::1", "gpu box:11434",
            "user@gpu-box:11434"})
    void rejectsUnusableHostsInOneLine(String raw) {
        assertThatThrownBy(() -> OllamaHost.toBaseUrl(raw))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining(raw)
                .hasMessageNotContaining("\n");
    }
}
