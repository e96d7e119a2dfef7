package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.boxoffice.common.booking.BookingEvent.EventType;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics feed as an outside team meets it. After a storm of concurrent bookings and cancellations on
 * two shows (one of which is then cancelled), a plain {@code KafkaConsumer<String,String>} reading
 * {@code booking-events} with {@code read_committed} from the beginning finds: every event valid against its
 * JSON Schema in docs/schemas, unique event ids, exactly one confirmation per 201 and one cancellation per
 * cancel, confirmed minus cancelled seats equal to each seat map, and the refusals the clients were told.
 * The statistics endpoint, once it has caught up, agrees with those counts, and so does its event stream.
 */
@Order(9)
@ExtendWith(SystemExtension.class)
class EventFeedIntegrationTest {
    private static final int CLIENTS = 16;
    private static final int ATTEMPTS = 10;
    private static final int MAX_PER_USER = 4;
    private static final Map<String, Integer> SEATS = Map.of("open", 40, "cancelled", 30);
    private static final Duration STATS_DEADLINE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCHEMAS = Path.of(System.getProperty("basedir", "."), "..", "docs", "schemas");

    @Test
    void shouldRecordEveryDecisionOnceAndAgreeWithTheStatsWhenClientsStormTwoShows(BoxofficeSystem system) {
        // given
        Api api = new Api(system);
        String admin = api.adminToken(system);
        Map<String, String> shows = new TreeMap<>();
        SEATS.forEach((name, seats) -> shows.put(name, api.newShow(admin, seats, MAX_PER_USER).path("id").asString()));
        List<User> users = api.newUsers("feed", CLIENTS);

        // when: a storm on both shows, then one show is cancelled and a few clients still try it
        List<Client> clients = Concurrently.run(CLIENTS, i -> new Client(api, users.get(i), shows.values()).storm());
        expect(api.post("/api/shows/" + shows.get("cancelled") + "/cancel", admin, null), 200);
        clients.subList(0, 3).forEach(client -> client.book(shows.get("cancelled"), List.of(1)));
        List<ConsumerRecord<String, String>> feed = BookingEventLog.records(system.broker.bootstrapServers());

        // then: the whole feed (every test's shows) is valid, uniquely identified and keyed by show
        List<String> violations = new ArrayList<>();
        clients.forEach(client -> violations.addAll(client.violations));
        Map<String, Schema> schemas = schemas();
        Set<String> ids = new HashSet<>();
        Map<String, List<JsonNode>> byShow = new HashMap<>();
        for (ConsumerRecord<String, String> record : feed) {
            JsonNode event = JSON.readTree(record.value());
            Schema schema = schemas.get(event.path("type").asString(""));
            if (schema == null) {
                violations.add("no schema for " + record.value());
            } else {
                schema.validate(record.value(), InputFormat.JSON)
                        .forEach(error -> violations.add(error + " in " + record.value()));
            }
            if (!ids.add(event.path("eventId").asString(""))) {
                violations.add("duplicate event id: " + record.value());
            }
            if (!event.path("showId").asString("").equals(record.key())) {
                violations.add("not keyed by its show: " + record.key() + " " + record.value());
            }
            byShow.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
        }
        shows.forEach((name, showId) -> checkShow(api, showId, SEATS.get(name), byShow.get(showId), clients,
                violations));
        assertThat(violations).isEmpty();

        // and: the statistics catch up with the feed, over HTTP and as the first event of their stream
        for (String showId : shows.values()) {
            JsonNode stats = awaitStats(api, admin, showId, Expected.of(byShow.get(showId)));
            System.out.printf("Feed: %d events in all, %d of show %s; its stats: %s%n", feed.size(),
                    byShow.get(showId).size(), showId, stats);
            assertThat(firstStreamedStats(system, admin, showId)).isEqualTo(stats);
        }
    }

    private static void checkShow(Api api, String showId, int seats, List<JsonNode> events, List<Client> clients,
                                  List<String> violations) {
        Map<String, JsonNode> confirmed = new HashMap<>();
        Map<String, List<JsonNode>> cancelled = new HashMap<>();
        Map<String, Long> rejected = new TreeMap<>();
        List<Integer> held = new ArrayList<>();
        for (JsonNode event : events) {
            String type = event.path("type").asString();
            String bookingId = event.path("bookingId").asString("");
            if (type.equals("BOOKING_CONFIRMED") && confirmed.put(bookingId, event) != null) {
                violations.add("booking confirmed twice: " + event);
            }
            if (type.equals("BOOKING_CANCELLED")) {
                cancelled.computeIfAbsent(bookingId, k -> new ArrayList<>()).add(event);
            }
            if (type.equals("BOOKING_REJECTED")) {
                rejected.merge(event.path("reason").asString(), 1L, Long::sum);
            }
            event.path("seats").values().forEach(seat -> {
                if (type.equals("BOOKING_CONFIRMED")) {
                    held.add(seat.asInt());
                } else if (type.equals("BOOKING_CANCELLED")) {
                    held.remove(Integer.valueOf(seat.asInt()));
                }
            });
        }
        Map<String, Long> refusals = new TreeMap<>();
        for (Client client : clients) {
            client.refusals.getOrDefault(showId, Map.of()).forEach((code, n) -> refusals.merge(code, n, Long::sum));
            client.booked.forEach((id, booking) -> {
                JsonNode event = confirmed.remove(id);
                if (booking.showId.equals(showId) && (event == null
                        || !client.user.id().equals(event.path("userId").asString())
                        || !booking.seats.equals(seatsOf(event)))) {
                    violations.add("201 booking " + id + " " + booking.seats + " has no matching confirmation: "
                            + event);
                }
            });
            client.cancelled.stream().filter(id -> id.startsWith(showId + "-")).forEach(id -> {
                List<JsonNode> found = cancelled.getOrDefault(id, List.of());
                if (found.size() != 1 || !found.get(0).path("reason").asString().equals("USER")) {
                    violations.add("cancel of " + id + " recorded as " + found);
                }
            });
        }
        JsonNode seatMap = expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
        List<Integer> taken = seatMap.path("taken").values().stream().map(JsonNode::asInt).toList();
        assertThat(confirmed).as("confirmations without a 201").isEmpty();
        assertThat(held.stream().sorted().toList()).as("confirmed minus cancelled seats of " + showId)
                .isEqualTo(taken);
        assertThat(rejected).as("rejections recorded vs. answered").isEqualTo(refusals);
        assertThat(events.get(0).path("type").asString()).isEqualTo("SHOW_SCHEDULED");
        assertThat(events.get(0).path("totalSeats").asInt()).isEqualTo(seats);
        events.stream().filter(e -> e.path("type").asString().equals("SHOW_CANCELLED")).forEach(e -> assertThat(
                e.path("bookingsCancelled").asLong()).isEqualTo(events.stream().filter(c -> c.path("reason")
                .asString("").equals("SHOW_CANCELLED")).count()));
    }

    /** What the statistics must say once they have read every event of the show. */
    record Expected(int totalSeats, long seatsSold, long bookingsConfirmed, long bookingsCancelled,
                    Map<String, Long> rejections, Instant updatedAt) {

        static Expected of(List<JsonNode> events) {
            Map<String, Long> rejections = new TreeMap<>();
            long sold = 0;
            long confirmed = 0;
            long cancelled = 0;
            Instant latest = Instant.EPOCH;
            for (JsonNode event : events) {
                switch (event.path("type").asString()) {
                    case "BOOKING_CONFIRMED" -> {
                        confirmed++;
                        sold += event.path("seats").size();
                    }
                    case "BOOKING_CANCELLED" -> {
                        cancelled++;
                        sold -= event.path("seats").size();
                    }
                    case "BOOKING_REJECTED" -> rejections.merge(event.path("reason").asString(), 1L, Long::sum);
                    default -> { }
                }
                Instant at = Instant.parse(event.path("occurredAt").asString());
                latest = at.isAfter(latest) ? at : latest;
            }
            return new Expected(events.get(0).path("totalSeats").asInt(), sold, confirmed, cancelled, rejections,
                    latest);
        }

        /** The same figures, and per-minute counts that add up to the totals (all within the last hour). */
        boolean matches(String showId, JsonNode stats) {
            Map<String, Long> answered = new TreeMap<>();
            stats.path("rejections").properties().forEach(e -> answered.put(e.getKey(), e.getValue().asLong()));
            long perMinuteConfirmed = 0;
            long perMinuteRejected = 0;
            for (JsonNode minute : stats.path("perMinute").values()) {
                perMinuteConfirmed += minute.path("confirmed").asLong();
                perMinuteRejected += minute.path("rejected").asLong();
            }
            return showId.equals(stats.path("showId").asString(""))
                    && stats.path("totalSeats").asInt() == totalSeats
                    && stats.path("seatsSold").asLong() == seatsSold
                    && stats.path("seatsAvailable").asLong() == totalSeats - seatsSold
                    && stats.path("bookingsConfirmed").asLong() == bookingsConfirmed
                    && stats.path("bookingsCancelled").asLong() == bookingsCancelled
                    && answered.equals(rejections)
                    && perMinuteConfirmed == bookingsConfirmed
                    && perMinuteRejected == rejections.values().stream().mapToLong(Long::longValue).sum()
                    && updatedAt.equals(Instant.parse(stats.path("updatedAt").asString("1970-01-01T00:00:00Z")));
        }
    }

    private static JsonNode awaitStats(Api api, String admin, String showId, Expected expected) {
        long deadline = System.nanoTime() + STATS_DEADLINE.toNanos();
        Answer answer = null;
        while (System.nanoTime() < deadline) {
            answer = api.get("/api/shows/" + showId + "/stats", admin);
            if (answer.status() == 200 && expected.matches(showId, answer.body())) {
                return answer.body();
            }
            sleep(200);
        }
        throw new AssertionError("stats of " + showId + " did not reach " + expected + "; last " + answer);
    }

    /** Reads the SSE stream just long enough to get its first {@code stats} event. */
    private static JsonNode firstStreamedStats(BoxofficeSystem system, String admin, String showId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/shows/" + showId
                        + "/stats/stream")).header("Authorization", "Bearer " + admin)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<java.io.InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("event:stats");
                String data = lines.readLine();
                assertThat(data).startsWith("data:");
                return JSON.readTree(data.substring("data:".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One schema per event type, loaded from the repository's docs/schemas, formats asserted. */
    private static Map<String, Schema> schemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build()));
        Map<String, Schema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".v1.schema.json")).toList()) {
                JsonNode schema = JSON.readTree(Files.readString(file));
                schemas.put(schema.path("properties").path("type").path("const").asString(),
                        registry.getSchema(schema));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(schemas.keySet()).as("schemas in " + SCHEMAS).isEqualTo(Arrays.stream(EventType.values())
                .map(Enum::name).collect(Collectors.toSet()));
        return schemas;
    }

    private static List<Integer> seatsOf(JsonNode event) {
        return event.path("seats").values().stream().map(JsonNode::asInt).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A booking as its client was answered. */
    record Booked(String showId, List<Integer> seats) {
    }

    /** One storm participant: what it was answered, so that the feed can be checked against it. */
    static final class Client {
        final Api api;
        final User user;
        final List<String> shows;
        final Map<String, Booked> booked = new HashMap<>();
        final Set<String> cancelled = new HashSet<>();
        final Map<String, Map<String, Long>> refusals = new HashMap<>();
        final List<String> violations = new ArrayList<>();

        Client(Api api, User user, java.util.Collection<String> shows) {
            this.api = api;
            this.user = user;
            this.shows = List.copyOf(shows);
        }

        Client storm() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < ATTEMPTS; i++) {
                String showId = shows.get(random.nextInt(shows.size()));
                book(showId, random.ints(1, 31).distinct().limit(random.nextInt(1, 4)).sorted().boxed().toList());
                List<String> active = booked.keySet().stream().filter(id -> !cancelled.contains(id)).toList();
                if (random.nextInt(4) == 0 && !active.isEmpty()) {
                    String id = active.get(random.nextInt(active.size()));
                    Answer answer = api.post("/api/bookings/" + id + "/cancel", user.token(), null);
                    if (answer.status() == 200) {
                        cancelled.add(id);
                    } else {
                        violations.add("cancel of " + id + " answered " + answer);
                    }
                }
            }
            return this;
        }

        void book(String showId, List<Integer> seats) {
            Answer answer = api.post("/api/shows/" + showId + "/bookings", user.token(), Map.of("seats", seats));
            if (answer.status() == 201) {
                booked.put(answer.body().path("id").asString(), new Booked(showId, seats));
            } else if (answer.status() == 409) {
                refusals.computeIfAbsent(showId, k -> new TreeMap<>()).merge(answer.code(), 1L, Long::sum);
            } else {
                violations.add("booking " + seats + " of " + showId + " answered " + answer);
            }
        }
    }
}
