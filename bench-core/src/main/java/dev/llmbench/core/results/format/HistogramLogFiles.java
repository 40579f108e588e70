package dev.llmbench.core.results.format;

import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.timing.EncodedHistograms;
import dev.llmbench.core.timing.Metric;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HdrHistogram interval logs: {@code histograms/<model>-<metric>.hlog}, one per model and
 * recorded metric, each holding the run's merged histogram as one untagged interval from the
 * run's start to its end. {@code HistogramLogProcessor -i FILE} prints the percentile
 * distribution in milliseconds for duration metrics (recorded in nanoseconds); rate metrics
 * ({@code decode_tps}, {@code e2e_tps}, recorded in tokens per second as double histograms) need
 * {@code -outputValueUnitRatio 1}.
 *
 * <p>{@code <model>} is the model spec with every character outside {@code [A-Za-z0-9._-]}
 * replaced by {@code _}, cut to 80 characters, stripped of leading and trailing {@code . _ -}, and suffixed {@code -2}, {@code -3}… when two specs
 * map to the same name (ignoring case); the spec itself is in a comment line of the file. A histogram that cannot
 * be decoded (a damaged result file) is left out. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class HistogramLogFiles {
    /** The directory, relative to the run directory, that holds the logs. */
    public static final String DIRECTORY = "histograms";

    private HistogramLogFiles() {}

    /** The log files by path relative to the run directory ({@code histograms/…}), in model and metric order. */
    public static Map<String, String> write(RunResult result) {
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (ModelResult m : result.models()) {
            String base = slug(m.model());
            String name = base;
            for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) { // case-insensitive file systems
                name = base + "-" + i;
            }
            for (Metric metric : Metric.values()) {
                String encoded = m.summary().histograms().get(metric.id());
                if (encoded == null || encoded.isEmpty()) {
                    continue;
                }
                try {
                    files.put(DIRECTORY + "/" + name + "-" + metric.id() + ".hlog", EncodedHistograms.intervalLog(
                            encoded, metric, result.run().startedAt(), result.run().finishedAt(), List.of(
                                    "llmbench run " + result.run().id(), "model: " + m.model(),
                                    "metric: " + metric.id() + (metric.duration()
                                            ? " (recorded in nanoseconds)"
                                            : " (recorded in tokens per second; use -outputValueUnitRatio 1)"))));
                } catch (IllegalArgumentException e) {
                    // a damaged histogram in a result file read back: nothing faithful to write
                }
            }
        }
        return files;
    }

    /** A file-name-safe form of a model spec. */
    static String slug(String model) {
        String s = model.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("_+", "_");
        if (s.length() > 80) {
            s = s.substring(0, 80);
        }
        s = s.replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
        return s.isEmpty() ? "model" : s;
    }
}
