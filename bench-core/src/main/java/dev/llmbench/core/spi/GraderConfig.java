package dev.llmbench.core.spi;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which grader to apply and with what parameters. Parameters are JSON-like values: strings,
 * numbers, booleans and lists of those. Immutable and thread-safe.
 *
 * @param graderId the {@link GraderFactory#id()}; never blank
 * @param weight   how much this grader's checks count relative to the case's other graders; positive
 * @param params   the parameters; never null
 * @since 0.1
 */
public record GraderConfig(String graderId, double weight, Map<String, Object> params) {

    /** Validates the components and copies the map (lists inside are copied too). */
    public GraderConfig {
        Checks.id(graderId, "graderId");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight (" + weight + ") must be positive");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        Checks.notNull(params, "params").forEach((k, v) -> copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
        params = java.util.Collections.unmodifiableMap(copy);
    }

    /** Starts a config for {@code graderId} with weight 1. */
    public static Builder of(String graderId) {
        return new Builder(graderId);
    }

    /** The string parameter {@code name} when set. */
    public Optional<String> optString(String name) {
        Object v = params.get(name);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /**
     * The string parameter {@code name}.
     *
     * @throws BenchConfigurationException when it is missing
     */
    public String string(String name) {
        return optString(name).orElseThrow(() -> missing(name));
    }

    /**
     * The numeric parameter {@code name} when set.
     *
     * @throws BenchConfigurationException when the value is not a finite number
     */
    public Optional<Double> optNumber(String name) {
        Object v = params.get(name);
        if (v == null) {
            return Optional.empty();
        }
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(String.valueOf(v).strip());
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
        }
        if (!Double.isFinite(d)) {
            throw new BenchConfigurationException(
                    "grader '" + graderId + "': parameter '" + name + "' must be a finite number, got \"" + v + "\"");
        }
        return Optional.of(d);
    }

    /** The integer parameter {@code name} when set. */
    public Optional<Integer> optInt(String name) {
        return optNumber(name).map(d -> {
            if (d != Math.rint(d)) {
                throw new BenchConfigurationException(
                        "grader '" + graderId + "': parameter '" + name + "' must be an integer, got " + d);
            }
            return d.intValue();
        });
    }

    /**
     * The boolean parameter {@code name}, or {@code defaultValue} when unset.
     *
     * @throws BenchConfigurationException when the value is neither true nor false
     */
    public boolean bool(String name, boolean defaultValue) {
        Object v = params.get(name);
        if (v == null) {
            return defaultValue;
        }
        String s = String.valueOf(v).strip();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new BenchConfigurationException(
                "grader '" + graderId + "': parameter '" + name + "' must be true or false, got \"" + v + "\"");
    }

    /** The list parameter {@code name} as strings; a single value is a one-element list; empty when unset. */
    public List<String> strings(String name) {
        Object v = params.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    /**
     * Rejects parameters outside {@code known}, naming the first unknown one and listing the known.
     *
     * @throws BenchConfigurationException for an unknown parameter (a typo such as {@code tolerence})
     */
    public void requireKnown(java.util.Collection<String> known) {
        for (String key : params.keySet()) {
            if (!known.contains(key)) {
                throw new BenchConfigurationException("grader '" + graderId + "': unknown parameter '" + key
                        + "'; known parameters: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    private BenchConfigurationException missing(String name) {
        return new BenchConfigurationException("grader '" + graderId + "' needs parameter '" + name + "'");
    }

    /** Builds a {@link GraderConfig}. Not thread-safe. */
    public static final class Builder {
        private final String graderId;
        private double weight = 1.0;
        private final Map<String, Object> params = new LinkedHashMap<>();

        private Builder(String graderId) {
            this.graderId = graderId;
        }

        /** Sets the weight (default 1). */
        public Builder weight(double weight) {
            this.weight = weight;
            return this;
        }

        /** Sets a parameter. */
        public Builder param(String name, Object value) {
            params.put(Checks.notBlank(name, "name"), Checks.notNull(value, "value"));
            return this;
        }

        /**
         * Sets a list parameter. (A separate name from {@link #param}: with varargs, Java would pick
         * {@code param(String, Object)} for a single value and silently store a string.)
         */
        public Builder list(String name, String... values) {
            params.put(Checks.notBlank(name, "name"), new ArrayList<>(List.of(values)));
            return this;
        }

        /** Copies everything into a new immutable config. */
        public GraderConfig build() {
            return new GraderConfig(graderId, weight, params);
        }
    }
}
