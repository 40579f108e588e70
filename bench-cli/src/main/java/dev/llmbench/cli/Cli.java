package dev.llmbench.cli;

import dev.llmbench.core.discovery.ServiceRegistry;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * What the commands share: the streams they write to, whether a terminal is attached, the plugin
 * registry (discovered once, on first use) and how the default model is chosen. Tests build one
 * with captured streams and a {@link DefaultModel} that probes a loopback port; {@link #system()}
 * is the real thing. Not thread-safe; one per command-line invocation.
 */
final class Cli {
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final boolean interactive;
    private final DefaultModel defaultModel;
    private final Supplier<ServiceRegistry> registrySource;
    private ServiceRegistry registry;

    /**
     * @param out          results (tables, JSON)
     * @param err          progress, banners, warnings and error lines
     * @param in           where {@code grade --response -} reads from
     * @param interactive  whether a terminal is attached (progress is redrawn in place with {@code \r})
     * @param defaultModel chooses the model when {@code run} has no {@code --model}
     * @param registry     discovers the plugins; called at most once
     */
    Cli(PrintWriter out, PrintWriter err, InputStream in, boolean interactive, DefaultModel defaultModel,
            Supplier<ServiceRegistry> registry) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.interactive = interactive;
        this.defaultModel = defaultModel;
        this.registrySource = registry;
    }

    /** The process's own streams, terminal and environment. */
    static Cli system() {
        return new Cli(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.in,
                System.console() != null, DefaultModel.fromEnvironment(), ServiceRegistry::discover);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    InputStream in() {
        return in;
    }

    boolean interactive() {
        return interactive;
    }

    DefaultModel defaultModel() {
        return defaultModel;
    }

    /** The plugin registry, discovered on first use. */
    ServiceRegistry registry() {
        if (registry == null) {
            registry = registrySource.get();
        }
        return registry;
    }

    /** Prints the registry's plugin load errors to stderr as warnings. */
    void warnLoadErrors() {
        for (String e : registry().loadErrors()) {
            err.println("llmbench: warning: " + e);
        }
        err.flush();
    }
}
