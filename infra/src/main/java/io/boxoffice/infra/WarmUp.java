package io.boxoffice.infra;

import io.boxoffice.common.ProblemCodes;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's warm-up ({@code ./boxoffice up}, {@code BOXOFFICE_WARMUP}): before {@code up} reports the system
 * ready, it sends booking requests through every gateway until the JIT compilers have caught up, so that the first
 * storm after a deploy meets compiled code (docs/performance.md, "The JIT cliff").
 *
 * <p>Every request names a show that cannot exist: its id is longer than any id Boxoffice generates. The requests
 * take turns: a booking, a hold (of named seats or best available) and the confirmation of a hold of such a show,
 * the three commands of a launch. So each one runs its whole path (HTTP, the bearer token, the JSON body, the
 * command on Kafka, the show's single writer, the reply) and is refused: {@code show_not_found}, or
 * {@code hold_not_found} for the confirmation. A refusal for an unknown show changes no show, booking, hold or
 * seat and emits nothing on {@code booking-events}; what remains is the commands on {@code booking-commands} and
 * their remembered replies, which expire with the idempotency window.
 *
 * <p>It stops when the answers per second of a window no longer rise ({@link #plateaued}), after at least
 * {@code --min-seconds} and at most {@code --max-seconds}. The admin's password comes from the environment
 * ({@code BOXOFFICE_ADMIN_PASSWORD}), never from the command line.
 */
public final class WarmUp {
    /** Longer than the 16 characters of a generated id, so no show ever has such an id. */
    private static final String SHOW_PREFIX = "warmup";
    private static final int SHOW_SUFFIX_LENGTH = 14;
    private static final Duration WINDOW = Duration.ofSeconds(5);
    /** A window within this factor of the one before is no faster: the compilers have caught up. */
    static final double PLATEAU = 1.10;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final int LOGIN_ATTEMPTS = 30;

    private final List<String> gateways;
    private final int connections;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LongAdder answered = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile String refusal;

    private WarmUp(List<String> gateways, int connections) {
        this.gateways = gateways;
        this.connections = connections;
    }

    /** {@code --gateways URL[,URL...] --min-seconds N --max-seconds N --connections N}. */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String password = System.getenv("BOXOFFICE_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            fail("BOXOFFICE_ADMIN_PASSWORD is not set");
        }
        WarmUp warmUp = new WarmUp(List.of(options.getOrDefault("--gateways", "http://127.0.0.1:8080").split(",")),
                Integer.parseInt(options.getOrDefault("--connections", "64")));
        warmUp.run(password, Integer.parseInt(options.getOrDefault("--min-seconds", "20")),
                Integer.parseInt(options.getOrDefault("--max-seconds", "60")));
    }

    private void run(String password, int minSeconds, int maxSeconds) throws InterruptedException {
        String token = login(gateways.get(0), password);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            String gateway = gateways.get(i % gateways.size());
            Thread worker = new Thread(() -> bookUnknownShows(gateway, token), "warm-up-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        long started = System.nanoTime();
        // Whole windows only: the first to stop is the one that reaches the minimum, the last the one at the maximum.
        long minWindows = Math.max(1, minSeconds / WINDOW.toSeconds());
        long maxWindows = Math.max(minWindows, maxSeconds / WINDOW.toSeconds());
        List<Double> rates = new ArrayList<>();
        long before = 0;
        String why = "at most " + maxSeconds + " s";
        while (rates.size() < maxWindows) {
            Thread.sleep(WINDOW.toMillis());
            long now = answered.sum();
            rates.add((now - before) * 1000.0 / WINDOW.toMillis());
            before = now;
            if (refusal != null) {
                fail(refusal);
            }
            if (rates.size() >= minWindows && plateaued(rates)) {
                why = "answers/s stopped rising";
                break;
            }
        }
        running = false;
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(15).toMillis());
        }
        System.out.printf("warm-up: %.0f s, %,d requests through %d gateway(s), last %d s at %,.0f/s (%s); %s%n",
                (System.nanoTime() - started) / 1e9, answered.sum(), gateways.size(), WINDOW.toSeconds(),
                rates.get(rates.size() - 1), why, outcomes);
    }

    /** Whether the last window was no faster than the one before it. */
    static boolean plateaued(List<Double> rates) {
        int n = rates.size();
        return n >= 2 && rates.get(n - 1) < rates.get(n - 2) * PLATEAU;
    }

    /**
     * One keep-alive connection, one request at a time. A plain socket, not {@link HttpClient}: the warm-up shares the
     * cores with the JVMs it warms, and the JDK's client costs several times more CPU per request than the request
     * costs the gateway. The gateway answers these requests with a {@code Content-Length}; anything else ends the
     * connection, and the next one is opened.
     */
    private void bookUnknownShows(String gateway, String token) {
        URI uri = URI.create(gateway);
        while (running) {
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout((int) Duration.ofSeconds(15).toMillis());
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (long turn = 0; running; turn++) {
                    out.write(request(uri, token, turn));
                    out.flush();
                    Answer answer = Answer.read(in);
                    count(answer.outcome());
                    if (answer.status() == 401 || answer.status() == 403) {
                        refusal = "the gateway at " + gateway + " refused the admin's token: HTTP " + answer.status();
                    }
                    if (!answer.keepAlive()) {
                        break;
                    }
                }
            } catch (IOException e) {
                count("no answer");
            }
        }
    }

    private void count(String outcome) {
        answered.increment();
        outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    /** The {@code turn}-th request of a connection: a booking, a hold, or a hold's confirmation, in turn. */
    static byte[] request(URI gateway, String token, long turn) {
        int first = ThreadLocalRandom.current().nextInt(1, 100);
        String seats = "{\"seats\":[" + first + "," + (first + 1) + "]}";
        return switch ((int) (turn % 3)) {
            case 0 -> post(gateway, token, "/api/shows/" + unknownShowId() + "/bookings", seats);
            case 1 -> post(gateway, token, "/api/shows/" + unknownShowId() + "/holds",
                    turn % 2 == 0 ? seats : "{\"bestAvailable\":2}");
            default -> post(gateway, token, "/api/holds/" + unknownShowId() + "-h1/confirm", "");
        };
    }

    private static byte[] post(URI gateway, String token, String path, String body) {
        return ("POST " + path + " HTTP/1.1\r\n"
                + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/json\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** An HTTP/1.1 answer with a {@code Content-Length}; its outcome is the expected refusal or its status. */
    record Answer(int status, String outcome, boolean keepAlive) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            int length = -1;
            boolean keepAlive = true;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    keepAlive = false;
                }
            }
            if (length < 0) {
                throw new IOException("an answer without Content-Length");
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            String expected = status != 404 ? null : body.contains(ProblemCodes.SHOW_NOT_FOUND)
                    ? ProblemCodes.SHOW_NOT_FOUND : body.contains(ProblemCodes.HOLD_NOT_FOUND) ? ProblemCodes.HOLD_NOT_FOUND
                    : null;
            return new Answer(status, expected != null ? expected : "HTTP " + status, keepAlive);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    private static String unknownShowId() {
        StringBuilder id = new StringBuilder(SHOW_PREFIX);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < SHOW_SUFFIX_LENGTH; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }

    private String login(String gateway, String password) {
        String body = "{\"username\":\"admin\",\"password\":\"" + password.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/auth/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            // The user-service sheds password checks it cannot take at once (503); ask again a few times.
            for (int attempt = 1; response.statusCode() == 503 && attempt < LOGIN_ATTEMPTS; attempt++) {
                Thread.sleep(1_000);
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                fail("the admin's login at " + gateway + " answered HTTP " + response.statusCode());
            }
            return token.group(1);
        } catch (IOException e) {
            fail("the admin's login at " + gateway + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        throw new IllegalStateException("unreachable");
    }

    private static void fail(String why) {
        System.err.println("warm-up: " + why);
        System.exit(1);
    }
}
