package dev.llmbench.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scripted behaviour of a server: the FIFO reply queue, persistent rules, the default reply
 * and the model catalog. Thread-safe. Not API.
 */
final class Script {

    private record Rule(RequestMatcher matcher, Reply reply) {
    }

    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, FakeModel> models = new ConcurrentHashMap<>();
    private final List<String> modelOrder = new CopyOnWriteArrayList<>();
    private volatile Reply defaultReply = Reply.echo();

    void enqueue(Collection<Reply> replies) {
        replies.forEach(r -> queue.add(Objects.requireNonNull(r, "reply")));
    }

    void addRule(RequestMatcher matcher, Reply reply) {
        rules.add(new Rule(Objects.requireNonNull(matcher, "matcher"), Objects.requireNonNull(reply, "reply")));
    }

    void defaultReply(Reply reply) {
        defaultReply = Objects.requireNonNull(reply, "reply");
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
        return defaultReply;
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
        defaultReply = Reply.echo();
    }
}
