package dev.llmbench.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.fixtures.Fixtures;
import dev.llmbench.core.fixtures.ScriptedProvider;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.timing.FakeTicker;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceRegistryTest {
    /** A second grader with the id "contains", to provoke a duplicate. */
    public static final class OtherContains implements GraderFactory {
        @Override
        public String id() {
            return "contains";
        }

        @Override
        public String description() {
            return "duplicate";
        }

        @Override
        public Grader create(GraderConfig config) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        ServiceRegistry r = ServiceRegistry.builder().noDiscovery().provider(new ScriptedProvider(new FakeTicker()))
                .grader(new Fixtures.ContainsGrader()).suite(Fixtures.suite()).build();
        assertThatThrownBy(() -> r.provider("olama")).isInstanceOf(BenchConfigurationException.class)
                .hasMessage("unknown provider \"olama\"; known providers: scripted");
        assertThatThrownBy(() -> r.grader("regex")).hasMessageContaining("known graders: contains");
        assertThatThrownBy(() -> r.testsOf("standart")).hasMessageContaining("known suites: [mini]");
        assertThat(r.testsOf("mini")).hasSize(2);
    }

    @Test
    void duplicateIdsAreRejectedNamingBothClasses() {
        assertThatThrownBy(() -> ServiceRegistry.builder().noDiscovery().grader(new Fixtures.ContainsGrader())
                .grader(new OtherContains()).build())
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("duplicate grader id \"contains\"")
                .hasMessageContaining(Fixtures.ContainsGrader.class.getName())
                .hasMessageContaining(OtherContains.class.getName());
    }

    @Test
    void aPluginThatFailsToLoadIsReportedAndTheOthersStillLoad(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ProviderFactory.class.getName()),
                "com.example.DoesNotExist\n" + ScriptedFactory.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ServiceRegistryTest.class.getClassLoader())) {
            ServiceRegistry r = ServiceRegistry.builder().classLoader(loader).discoverGraders(false)
                    .discoverTests(false).build();
            assertThat(r.providers()).containsKey("scripted");
            assertThat(r.loadErrors()).singleElement().asString().contains("com.example.DoesNotExist");
        }
    }

    @Test
    void explicitAdditionsWorkWithDiscoveryOff() {
        ServiceRegistry r = ServiceRegistry.builder().noDiscovery().build();
        assertThat(r.providers()).isEmpty();
        assertThatThrownBy(() -> r.provider("sim")).hasMessageContaining("(none found on the class path)");
    }

    /** A discoverable factory with a public no-arg constructor. */
    public static final class ScriptedFactory implements ProviderFactory {
        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public dev.llmbench.core.spi.Provider create(dev.llmbench.core.spi.ProviderConfig config) {
            return new ScriptedProvider(new FakeTicker());
        }
    }
}
