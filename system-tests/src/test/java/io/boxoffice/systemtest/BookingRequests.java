package io.boxoffice.systemtest;

import static org.awaitility.Awaitility.await;

import io.boxoffice.common.Json;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The client side of the launch features of the booking API: booking with an {@code Idempotency-Key}
 * and/or {@code Prefer: respond-async}, and learning a request's outcome by polling its resource or by its
 * server-sent-events stream. Stateless; every call names the gateway ({@link Api}) it goes through.
 */
final class BookingRequests {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PREFER = "Prefer";
    static final String RESPOND_ASYNC = "respond-async";
    static final Map<String, String> SYNC = Map.of();
    static final Map<String, String> ASYNC = Map.of(PREFER, RESPOND_ASYNC);
    /** Far above the gateway's reply timeout (10 s): a decision later than this is a lost decision. */
    static final Duration DECISION_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private BookingRequests() {
    }

    /** One event of a {@code text/event-stream}; {@code data} is the joined data lines. */
    record ServerEvent(String id, String name, String data) {
        JsonNode json() {
            return Json.MAPPER.readTree(data);
        }
    }

    static Map<String, String> withKey(String key) {
        return Map.of(IDEMPOTENCY_KEY, key);
    }

    static Map<String, String> asyncWithKey(String key) {
        return Map.of(IDEMPOTENCY_KEY, key, PREFER, RESPOND_ASYNC);
    }

    static Answer book(Api api, User user, String showId, List<Integer> seats, Map<String, String> headers) {
        return api.post("/api/shows/" + showId + "/bookings", user.token(), Map.of("seats", seats), headers);
    }

    static Answer outcome(Api api, User user, String requestId) {
        return api.get("/api/booking-requests/" + requestId, user.token());
    }

    /** Polls the request's resource until it is no longer PENDING; fails with the last answer after the deadline. */
    static JsonNode awaitDecision(Api api, User user, String requestId) {
        AtomicReference<Answer> last = new AtomicReference<>();
        try {
            return await().atMost(DECISION_DEADLINE).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL)
                    .until(() -> {
                        Answer answer = outcome(api, user, requestId);
                        last.set(answer);
                        return answer;
                    }, answer -> answer.status() == 200
                            && !"PENDING".equals(answer.body().path("status").asString("")))
                    .body();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("request " + requestId + " not decided within " + DECISION_DEADLINE
                    + "; last answer: " + last.get(), e);
        }
    }

    /** Reads the request's event stream to its end (or fails the answer after {@code limit}). */
    static Answer events(Api api, User user, String requestId, Duration limit) {
        return api.stream("/api/booking-requests/" + requestId + "/events", user.token(), limit);
    }

    /** The events of a complete {@code text/event-stream} body (blocks separated by blank lines). */
    static List<ServerEvent> parse(String stream) {
        List<ServerEvent> events = new ArrayList<>();
        for (String block : stream.split("\\r?\\n\\r?\\n")) {
            Map<String, List<String>> fields = new HashMap<>();
            for (String line : block.split("\\r?\\n")) {
                int colon = line.indexOf(':');
                if (line.isEmpty() || colon == 0) {
                    continue;
                }
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                fields.computeIfAbsent(field, f -> new ArrayList<>())
                        .add(value.startsWith(" ") ? value.substring(1) : value);
            }
            if (fields.containsKey("data") || fields.containsKey("event")) {
                events.add(new ServerEvent(last(fields, "id"), last(fields, "event"),
                        String.join("\n", fields.getOrDefault("data", List.of()))));
            }
        }
        return events;
    }

    private static String last(Map<String, List<String>> fields, String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
