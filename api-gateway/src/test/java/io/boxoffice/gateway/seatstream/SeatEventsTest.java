package io.boxoffice.gateway.seatstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.BookingEvent.EventType;
import io.boxoffice.gateway.seatstream.SeatChange.State;
import io.boxoffice.gateway.seatstream.SeatEvents.Effect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SeatEventsTest {

    @ParameterizedTest
    @CsvSource({"BOOKING_CONFIRMED, TAKEN", "HOLD_PLACED, HELD", "BOOKING_CANCELLED, FREE", "HOLD_RELEASED, FREE",
            "HOLD_EXPIRED, FREE"})
    void shouldPutTheEventsSeatsInTheirNewStateWhenADecisionMovesSeats(EventType type, State state) {
        // when
        Optional<Effect> effect = SeatEvents.of(event(type, BookingEvent.SCHEMA_VERSION, List.of(4, 5)));
        // then
        assertThat(effect).contains(new Effect(state, List.of(4, 5), 95, false));
    }

    @ParameterizedTest
    @CsvSource({"SHOW_SCHEDULED", "BOOKING_REJECTED", "HOLD_CONFIRMED"})
    void shouldChangeNothingWhenTheDecisionMovesNoSeatOrAnotherEventTellsIt(EventType type) {
        assertThat(SeatEvents.of(event(type, BookingEvent.SCHEMA_VERSION, List.of(4)))).isEmpty();
    }

    @Test
    void shouldAskForASnapshotWhenTheShowIsCancelledOrTheEventCannotBeRead() {
        assertThat(SeatEvents.of(event(EventType.SHOW_CANCELLED, BookingEvent.SCHEMA_VERSION, null)))
                .containsSame(Effect.RESYNC);
        assertThat(SeatEvents.of(event(EventType.BOOKING_CONFIRMED, BookingEvent.SCHEMA_VERSION + 1, List.of(4))))
                .as("a schema this gateway does not know is not guessed at").containsSame(Effect.UNREADABLE);
        assertThat(SeatEvents.of(event(null, BookingEvent.SCHEMA_VERSION, List.of(4)))).containsSame(Effect.UNREADABLE);
        assertThat(SeatEvents.of(event(EventType.HOLD_PLACED, BookingEvent.SCHEMA_VERSION, List.of())))
                .containsSame(Effect.UNREADABLE);
    }

    static BookingEvent event(EventType type, int schemaVersion, List<Integer> seats) {
        return new BookingEvent("e1", type, schemaVersion, Instant.EPOCH, "show1", "r1", null, null, null, null, null,
                95, null, null, seats, null, null, null, null, null, null);
    }
}
