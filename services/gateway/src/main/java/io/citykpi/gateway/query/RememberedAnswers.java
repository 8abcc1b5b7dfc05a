package io.citykpi.gateway.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last answers the API gave, kept until the ledger or the targets change anywhere (the token of
 * {@link LedgerWatch}). A cockpit's repeated question is then answered without a query; the resource
 * method still runs for every request, so who may ask is checked every time.
 */
@ApplicationScoped
public class RememberedAnswers {

    private static final int CAPACITY = 512;

    private final LedgerWatch watch;
    private final Map<List<Object>, Answer> byQuestion = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Answer> eldest) {
            return size() > CAPACITY;
        }
    };

    public RememberedAnswers(LedgerWatch watch) {
        this.watch = watch;
    }

    private record Answer(long token, Object value) {
    }

    /** The answer to the question (its parts: endpoint and every parameter that changes the answer). */
    @SuppressWarnings("unchecked")
    public <T> T answer(List<Object> question, Supplier<T> compute) {
        Long token = watch.token();
        if (token == null) {
            return compute.get();
        }
        synchronized (byQuestion) {
            Answer known = byQuestion.get(question);
            if (known != null && known.token() == token) {
                return (T) known.value();
            }
        }
        T value = compute.get();
        synchronized (byQuestion) {
            byQuestion.put(question, new Answer(token, value));
        }
        return value;
    }
}
