package io.boxoffice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The load tools' own requests, where only the status matters and the body is never read ({@link Api} parses
 * every answer and retries failed connections, which a measured request must not). Also the one large show such a
 * tool books on.
 */
final class StatusClient {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    StatusClient(String base) {
        this.base = base;
    }

    /** The status of a JSON POST (with a bearer token unless null), or 0 when no answer came. */
    int post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    HttpClient http() {
        return http;
    }

    /**
     * A new movie called {@code title} and a show of it on {@code screen}, large enough that no tool runs out of
     * seats (100,000) and no single user meets the per-user limit (10,000); its id.
     */
    static String largeShow(Api api, String adminToken, String title, String screen) {
        Api.Answer movie = api.post("/api/movies", adminToken,
                Map.of("title", title + " " + Instant.now(), "durationMinutes", 100));
        Api.Answer show = api.post("/api/shows", adminToken, Map.of("movieId", movie.text("id"),
                "screen", screen, "startsAt", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
                        .toString(), "totalSeats", 100_000, "maxSeatsPerUser", 10_000));
        if (!show.is(201)) {
            throw new BenchAbort("creating a show failed: HTTP " + show.status() + " " + show.json());
        }
        return show.text("id");
    }
}
