package dev.llmbench.core.compare;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.results.ModelResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code compare} reports: a leaderboard of every model of the given files, a head-to-head
 * of every pair, and, against a baseline file, the regressions. Immutable and thread-safe.
 *
 * <p><b>Leaderboard:</b> sorted by quality, highest first (ties in label order). Quality follows
 * llmbench's rule (mean test score, a failed request scores 0) for every source, so rows compare;
 * a seed file's own {@code avg_score} (successes only) is kept in its {@link SeedFile}.
 *
 * <p><b>Head-to-head:</b> every pair of models, the higher-ranked one as A, in leaderboard order
 * ({@code n·(n−1)/2} tables). Every pair rather than "the leader against the rest" because the
 * seed's readers asked "is X better than Y" for arbitrary pairs; with many pairs and tests some
 * "winners" are expected by chance alone (each verdict is a separate 95% interval), which the
 * outputs say.
 *
 * <p><b>Baseline:</b> each model is compared with the baseline model of the same spec; when the
 * baseline file holds a single model, models without a same-spec match are compared with it;
 * otherwise they are listed as unmatched. See {@link BaselineComparison} for what a regression is.
 *
 * @param files       the compared files, as given; never null
 * @param leaderboard every model of the files, best quality first
 * @param pairs       every head-to-head, in leaderboard order
 * @param baseline    the baseline file, when one was given
 * @param baselines   each matched model against its baseline, in leaderboard order
 * @param unmatched   labels of models that had no baseline model
 * @param notes       remarks about the inputs (a seed file whose figures differ from its results,
 *                    a simulated run); never null
 * @since 0.1
 */
public record Comparison(
        List<ComparedFile> files,
        List<ComparedModel> leaderboard,
        List<Pair> pairs,
        Optional<ComparedFile> baseline,
        List<BaselineComparison> baselines,
        List<String> unmatched,
        List<String> notes) {

    /**
     * One head-to-head.
     *
     * @param a      model A (ranked higher)
     * @param b      model B
     * @param result the paired comparison, labelled with the models' labels
     */
    public record Pair(ComparedModel a, ComparedModel b, HeadToHead result) {
        /** Validates the components. */
        public Pair {
            Checks.notNull(a, "a");
            Checks.notNull(b, "b");
            Checks.notNull(result, "result");
        }
    }

    /** Validates the components and copies the lists. */
    public Comparison {
        files = List.copyOf(Checks.notNull(files, "files"));
        leaderboard = List.copyOf(Checks.notNull(leaderboard, "leaderboard"));
        pairs = List.copyOf(Checks.notNull(pairs, "pairs"));
        Checks.notNull(baseline, "baseline");
        baselines = List.copyOf(Checks.notNull(baselines, "baselines"));
        unmatched = List.copyOf(Checks.notNull(unmatched, "unmatched"));
        notes = List.copyOf(Checks.notNull(notes, "notes"));
    }

    /** Every regression against the baseline; empty without a baseline or when there is none. */
    public List<Regression> regressions() {
        return baselines.stream().flatMap(b -> b.regressions().stream()).toList();
    }

    /** Compares the models of {@code files}, and with them against {@code baseline} when present. */
    public static Comparison of(List<ComparedFile> files, Optional<ComparedFile> baseline) {
        List<ComparedFile> all = new ArrayList<>(files);
        baseline.ifPresent(all::add);
        Labels labels = new Labels(all);
        List<ComparedModel> models = new ArrayList<>();
        for (ComparedFile f : files) {
            f.result().models().forEach(m -> models.add(labels.model(f, m)));
        }
        models.sort(Comparator.comparingDouble((ComparedModel m) -> rank(m.result().summary().quality()))
                .thenComparing(ComparedModel::label));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                ComparedModel a = models.get(i);
                ComparedModel b = models.get(j);
                pairs.add(new Pair(a, b, HeadToHead.of(a.label(), a.result(), b.label(), b.result())));
            }
        }
        List<BaselineComparison> baselines = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        if (baseline.isPresent()) {
            List<ComparedModel> base = baseline.get().result().models().stream()
                    .map(m -> labels.baselineModel(baseline.get(), m)).toList();
            for (ComparedModel m : models) {
                Optional<ComparedModel> match = base.stream()
                        .filter(b -> b.result().model().equals(m.result().model())).findFirst();
                if (match.isEmpty() && base.size() == 1) {
                    match = Optional.of(base.get(0));
                }
                match.ifPresentOrElse(b -> baselines.add(BaselineComparison.of(b, m)), () -> unmatched.add(m.label()));
            }
        }
        return new Comparison(files, models, pairs, baseline, baselines, unmatched, notes(all));
    }

    /** Sort key: higher quality first, unknown quality last. */
    private static double rank(double quality) {
        return Double.isNaN(quality) ? Double.MAX_VALUE : -quality;
    }

    private static List<String> notes(List<ComparedFile> files) {
        List<String> notes = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (ComparedFile f : files) {
            if (!seen.add(f.provenance().file())) {
                continue;
            }
            f.seed().ifPresent(s -> {
                if (!s.differences().isEmpty()) {
                    notes.add(f.provenance().file() + ": the seed file's own figures differ from those its results"
                            + " give by the seed's rules (" + String.join("; ", s.differences())
                            + "); the file's figures are shown");
                }
            });
            if (f.result().run().simulated()) {
                notes.add(f.provenance().file() + ": a simulated run (sim); no real model was measured");
            }
        }
        return notes;
    }

    /** Gives each model its label: the spec, prefixed by a distinguishing file name when the spec is in several files. */
    private static final class Labels {
        private final Map<Path, String> fileNames = new HashMap<>();
        private final Map<String, Set<Path>> filesByModel = new HashMap<>();
        private final Set<String> used = new HashSet<>();
        private final Map<ModelResult, String> assigned = new IdentityHashMap<>();

        Labels(List<ComparedFile> files) {
            List<Path> paths = files.stream().map(f -> key(f.provenance().file())).distinct().toList();
            for (Path p : paths) {
                fileNames.put(p, shortestUniqueSuffix(p, paths));
            }
            for (ComparedFile f : files) {
                for (ModelResult m : f.result().models()) {
                    filesByModel.computeIfAbsent(m.model(), k -> new HashSet<>()).add(key(f.provenance().file()));
                }
            }
        }

        ComparedModel model(ComparedFile f, ModelResult m) {
            return model(f, m, "");
        }

        /** A baseline model; given the same file as a compared one, its labels get a {@code baseline:} prefix. */
        ComparedModel baselineModel(ComparedFile f, ModelResult m) {
            return model(f, m, "baseline:");
        }

        private ComparedModel model(ComparedFile f, ModelResult m, String prefixOnClash) {
            Path p = key(f.provenance().file());
            String label = assigned.get(m);
            if (label == null) {
                String base = filesByModel.get(m.model()).size() > 1 ? fileNames.get(p) + ":" + m.model() : m.model();
                if (used.contains(base)) {
                    base = prefixOnClash + base;
                }
                label = base;
                for (int n = 2; !used.add(label); n++) {
                    label = base + "#" + n;
                }
                assigned.put(m, label);
            }
            return new ComparedModel(label, m, f.provenance(), f.seed());
        }

        private static Path key(Path p) {
            return p.toAbsolutePath().normalize();
        }

        private static String shortestUniqueSuffix(Path p, List<Path> all) {
            for (int k = 1; k <= p.getNameCount(); k++) {
                Path suffix = p.subpath(p.getNameCount() - k, p.getNameCount());
                int finalK = k;
                boolean unique = all.stream().filter(o -> !o.equals(p)).noneMatch(o -> o.getNameCount() >= finalK
                        && o.subpath(o.getNameCount() - finalK, o.getNameCount()).equals(suffix));
                if (unique) {
                    return suffix.toString();
                }
            }
            return p.toString();
        }
    }
}
