package dev.llmbench.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The scripted behaviour of a server: the FIFO reply queue, persistent rules, the default reply
 * (fixed or per request), the model catalog and extra endpoints. Thread-safe. Not API.
 */
final class Script {

    private record Rule(RequestMatcher matcher, Reply reply) {
    }

    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, FakeModel> models = new ConcurrentHashMap<>();
    private final List<String> modelOrder = new CopyOnWriteArrayList<>();
    private final Map<String, Function<RecordedRequest, Reply>> endpoints = new ConcurrentHashMap<>();
    private volatile Function<RecordedRequest, Reply> defaultReply = echo();

    private static Function<RecordedRequest, Reply> echo() {
        Reply echo = Reply.echo();
        return request -> echo;
    }

    void enqueue(Collection<Reply> replies) {
        replies.forEach(r -> queue.add(Objects.requireNonNull(r, "reply")));
    }

    void addRule(RequestMatcher matcher, Reply reply) {
        rules.add(new Rule(Objects.requireNonNull(matcher, "matcher"), Objects.requireNonNull(reply, "reply")));
    }

    void defaultReply(Reply reply) {
        Objects.requireNonNull(reply, "reply");
        defaultReply = request -> reply;
    }

    void defaultReply(Function<RecordedRequest, Reply> replies) {
        defaultReply = replies;
    }

    void endpoint(String method, String path, Function<RecordedRequest, Reply> handler) {
        endpoints.put(method + " " + path, handler);
    }

    /** @return the extra endpoint's handler, or null when there is none for this method and path */
    Function<RecordedRequest, Reply> endpoint(String method, String path) {
        return endpoints.isEmpty() ? null : endpoints.get(method + " " + path);
    }

    int pending() {
        return queue.size();
    }

    /** Queue first, then the most recently added matching rule, then the default. */
    Reply next(RecordedRequest request) {
        Reply queued = queue.poll();
        if (queued != null) {
            return queued;
        }
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.matcher().matches(request)) {
                return rule.reply();
            }
        }
        return Objects.requireNonNull(defaultReply.apply(request), "default reply function returned null");
    }

    void addModel(FakeModel model) {
        if (models.put(model.name(), model) == null) {
            modelOrder.add(model.name());
        }
    }

    List<FakeModel> models() {
        List<FakeModel> out = new ArrayList<>();
        for (String name : modelOrder) {
            FakeModel m = models.get(name);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** @return the model, a default one when the catalog is empty, or null when it is not listed */
    FakeModel model(String name) {
        if (models.isEmpty()) {
            return FakeModel.of(name.isBlank() ? "fake-model" : name).withCapabilities("completion", "tools",
                    "thinking");
        }
        FakeModel m = models.get(name);
        if (m == null && !name.contains(":")) {
            m = models.get(name + ":latest");
        }
        return m;
    }

    void reset() {
        queue.clear();
        rules.clear();
        models.clear();
        modelOrder.clear();
        endpoints.clear();
        defaultReply = echo();
    }
}
