package dev.llmbench.graders.code;

import dev.llmbench.core.BenchConfigurationException;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds {@link CodeRunner}s through {@link ServiceLoader}: first with the thread context class
 * loader, then with this module's own loader. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CodeRunners {
    private CodeRunners() {}

    /** Every discoverable runner, sorted by language id; never null. */
    public static List<CodeRunner> all() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        List<CodeRunner> found = context == null ? List.of() : load(context);
        if (found.isEmpty()) {
            found = load(CodeRunner.class.getClassLoader());
        }
        return found;
    }

    /**
     * The runner for {@code language}.
     *
     * @throws BenchConfigurationException when no runner for it is registered, listing the languages there are
     */
    public static CodeRunner forLanguage(String language) {
        List<CodeRunner> all = all();
        return all.stream().filter(r -> r.language().equals(language)).findFirst()
                .orElseThrow(() -> new BenchConfigurationException("no code runner for language '" + language
                        + "'; available: " + all.stream().map(CodeRunner::language).toList()));
    }

    private static List<CodeRunner> load(ClassLoader loader) {
        return ServiceLoader.load(CodeRunner.class, loader).stream().map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(CodeRunner::language)).toList();
    }
}
