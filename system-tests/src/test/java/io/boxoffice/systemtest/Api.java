package io.boxoffice.systemtest;

import static org.awaitility.Awaitility.await;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Json;
import io.boxoffice.common.ProblemCodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A plain HTTP client of the public API, as any client would use it: JSON in and out through the
 * gateway, a bearer token per user. Transport failures are answers too (status 0), so that concurrent
 * drivers can record them instead of dying.
 */
final class Api {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int SIGNUP_CLIENTS = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Api(BoxofficeSystem system) {
        this(system.gatewayUrl());
    }

    private Api(String base) {
        this.base = base;
    }

    /** The same client talking to another gateway instance. */
    static Api at(ServiceProcess gateway) {
        return new Api(gateway.url());
    }

    /** One HTTP answer; {@code status == 0} means no answer arrived (connection refused, reset, timeout). */
    record Answer(int status, Map<String, List<String>> headers, JsonNode body, String raw) {
        String code() {
            return body.path("code").asString("");
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    /** A registered user holding a token. */
    record User(String id, String username, String password, String token) {
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    Answer delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** This client's gateway, for clients of its own (a live seat stream). */
    String base() {
        return base;
    }

    /** A POST with extra request headers ({@code Idempotency-Key}, {@code Prefer}, ...). */
    Answer post(String path, String token, Object body, Map<String, String> headers) {
        String json = body == null ? "" : Json.MAPPER.writeValueAsString(body);
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        headers.forEach(builder::setHeader);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A server-sent-events GET read to its end: the answer arrives only once the server closes the stream,
     * and a stream still open after {@code limit} is a status-0 answer (a request timeout would not do,
     * since it stops counting once the headers arrive).
     */
    Answer stream(String path, String token, Duration limit) {
        HttpRequest request = request(path, token).setHeader("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<String>> response = HTTP.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> done = response.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(done.statusCode(), done.headers().map(), parse(done.body()), done.body());
        } catch (TimeoutException e) {
            response.cancel(true);
            return new Answer(0, Map.of(), MissingNode.getInstance(), "stream still open after " + limit);
        } catch (ExecutionException e) {
            return new Answer(0, Map.of(), MissingNode.getInstance(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, Map.of(), MissingNode.getInstance(), e.toString());
        }
    }

    /** A registration, sent again while the user-service's password bulkhead sheds it (as a client should). */
    Answer register(String username, String password) {
        return patiently(() -> post("/api/users", null, Map.of("username", username, "password", password)));
    }

    /** A login, sent again while the user-service's password bulkhead sheds it. */
    Answer token(String username, String password) {
        return patiently(() -> post("/api/auth/token", null, Map.of("username", username, "password", password)));
    }

    /** The first login answer, shed or not. */
    Answer tokenOnce(String username, String password) {
        return post("/api/auth/token", null, Map.of("username", username, "password", password));
    }

    Answer refresh(String refreshToken) {
        return post("/api/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    Answer logout(String accessToken, String refreshToken) {
        return post("/api/auth/logout", accessToken, Map.of("refreshToken", refreshToken));
    }

    /** {@code call}'s answer once it is not 503 {@code overloaded}, asked again after each Retry-After. */
    private static Answer patiently(java.util.function.Supplier<Answer> call) {
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(call::get, answer -> !(answer.status() == 503 && answer.code().equals(ProblemCodes.OVERLOADED)));
    }

    String adminToken(BoxofficeSystem system) {
        return expect(token("admin", system.adminPassword), 200).body().path("accessToken").asString();
    }

    /** Registers a fresh user (unique name from {@code prefix}) and logs it in. */
    User newUser(String prefix) {
        String username = prefix + "." + Ids.random().substring(0, 10);
        String password = "pw-" + Ids.random();
        String id = expect(register(username, password), 201).body().path("id").asString();
        String token = expect(token(username, password), 200).body().path("accessToken").asString();
        return new User(id, username, password, token);
    }

    /**
     * Registers {@code count} fresh users, a few at a time: set-up, not a registration storm (each costs two
     * bcrypt runs, and bursts of sign-ups are what {@link RegistrationRaceIntegrationTest} is about).
     */
    List<User> newUsers(String prefix, int count) {
        List<List<User>> batches = Concurrently.run(SIGNUP_CLIENTS, client -> IntStream.range(0, count)
                .filter(i -> i % SIGNUP_CLIENTS == client).mapToObj(i -> newUser(prefix + i)).toList());
        return batches.stream().flatMap(List::stream).toList();
    }

    /** Creates a movie and an open show of it; returns the show. */
    JsonNode newShow(String adminToken, int totalSeats, int maxSeatsPerUser) {
        String movieId = expect(post("/api/movies", adminToken,
                Map.of("title", "Storm over Kafka " + Ids.random(), "durationMinutes", 117)), 201)
                .body().path("id").asString();
        return expect(post("/api/shows", adminToken, Map.of("movieId", movieId, "screen", "Screen 1",
                "startsAt", "2026-12-01T20:00:00Z", "totalSeats", totalSeats,
                "maxSeatsPerUser", maxSeatsPerUser)), 201).body();
    }

    /** Creates a movie and an open show of it with the given hold time and row length; returns the show. */
    JsonNode newShow(String adminToken, int totalSeats, int maxSeatsPerUser, int holdSeconds, int seatsPerRow) {
        String movieId = expect(post("/api/movies", adminToken,
                Map.of("title", "Holds over Kafka " + Ids.random(), "durationMinutes", 117)), 201)
                .body().path("id").asString();
        return expect(post("/api/shows", adminToken, Map.of("movieId", movieId, "screen", "Screen 2",
                "startsAt", "2026-12-01T20:00:00Z", "totalSeats", totalSeats, "maxSeatsPerUser", maxSeatsPerUser,
                "holdSeconds", holdSeconds, "seatsPerRow", seatsPerRow)), 201).body();
    }

    /** The user's bookings (all shows), newest first, as {@code GET /api/users/me/bookings} lists them. */
    List<JsonNode> bookingsOf(User user) {
        return List.copyOf(expect(get("/api/users/me/bookings", user.token()), 200).body()
                .path("items").values());
    }

    static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but was " + answer);
        }
        return answer;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), parse(response.body()),
                    response.body());
        } catch (IOException e) {
            return new Answer(0, Map.of(), MissingNode.getInstance(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, Map.of(), MissingNode.getInstance(), e.toString());
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }
}
