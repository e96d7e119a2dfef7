package io.boxoffice.processor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Json;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What the booking topology writes to {@code booking-events}, read as raw JSON as the statistics and every
 * outside consumer read it: each type carries exactly the fields docs/events.md and its schema list.
 */
class FeedContentTest {
    private static final String SHOW = "show1";
    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    private static final Set<String> COMMON = Set.of("eventId", "type", "schemaVersion", "occurredAt", "showId",
            "requestId", "movieId", "totalSeats", "availableSeats");

    @TempDir
    Path state;

    @Test
    void shouldCarryEachTypesFieldsWhenAShowLivesItsWholeLife() {
        try (FeedRecorder booking = new FeedRecorder(state)) {
            // given
            booking.send("admin", true, new CreateShow(SHOW, "movie1", "Screen 1", T0.plusSeconds(86_400), 10, 4, null, null),
                    T0);
            Booking alices = booking.send("alice", false, new BookSeats(SHOW, List.of(3, 1)), T0.plusSeconds(1))
                    .booking();
            booking.send("bob", false, new BookSeats(SHOW, List.of(5, 3)), T0.plusSeconds(2));
            Booking bobs = booking.send("bob", false, new BookSeats(SHOW, List.of(5)), T0.plusSeconds(3)).booking();
            booking.send("alice", false, new CancelBooking(alices.id()), T0.plusSeconds(4));
            // when
            booking.send("admin", true, new CancelShow(SHOW), T0.plusSeconds(5));
            List<JsonNode> events = booking.feed().stream().map(FeedContentTest::json).toList();
            // then
            assertThat(booking.feed()).allSatisfy(record -> assertThat(record.key()).isEqualTo(SHOW));
            assertThat(events).extracting(e -> e.path("type").asString()).containsExactly("SHOW_SCHEDULED",
                    "BOOKING_CONFIRMED", "BOOKING_REJECTED", "BOOKING_CONFIRMED", "BOOKING_CANCELLED",
                    "BOOKING_CANCELLED", "SHOW_CANCELLED");
            assertFields(events.get(0), "screen", "startsAt", "maxSeatsPerUser", "holdSeconds", "seatsPerRow");
            assertFields(events.get(1), "bookingId", "userId", "seats");
            assertThat(events.get(1).path("seats").values()).extracting(JsonNode::asInt).containsExactly(1, 3);
            assertThat(events.get(1).path("availableSeats").asInt()).isEqualTo(8);
            assertFields(events.get(2), "userId", "seats", "reason");
            assertThat(events.get(2).path("reason").asString()).isEqualTo(ProblemCodes.SEAT_TAKEN);
            assertFields(events.get(4), "bookingId", "userId", "seats", "reason");
            assertThat(events.get(4).path("reason").asString()).isEqualTo("USER");
            assertThat(events.get(4).path("availableSeats").asInt()).isEqualTo(9);
            assertThat(events.get(5).path("bookingId").asString()).isEqualTo(bobs.id());
            assertThat(events.get(5).path("reason").asString()).isEqualTo("SHOW_CANCELLED");
            assertFields(events.get(6), "bookingsCancelled");
            assertThat(events.get(6).path("bookingsCancelled").asInt()).isEqualTo(1);
            assertThat(events).extracting(e -> e.path("schemaVersion").asInt()).containsOnly(1);
            assertThat(events.get(4).path("occurredAt").asString()).isEqualTo("2026-12-01T18:00:04Z");
        }
    }

    private static void assertFields(JsonNode event, String... specific) {
        Set<String> expected = new java.util.TreeSet<>(COMMON);
        expected.addAll(List.of(specific));
        assertThat(new java.util.TreeSet<>(event.propertyNames())).isEqualTo(expected);
    }

    private static JsonNode json(TestRecord<String, String> record) {
        return Json.MAPPER.readTree(record.value());
    }
}
