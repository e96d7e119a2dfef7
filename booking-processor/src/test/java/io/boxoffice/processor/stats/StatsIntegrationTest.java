package io.boxoffice.processor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.processor.ProcessorOnBroker;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The statistics app inside the running processor, on a real in-JVM broker: decisions flow through
 * {@code booking-events} into {@code booking-stats}, whose figures the internal API serves, and the
 * processor reports healthy only once both Streams applications run.
 */
class StatsIntegrationTest extends ProcessorOnBroker {

    StatsIntegrationTest() {
        super("stats-test", 1);
    }

    @Test
    void shouldServeTheShowsFiguresWhenItsEventsHaveBeenRead() {
        // given
        String showId = Ids.random();
        assertThat(send("admin", true, new CreateShow(showId, Ids.random(), "1", Instant.now(), 20, 2, null, null)).outcome())
                .isEqualTo(Outcome.CREATED);
        // when
        assertThat(send("alice", false, new BookSeats(showId, List.of(1, 2))).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(send("bob", false, new BookSeats(showId, List.of(2))).outcome()).isEqualTo(Outcome.REFUSED);
        // then
        await("the statistics caught up", () -> {
            var answer = web.get().uri("/internal/shows/{id}/stats", showId).exchange()
                    .returnResult(ShowStats.class);
            ShowStats stats = answer.getStatus().value() == 200 ? answer.getResponseBody().blockFirst() : null;
            return stats != null && stats.seatsSold() == 2 && stats.seatsAvailable() == 18
                    && stats.bookingsConfirmed() == 1 && stats.rejections().equals(Map.of("seat_taken", 1L))
                    && stats.perMinute().stream().mapToLong(ShowStats.Minute::rejected).sum() == 1;
        });
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.statsStreams.status").isEqualTo("UP");
    }

    @Test
    void shouldAnswerShowNotFoundWhenNoEventOfTheShowIsKnown() {
        // when / then
        web.get().uri("/internal/shows/{id}/stats", Ids.random()).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("show_not_found");
    }
}
