package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Every read of the contract across instances: the system runs two processors and two user-services, the
 * shows and users of this test spread over the partitions of both, and each read answers the same whichever
 * instance holds its data. Then one processor and one user-service are killed (SIGKILL, left down): every
 * read still answers, with the same document, within the reply timeout, from the instance holding the
 * standby copy, until the group moves the partitions. Logins, which are commands to a name's single writer since
 * sessions came, answer once the group moved them. Both instances come back afterwards.
 */
@Order(12)
@ExtendWith(SystemExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutReadsIntegrationTest {
    private static final int SHOWS = 12;
    /** The gateway's reply timeout (the default), plus the time of one HTTP round trip. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(11);
    /** The user-services' session timeout (10 s), a rebalance with restoration, and a login's own reply timeout. */
    private static final Duration LOGIN_FAILOVER = Duration.ofSeconds(45);

    @Test
    void shouldAnswerEveryReadTheSameWhenAnInstanceOfEachProcessorDies(BoxofficeSystem system) {
        // given: movies, shows, bookings, an asynchronous request and users spread over all partitions
        Api api = new Api(system);
        String admin = api.adminToken(system);
        List<User> users = api.newUsers("scale", 6);
        User buyer = users.get(0);
        List<String> showIds = new ArrayList<>();
        List<String> movieIds = new ArrayList<>();
        for (int i = 0; i < SHOWS; i++) {
            JsonNode show = api.newShow(admin, 20, 4);
            showIds.add(show.path("id").asString());
            movieIds.add(show.path("movieId").asString());
        }
        List<String> bookingIds = new ArrayList<>();
        for (String showId : showIds) {
            bookingIds.add(expect(api.post("/api/shows/" + showId + "/bookings", buyer.token(),
                    Map.of("seats", List.of(7))), 201).body().path("id").asString());
        }
        String requestId = expect(api.post("/api/shows/" + showIds.get(0) + "/bookings", buyer.token(),
                Map.of("seats", List.of(8)), Map.of("Prefer", "respond-async")), 202).body().path("requestId").asString();
        Map<String, String> reads = reads(movieIds, showIds, bookingIds, requestId);
        // The statistics trail the feed (their own app commits once a second): wait until they count all.
        for (String showId : showIds) {
            long confirmed = showId.equals(showIds.get(0)) ? 2 : 1;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Answer stats = api.get("/api/shows/" + showId + "/stats", admin);
                return stats.status() == 200 && stats.body().path("bookingsConfirmed").asLong() == confirmed;
            });
        }

        // when: every read, on both processors and both user-services
        Map<String, String> before = readAll(api, reads, buyer, admin);

        // then: complete answers
        assertThat(before.get("/api/users/me/bookings")).contains(bookingIds);
        assertThat(before.get("/api/movies")).contains(movieIds);
        for (String movieId : movieIds) {
            assertThat(before.get("/api/movies/" + movieId + "/shows")).contains(showIds.get(movieIds.indexOf(movieId)));
        }
        assertThat(before.get("/api/booking-requests/" + requestId)).contains("CONFIRMED");
        assertLogins(api, users);

        // when: one processor and one user-service die and stay down
        system.killProcessor(1);
        system.killUserService(1);
        try {
            // then: the same answers, each within the reply timeout, from the copies left
            Map<String, String> during = readAll(api, reads, buyer, admin);
            assertThat(during).isEqualTo(before);
            assertLoginsOnceTheGroupMoved(api, users);
        } finally {
            Concurrently.run(2, kind -> kind == 0 ? system.restartProcessor(1) : system.restartUserService(1));
        }

        // and once they are back, the same again
        assertThat(readAll(api, reads, buyer, admin)).isEqualTo(before);
        assertLogins(api, users);
    }

    /** Every read path of the contract over this test's data, with the token it needs ("user" or "admin"). */
    private static Map<String, String> reads(List<String> movieIds, List<String> showIds, List<String> bookingIds,
                                             String requestId) {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("/api/movies", null);
        reads.put("/api/users/me/bookings", "user");
        reads.put("/api/users/me", "user");
        reads.put("/.well-known/jwks.json", null);
        reads.put("/api/booking-requests/" + requestId, "user");
        movieIds.forEach(id -> reads.put("/api/movies/" + id + "/shows", null));
        showIds.forEach(id -> {
            reads.put("/api/shows/" + id, null);
            reads.put("/api/shows/" + id + "/seats", null);
            reads.put("/api/shows/" + id + "/stats", "admin");
        });
        bookingIds.forEach(id -> reads.put("/api/bookings/" + id, "user"));
        return reads;
    }

    /** The body of every read, each answered 200 within {@link #READ_LIMIT}. */
    private static Map<String, String> readAll(Api api, Map<String, String> reads, User user, String admin) {
        Map<String, String> bodies = new LinkedHashMap<>();
        reads.forEach((path, who) -> {
            String token = who == null ? null : "admin".equals(who) ? admin : user.token();
            long started = System.nanoTime();
            Answer answer = api.get(path, token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer.status()).as("GET %s answered %s after %s", path, answer, took).isEqualTo(200);
            assertThat(took).as("GET %s", path).isLessThan(READ_LIMIT);
            bodies.put(path, answer.raw());
        });
        return bodies;
    }

    /**
     * Logins are decided by the name's single writer, not read from a copy: while the group has not yet moved the
     * dead instance's partitions (its session timeout, then the rebalance), a login of a name there waits, and may
     * end 504 {@code timeout} having changed nothing. Each login must answer 200 once the partitions moved, and
     * nothing but 200 or such a timeout meanwhile.
     */
    private static void assertLoginsOnceTheGroupMoved(Api api, List<User> users) {
        for (User user : users) {
            await("login of " + user.username()).atMost(LOGIN_FAILOVER).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        Answer answer = api.token(user.username(), user.password());
                        assertThat(answer.status() == 200 || answer.status() == 504
                                && ProblemCodes.TIMEOUT.equals(answer.code())).as(answer.toString()).isTrue();
                        return answer.status() == 200;
                    });
        }
    }

    private static void assertLogins(Api api, List<User> users) {
        for (User user : users) {
            assertThat(api.token(user.username(), user.password()).status()).as("login of %s", user.username())
                    .isEqualTo(200);
        }
    }
}
