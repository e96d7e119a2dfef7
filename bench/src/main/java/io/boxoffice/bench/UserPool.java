package io.boxoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * The rehearsal's audience: registered users with access and refresh tokens. Registering and logging in cost one
 * bcrypt run each on the user-service (~80 ms of CPU); refreshing costs none. So users and their tokens are kept
 * in {@code var/bench/users.json} (mode 600, git-ignored) and reused by the next run against the same URL: a
 * stale access token is refreshed, and only a user whose refresh is refused (after {@code ./boxoffice clean}, or
 * past its lifetime) logs in again. While a run lasts, a background thread refreshes every token in its last
 * third of life (access tokens live 15 minutes by default; a chaos run lasts an hour), so {@link #tokens}' list
 * always answers a valid token. Only throw-away bench accounts live there.
 */
final class UserPool {
    /** A bench account; {@code token} may be null or stale, {@code refreshToken} null, spent or expired. */
    record User(String username, String password, String token, long expiresAtEpochSecond, String refreshToken,
                long refreshExpiresAtEpochSecond, long lifeSeconds) {
        boolean tokenValidFor(long seconds) {
            return token != null && expiresAtEpochSecond > Instant.now().getEpochSecond() + seconds;
        }

        /** Whether the access token has lived two thirds of its life (or has none). */
        boolean dueForRefresh() {
            return !tokenValidFor(Math.max(lifeSeconds / 3, 30));
        }

        boolean mayRefresh() {
            return refreshToken != null && refreshExpiresAtEpochSecond > Instant.now().getEpochSecond() + 60;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long RENEWAL_PERIOD_SECONDS = 30;
    private final Api api;
    private final Path file;
    private final String url;

    UserPool(Api api, Path root, String url) {
        this.api = api;
        this.file = root.resolve("var/bench/users.json");
        this.url = url;
    }

    /**
     * Tokens of {@code count} users, registering whoever is missing: a live list whose {@code get} answers the
     * user's current token, renewed in the background while the process runs.
     */
    List<String> tokens(int count) {
        List<User> users = new ArrayList<>(load());
        // The cache belongs to this system only if it still knows our refresh tokens.
        boolean cacheWorks = false;
        if (!users.isEmpty() && users.get(0).mayRefresh()) {
            User probed = refresh(users.get(0));
            cacheWorks = probed != null;
            if (cacheWorks) {
                users.set(0, probed);
            }
        }
        String tag = randomText(6);
        while (users.size() < count) {
            users.add(new User("bench_" + tag + "_" + users.size(), randomText(20), null, 0, null, 0, 0));
        }
        List<User> wanted = users.subList(0, count);
        boolean known = cacheWorks;
        long fresh = wanted.stream().filter(u -> !known || !u.mayRefresh()).count();
        if (fresh > 0) {
            System.out.printf("bench: preparing %d users (%d from the cache; registration and login cost a bcrypt"
                    + " run each) ...%n", count, count - fresh);
        }
        AtomicInteger done = new AtomicInteger();
        List<User> ready = api.parallel(new ArrayList<>(wanted), user -> {
            User result = known ? renewed(user) : login(user);
            int n = done.incrementAndGet();
            if (fresh > 0 && n % 100 == 0) {
                System.out.printf("bench:   %d/%d users ready%n", n, count);
            }
            return result;
        });
        List<User> rest = List.copyOf(users.subList(count, users.size()));
        LiveTokens live = new LiveTokens(ready, rest);
        live.save();
        live.renewInTheBackground();
        return live;
    }

    /** The user with a token valid for another third of its life: as it is, refreshed, or logged in again. */
    private User renewed(User user) {
        if (!user.dueForRefresh()) {
            return user;
        }
        User refreshed = user.mayRefresh() ? refresh(user) : null;
        return refreshed != null ? refreshed : login(user);
    }

    /** The user with the pair its refresh token buys, or null when the refresh is refused. */
    private User refresh(User user) {
        Api.Answer answer = api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken()));
        return answer.is(200) ? withPair(user, answer) : null;
    }

    private User login(User user) {
        Map<String, String> credentials = Map.of("username", user.username(), "password", user.password());
        Api.Answer token = Logins.patiently(() -> api.post("/api/auth/token", null, credentials));
        if (token.is(401)) {
            Api.Answer registered = Logins.patiently(() -> api.post("/api/users", null, credentials));
            if (!registered.is(201) && !registered.is(409)) {
                throw new BenchAbort("registering bench user " + user.username() + " failed: HTTP " + registered.status()
                        + " " + registered.json());
            }
            token = Logins.patiently(() -> api.post("/api/auth/token", null, credentials));
        }
        if (!token.is(200)) {
            // The name exists with another password (a foreign account, or a cache from another system) or is
            // locked after failed logins: take a new one.
            return login(new User("bench_" + randomText(8), randomText(20), null, 0, null, 0, 0));
        }
        return withPair(user, token);
    }

    private static User withPair(User user, Api.Answer pair) {
        long now = Instant.now().getEpochSecond();
        long life = pair.json().path("expiresIn").asLong(0);
        return new User(user.username(), user.password(), pair.text("accessToken"), now + life,
                pair.text("refreshToken"), now + pair.json().path("refreshExpiresIn").asLong(0), life);
    }

    /** The users' current tokens, by index; renewed by a daemon thread and saved after each renewal. */
    private final class LiveTokens extends AbstractList<String> {
        private final AtomicReferenceArray<User> users;
        private final List<User> rest;

        LiveTokens(List<User> ready, List<User> rest) {
            this.users = new AtomicReferenceArray<>(ready.toArray(User[]::new));
            this.rest = rest;
        }

        @Override
        public String get(int index) {
            return users.get(index).token();
        }

        @Override
        public int size() {
            return users.length();
        }

        void renewInTheBackground() {
            ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "bench-token-renewal");
                thread.setDaemon(true);
                return thread;
            });
            renewer.scheduleWithFixedDelay(this::renewDue, RENEWAL_PERIOD_SECONDS, RENEWAL_PERIOD_SECONDS,
                    TimeUnit.SECONDS);
        }

        private void renewDue() {
            try {
                List<Integer> due = IntStream.range(0, users.length()).filter(i -> users.get(i).dueForRefresh())
                        .boxed().toList();
                if (due.isEmpty()) {
                    return;
                }
                api.parallel(due, i -> {
                    users.set(i, renewed(users.get(i)));
                    return i;
                });
                save();
            } catch (RuntimeException e) {
                System.out.println("bench: note: renewing tokens failed (tried again in " + RENEWAL_PERIOD_SECONDS
                        + " s): " + e.getMessage());
            }
        }

        synchronized void save() {
            List<User> all = new ArrayList<>();
            for (int i = 0; i < users.length(); i++) {
                all.add(users.get(i));
            }
            all.addAll(rest);
            UserPool.this.save(all);
        }
    }

    private List<User> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode root = Api.JSON.readTree(file.toFile());
            if (!url.equals(root.path("url").asText())) {
                return List.of();
            }
            List<User> users = new ArrayList<>();
            for (JsonNode u : root.path("users")) {
                users.add(new User(u.path("username").asText(), u.path("password").asText(),
                        u.path("token").asText(null), u.path("expiresAt").asLong(0),
                        u.path("refreshToken").asText(null), u.path("refreshExpiresAt").asLong(0),
                        u.path("lifeSeconds").asLong(0)));
            }
            return users;
        } catch (IOException e) {
            return List.of();
        }
    }

    private void save(List<User> users) {
        ObjectNode root = Api.JSON.createObjectNode().put("url", url);
        ArrayNode list = root.putArray("users");
        for (User u : users) {
            list.addObject().put("username", u.username()).put("password", u.password()).put("token", u.token())
                    .put("expiresAt", u.expiresAtEpochSecond()).put("refreshToken", u.refreshToken())
                    .put("refreshExpiresAt", u.refreshExpiresAtEpochSecond()).put("lifeSeconds", u.lifeSeconds());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("users.json.tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Api.JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.out.println("bench: note: could not cache the users in " + file + ": " + e);
        }
    }

    private static String randomText(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
