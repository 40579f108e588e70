package dev.llmbench.core.suitefile;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.BenchSuite;
import java.nio.file.Path;
import java.util.List;

/**
 * A suite loaded from a file by {@link SuiteFiles#load}: already validated, its graders checked and
 * its calibration verified. Register it with {@link SuiteFiles#withSuite} (or
 * {@code ServiceRegistry.builder().suite(...)}) and run it by {@link #id()}. Immutable and
 * thread-safe.
 *
 * @param id          the suite id from the file; never blank
 * @param description the file's description, or a line naming the file; never null
 * @param tests       the tests in file order, at least one
 * @param source      the file it was loaded from; never null
 * @since 0.1
 */
public record FileSuite(String id, String description, List<BenchTest> tests, Path source) implements BenchSuite {
    /** Validates the components and copies the list. */
    public FileSuite {
        Checks.id(id, "id");
        Checks.notNull(description, "description");
        tests = List.copyOf(Checks.notNull(tests, "tests"));
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("suite '" + id + "' needs at least one test");
        }
        Checks.notNull(source, "source");
    }
}
