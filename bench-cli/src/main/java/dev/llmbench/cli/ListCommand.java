package dev.llmbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.ModelInfo;
import dev.llmbench.core.spi.ProviderConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code llmbench list tests|providers|graders|suites [--json]}: what is installed, as an aligned
 * table or a JSON array of objects; {@code list models --provider ID [--base-url URL]} asks a
 * provider's server which models it offers (context length and prices where it says). Plugins that failed to load are reported on stderr as
 * warnings. Not thread-safe; one per invocation.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List installed tests, providers, graders or suites, or a provider's models.")
final class ListCommand implements Callable<Integer> {
    private static final List<String> KINDS = List.of("tests", "providers", "graders", "suites", "models");

    private final Cli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "tests, providers, graders, suites or models.")
    private String kind;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Option(names = "--provider", paramLabel = "ID", description = "With models: the provider to ask, e.g. ollama.")
    private String provider;

    @Option(names = "--base-url", paramLabel = "URL", description = "With models: the server's base URL.")
    private String baseUrl;

    ListCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!KINDS.contains(kind)) {
            throw new ParameterException(spec.commandLine(),
                    "cannot list \"" + kind + "\"; choose one of " + String.join(", ", KINDS));
        }
        ServiceRegistry registry = cli.registry();
        cli.warnLoadErrors();
        List<Map<String, Object>> rows = switch (kind) {
            case "tests" -> tests(registry);
            case "providers" -> idAndDescription(registry.providers(), f -> f.description());
            case "graders" -> idAndDescription(registry.graders(), f -> f.description());
            case "models" -> models(registry);
            default -> idAndDescription(registry.suites(), BenchSuite::description);
        };
        PrintWriter out = cli.out();
        if (json) {
            try {
                out.println(JsonCodec.MAPPER.writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.print(table(rows));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<Map<String, Object>> models(ServiceRegistry registry) {
        if (provider == null) {
            throw new ParameterException(spec.commandLine(), "list models needs --provider ID, one of "
                    + String.join(", ", registry.providers().keySet()));
        }
        ProviderConfig config = ProviderConfig.of("*");
        if (baseUrl != null) {
            config = config.withBaseUrl(baseUrl);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelInfo m : registry.provider(provider).listModels(config)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", provider + ":" + m.id());
            row.put("context", m.context().isPresent() ? m.context().getAsLong() : null);
            row.put("usd_per_1m_input", m.promptPrice().isPresent() ? perMillion(m.promptPrice().getAsDouble()) : null);
            row.put("usd_per_1m_output",
                    m.completionPrice().isPresent() ? perMillion(m.completionPrice().getAsDouble()) : null);
            row.put("details", m.details().isEmpty() ? null : new java.util.TreeMap<>(m.details()).toString());
            rows.add(row);
        }
        return rows;
    }

    private static double perMillion(double perToken) {
        return Math.round(perToken * 1e6 * 10_000) / 10_000.0;
    }

    private static List<Map<String, Object>> tests(ServiceRegistry registry) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchSuite s : registry.suites().values()) {
            for (BenchTest t : s.tests()) {
                rows.add(testRow(s.id(), t));
            }
        }
        for (BenchTest t : registry.tests().values()) {
            rows.add(testRow(null, t));
        }
        return rows;
    }

    private static Map<String, Object> testRow(String suite, BenchTest t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("suite", suite);
        row.put("id", t.id());
        row.put("category", t.category());
        row.put("cases", t.cases().size());
        row.put("description", t.description());
        return row;
    }

    private static <T> List<Map<String, Object>> idAndDescription(Map<String, T> items,
            java.util.function.Function<T, String> description) {
        List<Map<String, Object>> rows = new ArrayList<>();
        items.forEach((id, item) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("description", description.apply(item));
            rows.add(row);
        });
        return rows;
    }

    /** The rows as an aligned table: a header, a rule, one line per row; the last column is not padded. */
    static String table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "(none installed)\n";
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        int[] width = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            width[i] = columns.get(i).length();
            for (Map<String, Object> r : rows) {
                width[i] = Math.max(width[i], cell(r.get(columns.get(i))).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, columns.stream().map(c -> (Object) c).toList(), width);
        sb.append("-".repeat(Math.min(100, java.util.Arrays.stream(width).sum() + 2 * (width.length - 1))))
                .append('\n');
        for (Map<String, Object> r : rows) {
            appendRow(sb, columns.stream().map(r::get).toList(), width);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<Object> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cell(cells.get(i));
            line.append(c);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(width[i] - c.length() + 2));
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object v) {
        return v == null ? "-" : String.valueOf(v).replaceAll("\\p{Cntrl}", " ");
    }
}
