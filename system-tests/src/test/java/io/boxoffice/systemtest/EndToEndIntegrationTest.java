package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** One client's journey through the public API, each step checked against the contract. */
@Order(1)
@ExtendWith(SystemExtension.class)
class EndToEndIntegrationTest {
    private static Api api;
    private static String admin;

    @BeforeAll
    static void connect(BoxofficeSystem system) {
        api = new Api(system);
        admin = api.adminToken(system);
    }

    @Test
    void shouldKnowTheUserWhenRegisteredUserLogsIn() {
        // given
        String username = "alice." + System.nanoTime();
        Answer registered = expect(api.register(username, "correct-horse"), 201);

        // when
        Answer token = expect(api.token(username, "correct-horse"), 200);
        Answer me = expect(api.get("/api/users/me", token.body().path("accessToken").asString()), 200);

        // then
        assertThat(registered.body().path("username").asString()).isEqualTo(username);
        assertThat(token.body().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(token.body().path("expiresIn").asLong()).isPositive();
        assertThat(me.body().path("id").asString()).isEqualTo(registered.body().path("id").asString());
        assertThat(me.body().path("roles").toString()).contains("USER");
        assertThat(api.token(username, "wrong-password").code()).isEqualTo(ProblemCodes.BAD_CREDENTIALS);
    }

    @Test
    void shouldListMovieAndShowWhenAdminCreatesThem() {
        // given / when
        JsonNode show = api.newShow(admin, 10, 4);
        String movieId = show.path("movieId").asString();

        // then
        assertThat(show.path("status").asString()).isEqualTo("OPEN");
        assertThat(show.path("availableSeats").asInt()).isEqualTo(10);
        assertThat(expect(api.get("/api/movies", null), 200).body().path("items").toString()).contains(movieId);
        assertThat(expect(api.get("/api/movies/" + movieId + "/shows", null), 200).body().path("items")
                .toString()).contains(show.path("id").asString());
        assertThat(expect(api.get("/api/shows/" + show.path("id").asString(), null), 200).body()
                .path("totalSeats").asInt()).isEqualTo(10);
    }

    @Test
    void shouldAnswerSeatTakenWhenSeatIsAlreadyBooked() {
        // given
        String showId = api.newShow(admin, 10, 4).path("id").asString();
        User alice = api.newUser("alice");
        User bob = api.newUser("bob");

        // when
        Answer booked = book(alice, showId, 3, 4);
        Answer clash = book(bob, showId, 4, 5);

        // then
        expect(booked, 201);
        String bookingId = booked.body().path("id").asString();
        assertThat(booked.header("Location")).contains("/api/bookings/" + bookingId);
        assertThat(booked.body().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(booked.body().path("userId").asString()).isEqualTo(alice.id());
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(clash.code()).isEqualTo(ProblemCodes.SEAT_TAKEN);
        assertThat(clash.body().path("seats").toString()).isEqualTo("[4]");
        assertThat(seats(showId).path("taken").toString()).isEqualTo("[3,4]");
        Answer foreign = api.get("/api/bookings/" + bookingId, bob.token());
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo(ProblemCodes.BOOKING_NOT_FOUND);
        assertThat(api.post("/api/bookings/" + bookingId + "/cancel", bob.token(), null).code())
                .isEqualTo(ProblemCodes.BOOKING_NOT_FOUND);
    }

    @Test
    void shouldFreeSeatsAtOnceWhenBookingIsCancelled() {
        // given
        String showId = api.newShow(admin, 10, 4).path("id").asString();
        User alice = api.newUser("alice");
        String bookingId = expect(book(alice, showId, 1, 2), 201).body().path("id").asString();

        // when
        Answer cancelled = api.post("/api/bookings/" + bookingId + "/cancel", alice.token(), null);

        // then
        expect(cancelled, 200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        JsonNode seatMap = seats(showId);
        assertThat(seatMap.path("taken").toString()).isEqualTo("[]");
        assertThat(seatMap.path("availableSeats").asInt()).isEqualTo(10);
        assertThat(api.post("/api/bookings/" + bookingId + "/cancel", alice.token(), null).code())
                .isEqualTo(ProblemCodes.ALREADY_CANCELLED);
        String rebooked = expect(book(alice, showId, 1, 2), 201).body().path("id").asString();
        List<JsonNode> mine = api.bookingsOf(alice);
        assertThat(mine).extracting(b -> b.path("id").asString() + ":" + b.path("status").asString())
                .containsExactly(rebooked + ":ACTIVE", bookingId + ":CANCELLED");
    }

    @Test
    void shouldCancelEveryBookingWhenShowIsCancelled() {
        // given
        String showId = api.newShow(admin, 10, 4).path("id").asString();
        User alice = api.newUser("alice");
        String bookingId = expect(book(alice, showId, 7), 201).body().path("id").asString();

        // when
        Answer cancelled = api.post("/api/shows/" + showId + "/cancel", admin, null);

        // then
        expect(cancelled, 200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(expect(api.get("/api/bookings/" + bookingId, alice.token()), 200).body().path("status")
                .asString()).isEqualTo("CANCELLED");
        assertThat(book(alice, showId, 8).code()).isEqualTo(ProblemCodes.SHOW_CANCELLED);
        assertThat(api.post("/api/shows/" + showId + "/cancel", admin, null).code())
                .isEqualTo(ProblemCodes.SHOW_CANCELLED);
    }

    private static Answer book(User user, String showId, Integer... seats) {
        return api.post("/api/shows/" + showId + "/bookings", user.token(), Map.of("seats", List.of(seats)));
    }

    private static JsonNode seats(String showId) {
        return expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
    }
}
