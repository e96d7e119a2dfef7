package io.boxoffice.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the user-service (JWK set, account routes) and the booking-processor's internal query
 * API on one loopback port, using only the JDK. Tests register canned answers per method and raw path
 * and read back what the gateway sent. An unregistered route answers 500, so a test that forgot one
 * sees 503 from the gateway rather than a false success.
 */
public final class StubServer {
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> sequences = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private StubServer(HttpServer server) {
        this.server = server;
    }

    public static StubServer start() {
        try {
            StubServer stub = new StubServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            stub.server.createContext("/", stub::handle);
            stub.server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets all answers and requests; the JWK set is always served. */
    public void reset() {
        answers.clear();
        sequences.clear();
        received.clear();
    }

    public void answer(String method, String path, int status, String body) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        answers.put(method + " " + path, new Answer(status, type, body));
    }

    public void answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
    }

    /** Answers the route with {@code first} once, then with {@code then} every time after. */
    public void answerInTurn(String method, String path, Answer first, Answer then) {
        sequences.put(method + " " + path, new ConcurrentLinkedQueue<>(List.of(first)));
        answers.put(method + " " + path, then);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastReceived(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError(
                        "No " + method + " " + path + " received; got " + received));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
        Queue<Answer> turns = sequences.get(method + " " + path);
        Answer next = turns == null ? null : turns.poll();
        Answer answer = "/.well-known/jwks.json".equals(path)
                ? new Answer(200, "application/json", Tokens.jwkSet())
                : next != null ? next
                : answers.getOrDefault(method + " " + path, new Answer(500, "text/plain", "no stub for " + path));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        if (answer.status() == 201) {
            exchange.getResponseHeaders().set("Location", path + "/created");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
