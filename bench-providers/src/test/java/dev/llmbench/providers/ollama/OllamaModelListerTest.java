package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.ProviderException;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.http.ErrorMapper;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaModelListerTest {
    private static final ErrorMapper ERRORS = new ErrorMapper("ollama", Secret.NONE, "hint", Clock.systemUTC());

    @Test
    void readsNamesSizesDetailsContextAndCapabilities() {
        List<ModelInfo> models = OllamaModelLister.parse("{\"models\":[{\"name\":\"llama3.2:latest\","
                + "\"model\":\"llama3.2:latest\",\"modified_at\":\"2025-01-01T00:00:00Z\",\"size\":2019393189,"
                + "\"digest\":\"a80c\",\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"llama\","
                + "\"families\":[\"llama\"],\"parameter_size\":\"3.2B\",\"quantization_level\":\"Q4_K_M\"}},"
                + "{\"name\":\"gemma3:4b\",\"size\":3338801804,\"details\":{\"family\":\"gemma3\",\"context_length\":131072},"
                + "\"capabilities\":[\"completion\",\"vision\"]}]}", ERRORS);

        assertThat(models).extracting(ModelInfo::id).containsExactly("gemma3:4b", "llama3.2:latest");
        assertThat(models.get(0).contextLength()).isEqualTo(131_072);
        assertThat(models.get(0).details()).containsEntry("capabilities", "completion,vision");
        ModelInfo llama = models.get(1);
        assertThat(llama.context()).isEmpty();
        assertThat(llama.promptPrice()).isEmpty();
        assertThat(llama.details()).containsEntry("size", "2019393189").containsEntry("family", "llama")
                .containsEntry("parameter_size", "3.2B").containsEntry("quantization_level", "Q4_K_M");
    }

    @Test
    void rejectsABodyThatIsNotAModelList() {
        assertThatThrownBy(() -> OllamaModelLister.parse("Ollama is running", ERRORS))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.error().errorClass()).isEqualTo(ErrorClass.MALFORMED_RESPONSE));
    }
}
