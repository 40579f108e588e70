package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextPlanTest {
    private static OllamaSettings settings(Map<String, String> extras) {
        return OllamaSettings.resolve(new ProviderConfig("m", "", Secret.NONE, Duration.ofSeconds(5),
                Duration.ofSeconds(60), extras), name -> null);
    }

    private static ChatRequest promptOfTokens(int tokens) {
        return ChatRequest.ofUser("y".repeat(tokens * ContextPlan.CHARS_PER_TOKEN));
    }

    @Test
    void estimatesConservativelyAtThreeCharactersPerTokenPlusTemplateOverhead() {
        assertThat(ContextPlan.estimatePromptTokens(ChatRequest.ofUser("abcdefg"))).isEqualTo(3 + 4);
    }

    @Test
    void sendsNoNumCtxWhenPromptAndOutputFitTheDefault() {
        ContextPlan p = ContextPlan.of(promptOfTokens(1000), settings(Map.of()), ModelShow.UNKNOWN, 2048, -1);

        assertThat(p.numCtx()).isEqualTo(-1);
        assertThat(p.effectiveContext()).isEqualTo(4096);
        assertThat(p.fits()).isTrue();
    }

    @Test
    void growsToTheNextPowerOfTwoCappedByTheModelsTrainedContext() {
        ModelShow small = new ModelShow(true, Set.of(), 8192, -1);
        ContextPlan p = ContextPlan.of(promptOfTokens(20_000), settings(Map.of()), small, 2048, -1);

        assertThat(p.numCtx()).isEqualTo(8192);
        assertThat(p.fits()).isFalse();
        assertThat(p.capWarning("m")).hasValueSatisfying(w -> assertThat(w).contains("limited to 8192"));
    }

    @Test
    void isCappedByNumCtxMax() {
        ModelShow big = new ModelShow(true, Set.of(), 131_072, -1);
        ContextPlan p = ContextPlan.of(promptOfTokens(50_000), settings(Map.of("num_ctx_max", "32768")), big, 100, -1);

        assertThat(p.numCtx()).isEqualTo(32_768);
    }

    @Test
    void usesTheModelfileNumCtxAsTheDefaultContext() {
        ModelShow withModelfile = new ModelShow(true, Set.of(), 131_072, 16_384);
        ContextPlan p = ContextPlan.of(promptOfTokens(10_000), settings(Map.of()), withModelfile, 2048, -1);

        assertThat(p.numCtx()).isEqualTo(-1);
        assertThat(p.effectiveContext()).isEqualTo(16_384);
    }

    @Test
    void honoursTheServerDefaultSetting() {
        ContextPlan p = ContextPlan.of(promptOfTokens(6_000), settings(Map.of("server_num_ctx", "8192")),
                ModelShow.UNKNOWN, 2048, -1);

        assertThat(p.numCtx()).isEqualTo(-1);
    }

    @Test
    void keepsAnEarlierLargerSizeSoTheModelIsNotReloaded() {
        ContextPlan p = ContextPlan.of(promptOfTokens(10), settings(Map.of()), ModelShow.UNKNOWN, 2048, 16_384);

        assertThat(p.numCtx()).isEqualTo(16_384);
    }

    @Test
    void flagsAPromptEvaluatedFarBelowItsEstimate() {
        ContextPlan p = ContextPlan.of(promptOfTokens(10_000), settings(Map.of()), ModelShow.UNKNOWN, 2048, -1);

        assertThat(p.truncationWarning("gemma3:4b", 4096)).hasValueSatisfying(w -> assertThat(w)
                .contains("gemma3:4b").contains("4096").contains("probably truncated"));
        assertThat(p.truncationWarning("gemma3:4b", 9_000)).isEmpty();
        assertThat(p.truncationWarning("gemma3:4b", -1)).isEmpty();
    }

    @Test
    void doesNotFlagSmallPrompts() {
        ContextPlan p = ContextPlan.of(promptOfTokens(100), settings(Map.of()), ModelShow.UNKNOWN, 2048, -1);

        assertThat(p.truncationWarning("m", 3)).isEmpty();
    }
}
