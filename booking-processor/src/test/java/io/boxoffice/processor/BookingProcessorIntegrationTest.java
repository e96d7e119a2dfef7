package io.boxoffice.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CreateMovie;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.SeatMap;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The processor against a real in-JVM KRaft broker: commands through Kafka, replies on the waiting
 * instance's partition, and the interactive-query API reading its own writes, also under concurrency.
 */
class BookingProcessorIntegrationTest extends ProcessorOnBroker {

    BookingProcessorIntegrationTest() {
        super("test", 2);
    }

    private String scheduleShow(int seats) {
        String movieId = Ids.random();
        assertThat(send("admin", true, new CreateMovie(movieId, "Arrival", 116)).status()).isEqualTo(201);
        String showId = Ids.random();
        assertThat(send("admin", true, new CreateShow(showId, movieId, "1", Instant.now(), seats, 2)).status())
                .isEqualTo(201);
        return showId;
    }

    @Test
    void shouldReadOwnWritesWhenBookingIsConfirmed() {
        String showId = scheduleShow(20);

        CommandReply reply = send("alice", false, new BookSeats(showId, List.of(4, 5)));

        assertThat(reply.status()).isEqualTo(201);
        SeatMap seats = web.get().uri("/internal/shows/{id}/seats", showId).exchange()
                .expectStatus().isOk().expectBody(SeatMap.class).returnResult().getResponseBody();
        assertThat(seats.taken()).containsExactly(4, 5);
        assertThat(seats.availableSeats()).isEqualTo(18);
        web.get().uri("/internal/bookings/{id}", reply.booking().id()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        web.get().uri("/internal/users/alice/bookings").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(reply.booking().id());
        web.get().uri("/internal/requests/{id}", reply.requestId()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.booking.id").isEqualTo(reply.booking().id());
        web.get().uri("/internal/requests/{id}", Ids.requestFor(showId, "alice")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("request_not_found");
    }

    @Test
    void shouldBookOnceAndAnswerEveryRepeatAlikeWhenOneRequestIdRacesItself() {
        String showId = scheduleShow(20);
        String requestId = Ids.idempotentRequest(showId, "carol", "launch-click-1");
        BookingCommand command = new BookingCommand(requestId, "carol", false, replyPartition, Instant.now(),
                new BookSeats(showId, List.of(9)));

        List<CommandReply> replies = Flux.range(0, 10)
                .flatMap(i -> client.request(showId, requestId, command), 10)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(replies).hasSize(10).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.booking()).isEqualTo(replies.get(0).booking());
        });
        web.get().uri("/internal/users/carol/bookings").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void shouldAnswerProblemWhenShowIsUnknown() {
        web.get().uri("/internal/shows/nosuchshow").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("show_not_found");
    }

    @Test
    void shouldSellEachSeatOnceWhenManyClientsRaceForOneShow() {
        String showId = scheduleShow(50);

        List<CommandReply> replies = Flux.range(0, 200)
                .flatMap(i -> {
                    String requestId = Ids.requestFor(showId, "user" + i);
                    int seat = 1 + (i * 7) % 50;
                    return client.request(showId, requestId, new BookingCommand(requestId, "user" + i, false,
                            replyPartition, Instant.now(), new BookSeats(showId, List.of(seat))));
                }, 64)
                .collectList().block(Duration.ofSeconds(120));

        List<Booking> confirmed = replies.stream().filter(CommandReply::ok).map(CommandReply::booking).toList();
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(201, 409));
        Set<Integer> sold = new HashSet<>();
        confirmed.forEach(booking -> assertThat(sold.addAll(booking.seats())).as("seat sold twice").isTrue());
        assertThat(sold).hasSize(50);
        SeatMap seats = web.get().uri("/internal/shows/{id}/seats", showId).exchange()
                .expectStatus().isOk().expectBody(SeatMap.class).returnResult().getResponseBody();
        assertThat(new HashSet<>(seats.taken())).isEqualTo(sold);
        assertThat(seats.availableSeats()).isZero();
    }
}
