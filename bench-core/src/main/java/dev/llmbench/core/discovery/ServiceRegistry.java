package dev.llmbench.core.discovery;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.core.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place plugins are found: provider factories, grader factories, suites and single tests,
 * discovered with {@link ServiceLoader} and/or added explicitly.
 *
 * <p>Discovery rules: each SPI is loaded with the given class loader (default: the thread context
 * class loader, falling back to core's own); an entry that fails to load is reported in
 * {@link #loadErrors()} and logged, and the others still load; duplicate ids are rejected with a
 * {@link BenchConfigurationException} naming both classes; entries are sorted by id. An unknown id
 * fails with a message listing the known ones. There is never a silent fallback.
 *
 * <p>Immutable and thread-safe once built; discovery happens once, in {@link Builder#build()}.
 *
 * @since 0.1
 */
public final class ServiceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);
    /** Stops a broken services file from looping forever: ServiceLoader may repeat one failure. */
    private static final int MAX_FAILURES = 64;

    private final Map<String, ProviderFactory> providers;
    private final Map<String, GraderFactory> graders;
    private final Map<String, BenchSuite> suites;
    private final Map<String, BenchTest> tests;
    private final List<String> loadErrors;

    private ServiceRegistry(Builder b, List<String> errors) {
        this.providers = Collections.unmodifiableMap(index(b.providers, ProviderFactory::id, "provider"));
        this.graders = Collections.unmodifiableMap(index(b.graders, GraderFactory::id, "grader"));
        this.suites = Collections.unmodifiableMap(index(b.suites, BenchSuite::id, "suite"));
        List<BenchTest> allTests = new ArrayList<>(b.tests);
        this.tests = Collections.unmodifiableMap(index(allTests, BenchTest::id, "test"));
        this.loadErrors = List.copyOf(errors);
    }

    /** A registry with everything discovered on the class path (the usual choice). */
    public static ServiceRegistry discover() {
        return builder().build();
    }

    /** A builder: discovery on by default, explicit additions allowed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Provider factories by id, sorted. */
    public Map<String, ProviderFactory> providers() {
        return providers;
    }

    /** Grader factories by id, sorted. */
    public Map<String, GraderFactory> graders() {
        return graders;
    }

    /** Suites by id, sorted. */
    public Map<String, BenchSuite> suites() {
        return suites;
    }

    /** Tests registered on their own (not through a suite), by id, sorted. */
    public Map<String, BenchTest> tests() {
        return tests;
    }

    /** One line per plugin entry that failed to load; empty when all loaded. */
    public List<String> loadErrors() {
        return loadErrors;
    }

    /**
     * The provider factory with this id.
     *
     * @throws BenchConfigurationException listing the known ids when there is none
     */
    public ProviderFactory provider(String id) {
        return lookup(providers, id, "provider");
    }

    /**
     * The grader factory with this id.
     *
     * @throws BenchConfigurationException listing the known ids when there is none
     */
    public GraderFactory grader(String id) {
        return lookup(graders, id, "grader");
    }

    /** Creates the grader a config names. */
    public Grader createGrader(GraderConfig config) {
        return grader(config.graderId()).create(config);
    }

    /**
     * The suite with this id.
     *
     * @throws BenchConfigurationException listing the known ids when there is none
     */
    public BenchSuite suite(String id) {
        return lookup(suites, id, "suite");
    }

    /**
     * The tests of a suite, or the single test, with this id.
     *
     * @throws BenchConfigurationException listing known suites and tests when there is neither
     */
    public List<BenchTest> testsOf(String suiteOrTestId) {
        BenchSuite s = suites.get(suiteOrTestId);
        if (s != null) {
            return s.tests();
        }
        BenchTest t = tests.get(suiteOrTestId);
        if (t != null) {
            return List.of(t);
        }
        throw new BenchConfigurationException("unknown suite \"" + suiteOrTestId + "\"; known suites: "
                + suites.keySet() + (tests.isEmpty() ? "" : ", single tests: " + tests.keySet()));
    }

    private static <T> T lookup(Map<String, T> map, String id, String kind) {
        Checks.notNull(id, kind + " id");
        T t = map.get(id);
        if (t == null) {
            throw new BenchConfigurationException("unknown " + kind + " \"" + id + "\"; known " + kind + "s: "
                    + (map.isEmpty() ? "(none found on the class path)" : String.join(", ", map.keySet())));
        }
        return t;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> idOf, String kind) {
        Map<String, T> out = new TreeMap<>();
        for (T item : items) {
            String id = idOf.apply(item);
            if (id == null || id.isBlank()) {
                throw new BenchConfigurationException(
                        kind + " " + item.getClass().getName() + " has a blank id");
            }
            T previous = out.putIfAbsent(id, item);
            if (previous != null && previous != item) {
                throw new BenchConfigurationException("duplicate " + kind + " id \"" + id + "\": "
                        + previous.getClass().getName() + " and " + item.getClass().getName());
            }
        }
        return new LinkedHashMap<>(out);
    }

    /** Builds a {@link ServiceRegistry}. Not thread-safe. */
    public static final class Builder {
        private ClassLoader loader;
        private boolean discoverProviders = true;
        private boolean discoverGraders = true;
        private boolean discoverTests = true;
        private final List<ProviderFactory> providers = new ArrayList<>();
        private final List<GraderFactory> graders = new ArrayList<>();
        private final List<BenchSuite> suites = new ArrayList<>();
        private final List<BenchTest> tests = new ArrayList<>();

        private Builder() {}

        /** Uses this class loader for discovery. */
        public Builder classLoader(ClassLoader loader) {
            this.loader = Checks.notNull(loader, "loader");
            return this;
        }

        /** Turns discovery of provider factories on or off (default on). */
        public Builder discoverProviders(boolean on) {
            this.discoverProviders = on;
            return this;
        }

        /** Turns discovery of grader factories on or off (default on). */
        public Builder discoverGraders(boolean on) {
            this.discoverGraders = on;
            return this;
        }

        /** Turns discovery of suites and single tests on or off (default on). */
        public Builder discoverTests(boolean on) {
            this.discoverTests = on;
            return this;
        }

        /** Turns all discovery off: only what is added explicitly is known. */
        public Builder noDiscovery() {
            return discoverProviders(false).discoverGraders(false).discoverTests(false);
        }

        /** Adds a provider factory. */
        public Builder provider(ProviderFactory factory) {
            providers.add(Checks.notNull(factory, "factory"));
            return this;
        }

        /** Adds a grader factory. */
        public Builder grader(GraderFactory factory) {
            graders.add(Checks.notNull(factory, "factory"));
            return this;
        }

        /** Adds a suite. */
        public Builder suite(BenchSuite suite) {
            suites.add(Checks.notNull(suite, "suite"));
            return this;
        }

        /** Adds a single test. */
        public Builder test(BenchTest test) {
            tests.add(Checks.notNull(test, "test"));
            return this;
        }

        /**
         * Discovers and indexes everything.
         *
         * @throws BenchConfigurationException on a blank or duplicate id
         */
        public ServiceRegistry build() {
            ClassLoader cl = loader != null ? loader : Thread.currentThread().getContextClassLoader();
            if (cl == null) {
                cl = ServiceRegistry.class.getClassLoader();
            }
            List<String> errors = new ArrayList<>();
            if (discoverProviders) {
                providers.addAll(0, load(ProviderFactory.class, cl, errors));
            }
            if (discoverGraders) {
                graders.addAll(0, load(GraderFactory.class, cl, errors));
            }
            if (discoverTests) {
                suites.addAll(0, load(BenchSuite.class, cl, errors));
                tests.addAll(0, load(BenchTest.class, cl, errors));
            }
            return new ServiceRegistry(this, errors);
        }

        private static <T> List<T> load(Class<T> type, ClassLoader cl, List<String> errors) {
            List<T> found = new ArrayList<>();
            Iterator<T> it = ServiceLoader.load(type, cl).iterator();
            int failures = 0;
            while (failures < MAX_FAILURES) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    T item = it.next();
                    found.add(item);
                    LOG.debug("loaded {} {} from {}", type.getSimpleName(), item.getClass().getName(),
                            location(item.getClass()));
                } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                    String msg = type.getSimpleName() + " plugin failed to load: " + e.getMessage();
                    errors.add(msg);
                    LOG.warn(msg);
                    failures++;
                }
            }
            return found;
        }

        private static String location(Class<?> c) {
            var source = c.getProtectionDomain().getCodeSource();
            return source == null ? "(unknown)" : String.valueOf(source.getLocation());
        }
    }
}
