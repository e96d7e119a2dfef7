package io.boxoffice.systemtest;

import io.boxoffice.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A client of a live seat stream ({@code GET /api/shows/{id}/seats/events}): reads the server-sent events on a
 * thread of its own as they come, and keeps each with the moment it arrived, until closed.
 */
final class SeatEventsClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** One event: its name, its data, and when it arrived ({@link System#nanoTime}). */
    record Event(String name, JsonNode data, long receivedNanos) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    private SeatEventsClient(String gatewayUrl, String showId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/shows/" + showId + "/seats/events"))
                .header("Accept", "text/event-stream").GET().build();
        response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            status = answer.statusCode();
            String[] name = {null};
            answer.body().forEach(line -> {
                if (line.startsWith("event: ")) {
                    name[0] = line.substring("event: ".length());
                } else if (line.startsWith("data: ") && name[0] != null) {
                    events.add(new Event(name[0], Json.MAPPER.readTree(line.substring("data: ".length())),
                            System.nanoTime()));
                    name[0] = null;
                }
            });
        });
    }

    static SeatEventsClient open(String gatewayUrl, String showId) {
        return new SeatEventsClient(gatewayUrl, showId);
    }

    int status() {
        return status;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
