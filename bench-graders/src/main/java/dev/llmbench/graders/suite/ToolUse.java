package dev.llmbench.graders.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.api.ToolHandler;
import dev.llmbench.core.api.ToolLoop;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.tools.ToolCallsGraderFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code tool_use} (category {@code agentic}): real tool definitions go through the provider's
 * API; the runner executes this class's deterministic handlers and feeds their results back until
 * the model answers (at most {@value #MAX_TURNS} turns). The handlers return values a model cannot
 * guess (a flight number, 17.3 °C, a conversion at a rate of 0.9137), so a final answer that
 * contains them shows the results were used.
 *
 * <p>Cases: {@code travel} (three independent calls, any order), {@code order_stock} (two calls
 * where the second needs a value only the first returns, so order matters), {@code no_tool_needed}
 * (tools offered but the right behaviour is to call none). Graded by {@code tool_calls}: each
 * expected call with normalised arguments, no invented tools, valid JSON arguments, no extra
 * calls, order where it matters, and the final answer mentioning the tool results.
 * <b>Pass threshold {@value #PASS_THRESHOLD}</b>: one wrong or missing call fails the case; the
 * score still shows partial credit.
 *
 * <p>Holds only constants and pure handlers; {@link #create()} returns an immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class ToolUse {
    /** The test id. */
    public static final String ID = "tool_use";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;
    /** The most model turns per trial. */
    public static final int MAX_TURNS = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final BigDecimal USD_EUR = new BigDecimal("0.9137");
    private static final String SYSTEM = "You can call tools. Use them for facts you do not know; never guess values"
            + " a tool can give you. When you have everything, answer in plain text and end with the final line"
            + " the user asks for.";

    private static final ToolDefinition SEARCH_FLIGHTS = new ToolDefinition("search_flights",
            "Find direct flights for a date.", "{\"type\":\"object\",\"properties\":{\"origin\":{\"type\":\"string\","
                    + "\"description\":\"city or IATA code\"},\"destination\":{\"type\":\"string\"},\"date\":{\"type\":"
                    + "\"string\",\"description\":\"YYYY-MM-DD\"}},\"required\":[\"origin\",\"destination\",\"date\"]}");
    private static final ToolDefinition GET_WEATHER = new ToolDefinition("get_weather",
            "Current weather for a city.", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                    + "\"required\":[\"city\"]}");
    private static final ToolDefinition CONVERT = new ToolDefinition("convert_currency",
            "Convert an amount between currencies at today's rate.", "{\"type\":\"object\",\"properties\":{"
                    + "\"amount\":{\"type\":\"number\"},\"from_currency\":{\"type\":\"string\",\"description\":"
                    + "\"ISO code\"},\"to_currency\":{\"type\":\"string\"}},\"required\":[\"amount\",\"from_currency\","
                    + "\"to_currency\"]}");
    private static final ToolDefinition LOOKUP_ORDER = new ToolDefinition("lookup_order",
            "Look up an order by id.", "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}},"
                    + "\"required\":[\"order_id\"]}");
    private static final ToolDefinition GET_STOCK = new ToolDefinition("get_stock",
            "Units in stock for a SKU.", "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"}},"
                    + "\"required\":[\"sku\"]}");

    private static final Map<String, ToolHandler> TRAVEL_TOOLS = Map.of(
            "search_flights", ToolUse::searchFlights, "get_weather", ToolUse::weather,
            "convert_currency", ToolUse::convert);
    private static final Map<String, ToolHandler> ORDER_TOOLS = Map.of(
            "lookup_order", ToolUse::lookupOrder, "get_stock", ToolUse::stock);

    private static final List<TestCase> CASES = List.of(travel(), orderStock(), noToolNeeded());

    private ToolUse() {}

    /** Creates the test; does no I/O. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "agentic",
                "tool calls through the provider API with a real agent loop; right tools, right arguments,"
                        + " no invented tools, final answer uses the results", PASS_THRESHOLD, CASES);
    }

    private static TestCase travel() {
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user("I'm flying from Boston to London on"
                + " 2026-07-15. Find me a direct flight, tell me the current weather in London, and convert 850 USD"
                + " to EUR. End with a line 'Answer: <flight number>, <temperature in °C>, <amount in EUR>'.")
                .tool(SEARCH_FLIGHTS).tool(GET_WEATHER).tool(CONVERT).build();
        GraderConfig grader = GraderConfig.of(ToolCallsGraderFactory.ID)
                .list("expected",
                        "{\"name\":\"search_flights\",\"arguments\":{\"origin\":[\"Boston\",\"BOS\"],"
                                + "\"destination\":[\"London\",\"LHR\",\"LON\"],\"date\":\"2026-07-15\"}}",
                        "{\"name\":\"get_weather\",\"arguments\":{\"city\":[\"London\",\"London, UK\"]}}",
                        "{\"name\":\"convert_currency\",\"arguments\":{\"amount\":850,\"from_currency\":\"USD\","
                                + "\"to_currency\":\"EUR\"}}")
                .list("final_mentions", "BA0213|BA 0213|BA213", "17.3", "776.65|776,65").build();
        String calls = "{\"id\":\"c1\",\"name\":\"search_flights\",\"arguments\":{\"origin\":\"BOS\",\"destination\":"
                + "\"LHR\",\"date\":\"2026-07-15\"}},{\"id\":\"c2\",\"name\":\"get_weather\",\"arguments\":{\"city\":"
                + "\"London\"}},{\"id\":\"c3\",\"name\":\"convert_currency\",\"arguments\":{\"amount\":850,"
                + "\"from_currency\":\"USD\",\"to_currency\":\"EUR\"}}";
        String answer = "There is a direct British Airways flight, BA0213, leaving Boston at 18:40 on 15 July and"
                + " landing at 06:55 the next morning. London is at 17.3 °C with light rain. 850 USD is 776.65 EUR at"
                + " today's rate of 0.9137.\\nAnswer: BA0213, 17.3 °C, 776.65 EUR";
        return new TestCase("travel", request, List.of(grader), new Calibration(
                List.of(transcript("[" + calls + "]", answer)),
                List.of(
                        // guesses instead of calling tools
                        "{\"transcript\":[{\"text\":\"Flights from Boston to London usually leave in the evening; expect"
                                + " about 20 °C, and 850 USD is roughly 780 EUR.\\nAnswer: BA0213, 20 °C, 780 EUR\"}]}",
                        // invents a tool and skips the conversion
                        transcript("[{\"id\":\"c1\",\"name\":\"search_flights\",\"arguments\":{\"origin\":\"Boston\","
                                + "\"destination\":\"London\",\"date\":\"2026-07-15\"}},{\"id\":\"c2\",\"name\":"
                                + "\"get_weather\",\"arguments\":{\"city\":\"London\"}},{\"id\":\"c3\",\"name\":"
                                + "\"book_hotel\",\"arguments\":{\"city\":\"London\"}}]",
                                "Flight BA0213, 17.3 °C in London.\\nAnswer: BA0213, 17.3 °C, 850 EUR"),
                        // right calls, but the answer ignores the conversion result
                        transcript("[" + calls + "]", "Your flight is BA0213 and it is 17.3 °C in London; 850 USD is"
                                + " about 850 EUR.\\nAnswer: BA0213, 17.3 °C, 850 EUR"),
                        // malformed arguments and a wrong date
                        transcript("[{\"id\":\"c1\",\"name\":\"search_flights\",\"arguments\":\"origin=Boston\"},"
                                + "{\"id\":\"c2\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"London\"}},"
                                + "{\"id\":\"c3\",\"name\":\"convert_currency\",\"arguments\":{\"amount\":850,"
                                + "\"from_currency\":\"USD\",\"to_currency\":\"EUR\"}}]",
                                "Answer: no flight found, 17.3 °C, 776.65 EUR"))),
                new ToolLoop(TRAVEL_TOOLS, MAX_TURNS));
    }

    private static TestCase orderStock() {
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user("A customer asks whether the item in their"
                + " order A-7731 is in stock and how many units are available. Find out with the tools. End with a"
                + " line 'Answer: <units available>'.").tool(LOOKUP_ORDER).tool(GET_STOCK).build();
        GraderConfig grader = GraderConfig.of(ToolCallsGraderFactory.ID)
                .list("expected", "{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A-7731\"}}",
                        "{\"name\":\"get_stock\",\"arguments\":{\"sku\":\"KX-4471-B\"}}")
                .param("ordered", true).list("final_mentions", "37").build();
        String lookup = "{\"id\":\"o1\",\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A-7731\"}}";
        String stock = "{\"id\":\"s1\",\"name\":\"get_stock\",\"arguments\":{\"sku\":\"KX-4471-B\"}}";
        return new TestCase("order_stock", request, List.of(grader), new Calibration(
                List.of("{\"transcript\":[{\"tool_calls\":[" + lookup + "]},{\"tool_calls\":[" + stock + "]},"
                        + "{\"text\":\"Order A-7731 is for item KX-4471-B, and 37 units are in stock in the Leeds"
                        + " warehouse.\\nAnswer: 37\"}]}"),
                List.of(
                        // guesses the SKU instead of looking up the order first
                        "{\"transcript\":[{\"tool_calls\":[{\"id\":\"s1\",\"name\":\"get_stock\",\"arguments\":"
                                + "{\"sku\":\"A-7731\"}}]},{\"text\":\"Answer: 0\"}]}",
                        // stops after the lookup and reports the ordered quantity
                        "{\"transcript\":[{\"tool_calls\":[" + lookup + "]},{\"text\":\"The order has 2 units.\\n"
                                + "Answer: 2\"}]}",
                        // invents an inventory tool
                        "{\"transcript\":[{\"tool_calls\":[" + lookup + "]},{\"tool_calls\":[{\"id\":\"x\",\"name\":"
                                + "\"check_inventory\",\"arguments\":{\"sku\":\"KX-4471-B\"}}]},{\"text\":\"Answer: 37\"}]}",
                        // passes the SKU as a bare string instead of a JSON object
                        "{\"transcript\":[{\"tool_calls\":[" + lookup + "]},{\"tool_calls\":[{\"id\":\"s1\",\"name\":"
                                + "\"get_stock\",\"arguments\":\"KX-4471-B\"}]},{\"text\":\"Answer: 37\"}]}")),
                new ToolLoop(ORDER_TOOLS, MAX_TURNS));
    }

    private static TestCase noToolNeeded() {
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user("What is 12 times 12? End with a line"
                + " 'Answer: <number>'.").tool(GET_WEATHER).tool(CONVERT).build();
        GraderConfig grader = GraderConfig.of(ToolCallsGraderFactory.ID).list("expected")
                .list("final_mentions", "144").build();
        return new TestCase("no_tool_needed", request, List.of(grader), new Calibration(
                List.of("{\"transcript\":[{\"text\":\"12 × 12 = 144.\\nAnswer: 144\"}]}"),
                List.of(
                        // calls a tool it does not need
                        "{\"transcript\":[{\"tool_calls\":[{\"id\":\"c1\",\"name\":\"convert_currency\",\"arguments\":"
                                + "{\"amount\":144,\"from_currency\":\"USD\",\"to_currency\":\"USD\"}}]},"
                                + "{\"text\":\"Answer: 144\"}]}",
                        "{\"transcript\":[{\"text\":\"Answer: 124\"}]}",
                        // invents a calculator and passes it an expression instead of a JSON object
                        "{\"transcript\":[{\"tool_calls\":[{\"id\":\"c1\",\"name\":\"calculator\",\"arguments\":"
                                + "\"12*12\"}]},{\"text\":\"Answer: 144\"}]}",
                        "")),
                new ToolLoop(Map.of("get_weather", ToolUse::weather, "convert_currency", ToolUse::convert), MAX_TURNS));
    }

    private static String transcript(String calls, String answer) {
        return "{\"transcript\":[{\"tool_calls\":" + calls + "},{\"text\":\"" + answer + "\"}]}";
    }

    // ----- deterministic handlers -------------------------------------------------------------

    private static JsonNode args(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode args, String field) {
        return args == null ? "" : args.path(field).asText("").strip().toLowerCase(Locale.ROOT);
    }

    private static final String BAD_ARGS = "{\"error\":\"arguments must be a JSON object with the documented fields\"}";

    static String searchFlights(String json) {
        JsonNode a = args(json);
        if (a == null) {
            return BAD_ARGS;
        }
        boolean route = Set.of("boston", "bos").contains(text(a, "origin"))
                && Set.of("london", "lhr", "lon").contains(text(a, "destination"));
        if (route && text(a, "date").equals("2026-07-15")) {
            return "{\"flights\":[{\"flight\":\"BA0213\",\"departs\":\"2026-07-15T18:40-04:00\",\"arrives\":"
                    + "\"2026-07-16T06:55+01:00\",\"price_usd\":812}]}";
        }
        return "{\"flights\":[]}";
    }

    static String weather(String json) {
        JsonNode a = args(json);
        if (a == null) {
            return BAD_ARGS;
        }
        String city = text(a, "city");
        if (city.equals("london") || city.equals("london, uk")) {
            return "{\"city\":\"London\",\"temp_c\":17.3,\"conditions\":\"light rain\"}";
        }
        return "{\"error\":\"no weather data for '" + city.replace("\"", "") + "'\"}";
    }

    static String convert(String json) {
        JsonNode a = args(json);
        if (a == null || !a.path("amount").isNumber()) {
            return BAD_ARGS;
        }
        String from = text(a, "from_currency");
        String to = text(a, "to_currency");
        BigDecimal amount = a.get("amount").decimalValue();
        BigDecimal rate = from.equals(to) ? BigDecimal.ONE : from.equals("usd") && to.equals("eur") ? USD_EUR : null;
        if (rate == null) {
            return "{\"error\":\"no rate for " + from.toUpperCase(Locale.ROOT) + " to " + to.toUpperCase(Locale.ROOT) + "\"}";
        }
        BigDecimal result = amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        return "{\"amount\":" + result.toPlainString() + ",\"currency\":\"" + to.toUpperCase(Locale.ROOT)
                + "\",\"rate\":" + rate.toPlainString() + "}";
    }

    static String lookupOrder(String json) {
        JsonNode a = args(json);
        if (a == null) {
            return BAD_ARGS;
        }
        if (text(a, "order_id").equals("a-7731")) {
            return "{\"order_id\":\"A-7731\",\"sku\":\"KX-4471-B\",\"quantity_ordered\":2,\"status\":\"awaiting stock check\"}";
        }
        return "{\"error\":\"order not found\"}";
    }

    static String stock(String json) {
        JsonNode a = args(json);
        if (a == null) {
            return BAD_ARGS;
        }
        if (text(a, "sku").equals("kx-4471-b")) {
            return "{\"sku\":\"KX-4471-B\",\"in_stock\":37,\"warehouse\":\"Leeds\"}";
        }
        return "{\"error\":\"unknown sku\"}";
    }
}
