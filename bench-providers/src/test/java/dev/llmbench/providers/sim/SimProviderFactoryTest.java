package dev.llmbench.providers.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SimProviderFactoryTest {

    @Test
    void isDiscoverableByServiceLoaderAsSim() {
        assertThat(ServiceLoader.load(ProviderFactory.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(f -> f.id().equals("sim")))
                .singleElement()
                .isInstanceOf(SimProviderFactory.class)
                .satisfies(f -> assertThat(f.description()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void createsAStreamingProviderThatReportsUsage() {
        try (Provider provider = new SimProviderFactory().create(ProviderConfig.of("oracle?tps=50"))) {
            assertThat(provider.id()).isEqualTo("sim");
            assertThat(provider.model()).isEqualTo("oracle?tps=50");
            assertThat(provider.capabilities())
                    .containsExactlyInAnyOrder(Capability.STREAMING, Capability.USAGE, Capability.TOOLS);
        }
    }

    @Test
    void rejectsAnUnknownModelAtCreate() {
        assertThatThrownBy(() -> new SimProviderFactory().create(ProviderConfig.of("llama3")))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("sim:oracle")
                .hasMessageContaining("sim:echo");
    }

    @Test
    void rejectsABadParameterAtCreate() {
        assertThatThrownBy(() -> new SimProviderFactory().create(ProviderConfig.of("echo?tps=0")))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("tps");
    }

    @Test
    void createStartsNoThreadUntilTheFirstRequest() {
        try (SimProvider provider = (SimProvider) new SimProviderFactory().create(ProviderConfig.of("echo"))) {
            assertThat(provider.schedulerStarted()).isFalse();
        }
    }
}
