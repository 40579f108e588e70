package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.spi.GraderFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextGradersDiscoverabilityTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "exact,  dev.llmbench.graders.text.ExactMatchGraderFactory",
        "regex,  dev.llmbench.graders.text.RegexGraderFactory",
        "words,  dev.llmbench.graders.text.WordsGraderFactory",
        "counts, dev.llmbench.graders.text.CountsGraderFactory",
        "format, dev.llmbench.graders.text.FormatGraderFactory",
        "json,   dev.llmbench.graders.json.JsonGraderFactory",
    })
    void serviceLoaderFindsTheFactoryById(String id, String className) {
        GraderFactory factory = ServiceLoader.load(GraderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).findFirst().orElse(null);
        assertThat(factory).as("factory '%s'", id).isNotNull();
        assertThat(factory.getClass().getName()).isEqualTo(className);
        assertThat(factory.description()).isNotBlank();
    }
}
