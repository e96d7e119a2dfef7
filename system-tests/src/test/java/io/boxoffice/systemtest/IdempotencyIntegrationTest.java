package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static io.boxoffice.systemtest.BookingRequests.asyncWithKey;
import static io.boxoffice.systemtest.BookingRequests.awaitDecision;
import static io.boxoffice.systemtest.BookingRequests.book;
import static io.boxoffice.systemtest.BookingRequests.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency keys under racing retries: repeats of one key by one user are one request to the show's single
 * writer, which books once and answers every repeat with the original outcome, in both modes. The key is
 * the user's own: another user's request with the same key is a different request.
 */
@Order(6)
@ExtendWith(SystemExtension.class)
class IdempotencyIntegrationTest {
    private static final int REPEATS = 10;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void connect(BoxofficeSystem system) {
        api = new Api(system);
        admin = api.adminToken(system);
    }

    @Test
    void shouldBookOnceAndAnswerAllAlikeWhenTenSynchronousRepeatsOfOneKeyRace() {
        // given
        String showId = api.newShow(admin, 20, 4).path("id").asString();
        User alice = api.newUser("alice");
        String key = "launch-" + Ids.random();

        // when
        List<Answer> answers = Concurrently.run(REPEATS, i -> book(api, alice, showId, List.of(8, 9), withKey(key)));

        // then
        Answer first = expect(answers.get(0), 201);
        String bookingId = first.body().path("id").asString();
        assertThat(answers).as("answers to the repeats").allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.body()).isEqualTo(first.body());
            assertThat(answer.header("Location")).contains("/api/bookings/" + bookingId);
        });
        assertThat(bookingsIn(alice, showId)).containsExactly(bookingId + ":ACTIVE");
        assertThat(api.get("/api/shows/" + showId + "/seats", null).body().path("taken").toString())
                .isEqualTo("[8,9]");
    }

    @Test
    void shouldAcceptAllAsOneRequestAndBookOnceWhenTenAsynchronousRepeatsOfOneKeyRace() {
        // given
        String showId = api.newShow(admin, 20, 4).path("id").asString();
        User alice = api.newUser("alice");
        String key = "launch-" + Ids.random();

        // when
        List<Answer> answers = Concurrently.run(REPEATS, i -> book(api, alice, showId, List.of(1), asyncWithKey(key)));
        String requestId = answers.get(0).body().path("requestId").asString("");
        JsonNode outcome = awaitDecision(api, alice, requestId);

        // then
        assertThat(answers).as("acknowledgements of the repeats").allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            assertThat(answer.body().path("requestId").asString()).isEqualTo(requestId);
            assertThat(answer.header("Location")).contains("/api/booking-requests/" + requestId);
        });
        assertThat(outcome.path("status").asString()).as(outcome.toString()).isEqualTo("CONFIRMED");
        String bookingId = outcome.path("booking").path("id").asString();
        assertThat(bookingsIn(alice, showId)).containsExactly(bookingId + ":ACTIVE");
    }

    @Test
    void shouldAnswerOriginalBookingWhenAcceptedRequestIsRepeatedSynchronously() {
        // given
        String showId = api.newShow(admin, 20, 4).path("id").asString();
        User alice = api.newUser("alice");
        String key = "launch-" + Ids.random();
        String requestId = expect(book(api, alice, showId, List.of(2), asyncWithKey(key)), 202).body()
                .path("requestId").asString();
        JsonNode booking = awaitDecision(api, alice, requestId).path("booking");

        // when
        Answer repeat = book(api, alice, showId, List.of(2), withKey(key));

        // then
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(booking);
        assertThat(bookingsIn(alice, showId)).containsExactly(booking.path("id").asString() + ":ACTIVE");
    }

    @Test
    void shouldBookSeparatelyWhenAnotherUserSendsTheSameKey() {
        // given
        String showId = api.newShow(admin, 20, 4).path("id").asString();
        User alice = api.newUser("alice");
        User bob = api.newUser("bob");
        String key = "launch-" + Ids.random();
        Answer alices = expect(book(api, alice, showId, List.of(3), withKey(key)), 201);

        // when
        Answer bobs = book(api, bob, showId, List.of(4), withKey(key));
        Answer alicesRepeat = book(api, alice, showId, List.of(3), withKey(key));

        // then
        assertThat(bobs.status()).as(bobs.toString()).isEqualTo(201);
        String bobsBooking = bobs.body().path("id").asString();
        assertThat(bobsBooking).isNotEqualTo(alices.body().path("id").asString());
        assertThat(bobs.body().path("userId").asString()).isEqualTo(bob.id());
        assertThat(bobs.body().path("seats").toString()).isEqualTo("[4]");
        assertThat(alicesRepeat.body()).isEqualTo(alices.body());
        assertThat(bookingsIn(bob, showId)).containsExactly(bobsBooking + ":ACTIVE");
        assertThat(bookingsIn(alice, showId)).containsExactly(alices.body().path("id").asString() + ":ACTIVE");
        assertThat(api.get("/api/shows/" + showId + "/seats", null).body().path("taken").toString())
                .isEqualTo("[3,4]");
    }

    /** {@code id:status} of the user's bookings of one show, as the user's own list shows them. */
    private static List<String> bookingsIn(User user, String showId) {
        return api.bookingsOf(user).stream().filter(b -> showId.equals(b.path("showId").asString("")))
                .map(b -> b.path("id").asString() + ":" + b.path("status").asString()).toList();
    }
}
