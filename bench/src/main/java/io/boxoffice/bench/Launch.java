package io.boxoffice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Prepares a launch through the public API, as a cinema would: the admin schedules a movie and its
 * show(s), the audience registers and logs in. Everything is new for each run (a fresh movie and fresh
 * shows), except the cached bench users, so runs never see each other's seats.
 */
final class Launch {
    /**
     * What the storm books with: user tokens (index = user, kept valid while the run lasts), the storm's shows,
     * the warm-up's own show (null for the ceiling), and the admin's session.
     */
    record Plan(List<String> tokens, List<String> showIds, String warmupShowId, AdminSession admin) {
        /** The admin's access token, valid now. */
        String adminToken() {
            return admin.token();
        }
    }

    private Launch() {
    }

    static Plan prepare(BenchSettings settings, Api api) {
        Api.Answer health = healthOf(api);
        if (health == null || !health.is(200)) {
            throw new BenchAbort("nothing healthy answers at " + settings.url() + "/actuator/health"
                    + (health == null ? "" : " (HTTP " + health.status() + ")") + "; start Boxoffice first: ./boxoffice up");
        }
        AdminSession admin = AdminSession.login(api, adminPassword(settings.root()));
        String adminToken = admin.token();
        List<String> tokens = new UserPool(api, settings.root(), settings.url()).tokens(settings.users());
        if (settings.scenario() == Scenario.CEILING) {
            Api.Answer probe = api.post("/api/bench/ceiling", tokens.get(0), Map.of("seats", List.of(1)));
            if (probe.is(404)) {
                throw new BenchAbort("the ceiling endpoint is off. Start the gateway with it: ./boxoffice down &&"
                        + " BOXOFFICE_BENCH_ENDPOINT=true ./boxoffice up");
            }
            if (!probe.is(200)) {
                throw new BenchAbort("the ceiling endpoint answered HTTP " + probe.status() + " " + probe.json());
            }
            return new Plan(tokens, List.of("ceiling"), null, admin);
        }
        String movieId = created(api.post("/api/movies", adminToken,
                Map.of("title", "Launch rehearsal " + Instant.now(), "durationMinutes", 120)), "movie");
        String startsAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        // The last show is the warm-up's, so that the storm starts on untouched seats.
        List<String> shows = api.parallel(IntStream.rangeClosed(0, settings.shows()).boxed().toList(),
                i -> created(api.post("/api/shows", adminToken, show(settings, movieId, "bench-" + i, startsAt)),
                        "show"));
        System.out.printf("bench: %d show(s) of %d seats scheduled, plus one for the warm-up (at most %d seats per"
                        + " user); %d users ready%n",
                settings.shows(), settings.seats(), settings.maxSeatsPerUser(), tokens.size());
        return new Plan(tokens, shows.subList(0, settings.shows()), shows.get(settings.shows()), admin);
    }

    private static Map<String, Object> show(BenchSettings settings, String movieId, String screen, String startsAt) {
        Map<String, Object> show = new LinkedHashMap<>(Map.of("movieId", movieId, "screen", screen,
                "startsAt", startsAt, "totalSeats", settings.seats(), "maxSeatsPerUser", settings.maxSeatsPerUser()));
        if (settings.scenario() == Scenario.CHECKOUT) {
            show.put("holdSeconds", settings.checkout().holdSeconds());
        }
        return show;
    }

    private static Api.Answer healthOf(Api api) {
        try {
            return api.get("/actuator/health", null);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The launcher's rule: the environment wins, else the file it generated. */
    static String adminPassword(Path root) {
        String fromEnv = System.getenv("BOXOFFICE_ADMIN_PASSWORD");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = root.resolve("var/secrets/admin-password");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new BenchAbort("no admin password: set BOXOFFICE_ADMIN_PASSWORD or run against the system"
                    + " ./boxoffice up started (" + file + ")");
        }
    }

    private static String created(Api.Answer answer, String what) {
        if (!answer.is(201) || answer.text("id") == null) {
            throw new BenchAbort("creating the " + what + " failed: HTTP " + answer.status() + " " + answer.json());
        }
        return answer.text("id");
    }
}
