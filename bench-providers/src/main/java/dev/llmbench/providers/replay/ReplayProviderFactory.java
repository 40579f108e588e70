package dev.llmbench.providers.replay;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.CassetteSettings;
import dev.llmbench.providers.internal.http.CassetteIndex;
import dev.llmbench.providers.internal.http.CassetteSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates providers that replay recorded exchanges, id {@value #ID}: {@code replay:DIR}, where DIR
 * was recorded with {@code llmbench run --record DIR} or {@code llmbench ask --record DIR}.
 *
 * <h2>Spec grammar</h2>
 * {@code replay:DIR[#PROVIDER[:MODEL]][?speed=fast|recorded]}
 * <ul>
 *   <li>{@code DIR}: the recording directory (must not contain {@code #} or {@code ?}).</li>
 *   <li>{@code #PROVIDER:MODEL} selects the recorded model when DIR holds several, e.g.
 *       {@code replay:rec#ollama:gemma4:e4b}; {@code #PROVIDER} alone is enough when that provider
 *       recorded one model. Without a selector DIR must hold recordings of exactly one model.</li>
 *   <li>{@code speed}: {@code fast} (default) delivers each recorded response at once;
 *       {@code recorded} delivers every chunk at its recorded offset from the send, so measured
 *       times are at least the recorded ones. The extra {@code replay_speed} does the same; the
 *       spec wins.</li>
 * </ul>
 *
 * <h2>How it replays</h2>
 * Every cassette names the provider configuration that recorded it (provider id, model, base URL,
 * provider extras; never the key). The factory creates that original provider through
 * {@link ServiceLoader} (not the caller's registry), with the recorded settings plus
 * {@code replay_dir=DIR}, the recorded base URL and a dummy API key (so no real key is ever read
 * from the environment). The original then maps each request to the exact bytes it sent when
 * recording, and its transport answers from the cassette with the same key (method, path, body):
 * the N-th identical request gets the N-th recording, through the same parsing, status mapping and
 * error classification as live. A request that was not recorded, or whose recordings are used up,
 * fails with {@code invalid_request} saying so. A replayed run therefore grades identically to the
 * recorded one when it is run with the same options (suite, tests, trials, warmup, seed), and
 * sequentially when the recording was (with concurrency, identical requests may swap recordings).
 *
 * <h2>Settings</h2>
 * Extras: {@code replay_speed}; {@code record_dir} is ignored (a replay is not recorded again). A
 * base URL is rejected: the recording decides where requests went.
 *
 * <h2>Registration</h2>
 * Listed in {@code META-INF/services/dev.llmbench.core.spi.ProviderFactory}.
 *
 * <h2>Constructor requirements</h2>
 * The public no-arg constructor does no I/O. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ReplayProviderFactory implements ProviderFactory {
    /** The provider id and model spec prefix. */
    public static final String ID = "replay";
    /** The API key handed to originals that need one: never sent anywhere, never a real key. */
    static final String DUMMY_KEY = "llmbench-replay-no-key";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayProviderFactory.class);

    private final Function<String, Optional<ProviderFactory>> originals;

    /** Creates the factory; finds original providers with {@link ServiceLoader} when one is created. */
    public ReplayProviderFactory() {
        this(ReplayProviderFactory::discover);
    }

    /** A factory finding original providers through {@code originals} (a seam for tests). */
    ReplayProviderFactory(Function<String, Optional<ProviderFactory>> originals) {
        this.originals = Checks.notNull(originals, "originals");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Replays a run recorded with --record DIR, offline: replay:DIR[#PROVIDER:MODEL][?speed=recorded]";
    }

    /**
     * Reads DIR's cassettes and creates the recorded provider in replay mode. Sends nothing.
     *
     * @throws BenchConfigurationException one line when the spec does not parse, DIR holds no or
     *         unreadable recordings, the selection is ambiguous or matches nothing, or the
     *         recorded provider is not available
     */
    @Override
    public Provider create(ProviderConfig config) {
        Checks.notNull(config, "config");
        ReplaySpec spec = ReplaySpec.parse(config.model());
        if (config.baseUrlOverride().isPresent()) {
            throw new BenchConfigurationException("replay: a base URL does not apply; the recording in " + spec.dir()
                    + " decides where the requests went");
        }
        String speed = spec.speed().orElse(null);
        for (Map.Entry<String, String> e : config.extras().entrySet()) {
            switch (e.getKey()) {
                case CassetteSettings.REPLAY_SPEED -> {
                    if (speed == null) {
                        speed = e.getValue().strip();
                    }
                }
                case ProviderConfig.EXTRA_MIN_CONNECTIONS -> {
                    // a replay opens no connections
                }
                case CassetteSettings.RECORD_DIR -> LOG.info("replay: {} is replayed, not recorded again into {}",
                        spec.dir(), e.getValue());
                default -> throw new BenchConfigurationException("replay: unknown setting '" + e.getKey()
                        + "'; known settings: replay_speed");
            }
        }
        CassetteIndex index = CassetteIndex.load(spec.dir());
        CassetteSource source = select(index, spec);
        if (source.provider().equals(ID)) {
            throw new BenchConfigurationException("replay: " + spec.dir() + " names provider 'replay' as its recorder");
        }
        ProviderFactory factory = originals.apply(source.provider()).orElseThrow(() -> new BenchConfigurationException(
                "replay: " + spec.dir() + " was recorded with provider '" + source.provider()
                        + "', which is not available on the class path"));
        Map<String, String> extras = new HashMap<>(source.configExtras());
        extras.put(CassetteSettings.REPLAY_DIR, spec.dir().toString());
        if (speed != null) {
            extras.put(CassetteSettings.REPLAY_SPEED, speed);
        }
        ProviderConfig original = new ProviderConfig(source.model(), source.baseUrl(), Secret.of(DUMMY_KEY),
                source.connectTimeout(), source.requestTimeout(), extras);
        return new ReplayProvider(config.model().strip(), factory.create(original));
    }

    /** The one recorded configuration the spec selects. */
    static CassetteSource select(CassetteIndex index, ReplaySpec spec) {
        if (index.size() == 0) {
            throw new BenchConfigurationException("replay: " + spec.dir() + " holds no recordings;"
                    + " record some with --record " + spec.dir());
        }
        // one candidate per provider, model and extras: base URL and timeouts may differ between sessions
        Map<String, CassetteSource> byIdentity = new LinkedHashMap<>();
        for (CassetteSource s : index.sources()) {
            String identity = s.spec() + " " + new java.util.TreeMap<>(s.configExtras());
            CassetteSource seen = byIdentity.get(identity);
            if (seen == null || index.count(s) > index.count(seen)) {
                byIdentity.put(identity, s);
            }
        }
        List<CassetteSource> matching = new ArrayList<>();
        for (CassetteSource s : byIdentity.values()) {
            if ((spec.provider().isEmpty() || s.provider().equals(spec.provider()))
                    && (spec.model().isEmpty() || s.model().equals(spec.model()))) {
                matching.add(s);
            }
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        String choices = byIdentity.values().stream().map(s -> "replay:" + spec.dir() + "#" + s.spec())
                .collect(Collectors.toCollection(TreeSet::new)).toString();
        if (matching.isEmpty()) {
            throw new BenchConfigurationException("replay: " + spec.dir() + " holds no recordings of "
                    + (spec.model().isEmpty() ? spec.provider() : spec.provider() + ":" + spec.model())
                    + "; it holds " + choices);
        }
        boolean sameModel = matching.stream().map(CassetteSource::spec).distinct().count() == 1;
        throw new BenchConfigurationException("replay: " + spec.dir() + " holds recordings of "
                + (sameModel ? matching.get(0).spec() + " made with different settings " + matching.stream()
                        .map(s -> new java.util.TreeMap<>(s.configExtras()).toString()).toList()
                        + "; record each into its own directory"
                        : "several models; choose one: " + choices));
    }

    /** The factory with {@code id} among those {@link ServiceLoader} finds. */
    static Optional<ProviderFactory> discover(String id) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {tccl, ReplayProviderFactory.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            for (ServiceLoader.Provider<ProviderFactory> p : iterable(ServiceLoader.load(ProviderFactory.class, loader))) {
                try {
                    ProviderFactory f = p.get();
                    if (id.equals(f.id())) {
                        return Optional.of(f);
                    }
                } catch (ServiceConfigurationError e) {
                    LOG.warn("replay: skipping a provider that failed to load: {}", e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static Iterable<ServiceLoader.Provider<ProviderFactory>> iterable(ServiceLoader<ProviderFactory> loader) {
        List<ServiceLoader.Provider<ProviderFactory>> out = new ArrayList<>();
        var it = loader.stream().iterator();
        for (int errors = 0; errors < 100;) {
            try {
                if (!it.hasNext()) {
                    return out;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                errors++;
                LOG.warn("replay: skipping a provider entry that cannot be loaded: {}", e.getMessage());
            }
        }
        return out;
    }
}
