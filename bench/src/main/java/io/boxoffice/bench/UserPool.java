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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rehearsal's audience: registered users with access tokens. Registering and logging in cost one
 * bcrypt run each on the user-service (~80 ms of CPU), so users and their tokens are kept in
 * {@code var/bench/users.json} (mode 600, git-ignored) and reused by the next run against the same URL
 * while the tokens are valid; a token the system no longer accepts (after {@code ./boxoffice clean})
 * sends every user through registration or login again. Only throw-away bench accounts live there.
 */
final class UserPool {
    /** A bench account; {@code token} may be null or stale. */
    record User(String username, String password, String token, long expiresAtEpochSecond) {
        boolean tokenValidFor(long seconds) {
            return token != null && expiresAtEpochSecond > Instant.now().getEpochSecond() + seconds;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Api api;
    private final Path file;
    private final String url;

    UserPool(Api api, Path root, String url) {
        this.api = api;
        this.file = root.resolve("var/bench/users.json");
        this.url = url;
    }

    /** Tokens of {@code count} users, registering whoever is missing. */
    List<String> tokens(int count, int stormSeconds) {
        List<User> users = new ArrayList<>(load());
        // A token must outlive the storm and the audit after it.
        long margin = stormSeconds + 600L;
        boolean cachedTokensWork = !users.isEmpty() && users.get(0).tokenValidFor(margin)
                && api.get("/api/users/me", users.get(0).token()).is(200);
        String tag = randomText(6);
        while (users.size() < count) {
            users.add(new User("bench_" + tag + "_" + users.size(), randomText(20), null, 0));
        }
        List<User> wanted = users.subList(0, count);
        long fresh = wanted.stream().filter(u -> !(cachedTokensWork && u.tokenValidFor(margin))).count();
        if (fresh > 0) {
            System.out.printf("bench: preparing %d users (%d from the cache; registration and login cost a bcrypt"
                    + " run each) ...%n", count, count - fresh);
        }
        AtomicInteger done = new AtomicInteger();
        List<User> ready = api.parallel(new ArrayList<>(wanted), user -> {
            User result = cachedTokensWork && user.tokenValidFor(margin) ? user : login(user);
            int n = done.incrementAndGet();
            if (fresh > 0 && n % 100 == 0) {
                System.out.printf("bench:   %d/%d users ready%n", n, count);
            }
            return result;
        });
        List<User> all = new ArrayList<>(ready);
        all.addAll(users.subList(count, users.size()));
        save(all);
        return ready.stream().map(User::token).toList();
    }

    private User login(User user) {
        Api.Answer token = api.post("/api/auth/token", null,
                Map.of("username", user.username(), "password", user.password()));
        if (!token.is(200)) {
            Api.Answer registered = api.post("/api/users", null,
                    Map.of("username", user.username(), "password", user.password()));
            if (!registered.is(201) && !registered.is(409)) {
                throw new BenchAbort("registering bench user " + user.username() + " failed: HTTP " + registered.status()
                        + " " + registered.json());
            }
            token = api.post("/api/auth/token", null, Map.of("username", user.username(), "password", user.password()));
        }
        if (!token.is(200)) {
            // The name exists with another password (a foreign account, or a cache from another system): take a new one.
            return login(new User("bench_" + randomText(8), randomText(20), null, 0));
        }
        long expires = Instant.now().getEpochSecond() + token.json().path("expiresIn").asLong(0);
        return new User(user.username(), user.password(), token.text("accessToken"), expires);
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
                        u.path("token").asText(null), u.path("expiresAt").asLong(0)));
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
                    .put("expiresAt", u.expiresAtEpochSecond());
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
