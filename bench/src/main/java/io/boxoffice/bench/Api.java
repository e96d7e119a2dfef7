package io.boxoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The rehearsal's own HTTP client for everything around the storm: preparing the launch and reading the
 * outcome back. Blocking calls on a small pool, through the public API only (the same contract a cinema's
 * client uses), so the audit proves what clients would see. Not used for the storm itself: Gatling sends that.
 */
final class Api implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and body, parsed when it is JSON. */
    record Answer(int status, JsonNode json) {
        boolean is(int expected) {
            return status == expected;
        }

        String text(String field) {
            return json == null ? null : json.path(field).asText(null);
        }
    }

    private final String base;
    private final ExecutorService pool;
    private final HttpClient client;

    Api(String base, int parallelism) {
        this.base = base;
        this.pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "bench-api");
            thread.setDaemon(true);
            return thread;
        });
        // The client keeps its own (default) executor: blocking calls on the pool wait for it, so sharing the
        // pool would deadlock once every pool thread waits for an answer.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer post(String path, String token, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Applies {@code call} to every item on this client's pool; results in the items' order. */
    <T, R> List<R> parallel(List<T> items, Function<T, R> call) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> call.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                JsonNode json = body == null || body.isBlank() || !looksLikeJson(body) ? null : JSON.readTree(body);
                return new Answer(response.statusCode(), json);
            } catch (IOException e) {
                // A connection reset right after a storm is not a verdict; three failures in a row are.
                if (attempt == 3) {
                    throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
                }
                pause(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static boolean looksLikeJson(String body) {
        char first = body.strip().charAt(0);
        return first == '{' || first == '[';
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
