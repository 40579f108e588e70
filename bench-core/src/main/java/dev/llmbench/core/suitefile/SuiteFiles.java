package dev.llmbench.core.suitefile;

import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.BenchSuite;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads suites written as YAML or JSON files: tests made of prompts and built-in graders with
 * parameters, no Java needed.
 *
 * <pre>{@code
 * id: support-bot
 * tests:
 *   - id: refunds
 *     category: support
 *     pass_threshold: 0.75
 *     cases:
 *       - id: late_return
 *         prompt: "A customer returns shoes after 40 days. ..."
 *         graders:
 *           - grader: words
 *             required: [refund, "store credit"]
 *         calibration:
 *           passing: ["..."]
 *           failing: ["...", "..."]
 * }</pre>
 *
 * <p>Loading validates everything before any request: unknown or missing fields, wrong types,
 * duplicate ids and keys, unknown graders (checked against the registry) and bad grader
 * parameters (every grader is created once), and the calibration responses (each {@code passing}
 * one must pass, each {@code failing} one must fail). Every error is a {@link SuiteFileException}
 * in the form {@code file:line: field: problem}. Core knows no concrete grader: a grader entry is
 * only an id and parameters ({@link dev.llmbench.core.spi.GraderConfig}).
 *
 * <p>The format is described in the README ("Suite files"). Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class SuiteFiles {
    private SuiteFiles() {}

    /**
     * What to run for a {@code --suite} argument.
     *
     * @param suiteId  the suite (or single test) id to put in the options
     * @param registry the registry that knows it (for a file, the given one plus the file's suite)
     * @param file     the loaded file suite, when the argument named a file
     */
    public record Selection(String suiteId, ServiceRegistry registry, Optional<FileSuite> file) {}

    /** Whether {@code suiteArgument} names a suite file (it ends with .yaml, .yml or .json) rather than an id. */
    public static boolean isSuiteFile(String suiteArgument) {
        String s = Checks.notNull(suiteArgument, "suiteArgument").strip().toLowerCase(Locale.ROOT);
        return s.endsWith(".yaml") || s.endsWith(".yml") || s.endsWith(".json");
    }

    /**
     * Resolves a {@code --suite} argument: a suite file is loaded and registered; anything else is
     * taken as a suite or test id of {@code registry}, unchecked (the runner checks it).
     *
     * @throws SuiteFileException when the argument names a file that is missing or invalid
     */
    public static Selection select(String suiteArgument, ServiceRegistry registry) {
        Checks.notNull(registry, "registry");
        if (!isSuiteFile(suiteArgument)) {
            return new Selection(suiteArgument.strip(), registry, Optional.empty());
        }
        FileSuite suite = load(Path.of(suiteArgument.strip()), registry);
        return new Selection(suite.id(), withSuite(registry, suite), Optional.of(suite));
    }

    /**
     * Loads and validates a suite file (UTF-8; YAML for {@code .yaml}/{@code .yml}, else JSON).
     *
     * @param registry knows the graders the file may name
     * @throws SuiteFileException naming the file, line and field of the first problem
     */
    public static FileSuite load(Path file, ServiceRegistry registry) {
        Checks.notNull(file, "file");
        String name = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, in, file, registry);
        } catch (NoSuchFileException e) {
            throw new SuiteFileException(name, 0, "", "no such suite file (from " + Path.of("").toAbsolutePath() + ")",
                    e);
        } catch (CharacterCodingException e) {
            throw new SuiteFileException(name, 0, "", "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new SuiteFileException(name, 0, "", "cannot be read: " + e, e);
        }
    }

    /**
     * Loads and validates a suite from {@code in}, e.g. a class-path resource.
     *
     * @param name the file name for messages; its extension picks YAML or JSON
     * @throws SuiteFileException naming the line and field of the first problem
     */
    public static FileSuite read(String name, Reader in, ServiceRegistry registry) {
        return read(Checks.notBlank(name, "name"), Checks.notNull(in, "in"), Path.of(name), registry);
    }

    /**
     * A registry with everything {@code base} knows plus {@code suite}, without discovering again.
     *
     * @throws dev.llmbench.core.BenchConfigurationException when {@code base} already has a suite of that id
     */
    public static ServiceRegistry withSuite(ServiceRegistry base, BenchSuite suite) {
        ServiceRegistry.Builder b = ServiceRegistry.builder().noDiscovery();
        base.providers().values().forEach(b::provider);
        base.graders().values().forEach(b::grader);
        base.suites().values().forEach(b::suite);
        base.tests().values().forEach(b::test);
        return b.suite(suite).build();
    }

    private static FileSuite read(String name, Reader in, Path source, ServiceRegistry registry) {
        Checks.notNull(registry, "registry");
        String lower = name.toLowerCase(Locale.ROOT);
        boolean yaml = !lower.endsWith(".json");
        Node root = NodeReader.read(name, in, yaml);
        return new SuiteFileParser(name, registry).suite(root, source);
    }
}
