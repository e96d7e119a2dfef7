package io.boxoffice.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.ShowRules;
import io.boxoffice.common.booking.ShowStatus;
import io.boxoffice.common.kafka.JsonSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The {@code shows} store's binary values, and the layouts written before the current one. */
class ShowStateSerdeTest {
    private static final String TOPIC = "shows-changelog";
    private final ShowStateSerde serde = new ShowStateSerde();

    private static ShowState bookedAndHeldShow(int totalSeats) {
        ShowState scheduled = ShowState.scheduled(new CreateShow("show-é1", "movie1", "Salle 1",
                Instant.parse("2026-12-01T20:00:00.123456789Z"), totalSeats, 4, 120, 25));
        return scheduled.book(List.of(1, 9, totalSeats)).book(List.of(2)).release(List.of(9)).hold(List.of(30, 31))
                .hold(List.of(40)).unhold(List.of(40));
    }

    private ShowState roundTrip(ShowState show) {
        return serde.deserialize(TOPIC, serde.serialize(TOPIC, show));
    }

    @Test
    void shouldKeepEveryFieldWhenRoundTrippedInBinary() {
        // given
        ShowState show = bookedAndHeldShow(10_000);
        // when
        byte[] value = serde.serialize(TOPIC, show);
        ShowState read = serde.deserialize(TOPIC, value);
        // then
        assertThat(value[0]).isEqualTo(ShowStateSerde.VERSION_2);
        assertThat(read).usingRecursiveComparison().isEqualTo(show);
        assertThat(read.toSeatMap().taken()).containsExactly(1, 2, 10_000);
        assertThat(read.toSeatMap().held()).containsExactly(30, 31);
        assertThat(read.bookingSequence()).isEqualTo(2);
        assertThat(read.holdSequence()).isEqualTo(2);
        assertThat(read.holdSeconds()).isEqualTo(120);
        assertThat(read.seatsPerRow()).isEqualTo(25);
        assertThat(read.seats().longestFreeRun(2)).as("row 2 is seats 26..50, 30 and 31 held").isEqualTo(19);
        assertThat(value.length).as("two bitmaps, the row index and the fields")
                .isLessThan(2 * 1250 + 2 * 400 + 120);
    }

    @Test
    void shouldKeepNullsAndTheCancelledStatusWhenOptionalFieldsAreAbsent() {
        // given
        ShowState show = new ShowState("show1", null, null, null, 2, 600, ShowStatus.CANCELLED, 7, 3,
                SeatPlan.empty(8, 3));
        // when
        ShowState read = roundTrip(show);
        // then
        assertThat(read).usingRecursiveComparison().isEqualTo(show);
        assertThat(serde.serialize(TOPIC, null)).isNull();
        assertThat(serde.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldReadTheFirstBinaryLayoutWithTheDefaultsOfHolds() {
        // given: a value as the serde wrote it before holds (version 1: booked seats only)
        byte[] id = "show1".getBytes(StandardCharsets.UTF_8);
        byte[] status = "OPEN".getBytes(StandardCharsets.UTF_8);
        ByteBuffer v1 = ByteBuffer.allocate(1 + 4 + id.length + 4 + 4 + 1 + 8 + 4 + 4 + 4 + 4 + status.length + 4 + 8
                + 4 + 7);
        v1.put(ShowStateSerde.VERSION_1).putInt(id.length).put(id).putInt(-1).putInt(-1).put((byte) 0).putLong(0)
                .putInt(0).putInt(50).putInt(4).putInt(status.length).put(status).putInt(2).putLong(2)
                .putInt(7).put(new byte[] {0b11, 0, 0, 0, 0, 0, 0});
        // when
        ShowState read = serde.deserialize(TOPIC, v1.array());
        // then
        assertThat(read.toSeatMap().taken()).containsExactly(1, 2);
        assertThat(read.toSeatMap().held()).isEmpty();
        assertThat(read.availableSeats()).isEqualTo(48);
        assertThat(read.holdSeconds()).isEqualTo(ShowRules.DEFAULT_HOLD_SECONDS);
        assertThat(read.seatsPerRow()).isEqualTo(ShowRules.DEFAULT_SEATS_PER_ROW);
        assertThat(read.seats().longestFreeRun(1)).as("seats 3..20").isEqualTo(18);
        assertThat(read.seats().longestFreeRun(3)).as("seats 41..50").isEqualTo(10);
        assertThat(serde.serialize(TOPIC, read)[0]).as("rewritten in the current layout")
                .isEqualTo(ShowStateSerde.VERSION_2);
    }

    @Test
    void shouldReadTheJsonValueWhenItWasStoredBeforeTheBinaryFormat() {
        // given: a value as the JSON serde wrote it into the store and its changelog
        String stored = "{\"id\":\"q8ewr4f24fy44k68\",\"movieId\":\"mih71iqw8542eixn\",\"screen\":\"1\","
                + "\"startsAt\":\"2026-11-24T15:19:52.905380254Z\",\"totalSeats\":100,\"maxSeatsPerUser\":2,"
                + "\"status\":\"OPEN\",\"takenCount\":2,\"bookingSequence\":2,\"taken\":\"AwAAAAAAAAAAAAAAAA==\"}";
        // when
        ShowState read = serde.deserialize(TOPIC, stored.getBytes(StandardCharsets.UTF_8));
        // then
        assertThat(read.id()).isEqualTo("q8ewr4f24fy44k68");
        assertThat(read.startsAt()).isEqualTo(Instant.parse("2026-11-24T15:19:52.905380254Z"));
        assertThat(read.maxSeatsPerUser()).isEqualTo(2);
        assertThat(read.bookingSequence()).isEqualTo(2);
        assertThat(read.toSeatMap().taken()).containsExactly(1, 2);
        assertThat(read.availableSeats()).isEqualTo(98);
        assertThat(serde.serialize(TOPIC, read)[0]).as("rewritten in binary").isEqualTo(ShowStateSerde.VERSION_2);
    }

    @Test
    void shouldReadWhatTheJsonSerdeWroteWhenFieldsAreNullOrSet() {
        // given
        JsonSerde<ShowStateSerde.Legacy> json = JsonSerde.of(ShowStateSerde.Legacy.class);
        ShowStateSerde.Legacy booked = new ShowStateSerde.Legacy("show1", "m", "s", Instant.EPOCH, 10, 2,
                ShowStatus.OPEN, 1, 1, new byte[] {0b100, 0});
        ShowStateSerde.Legacy bare = new ShowStateSerde.Legacy("show1", "m", null, null, 8, 2, ShowStatus.OPEN, 0, 0,
                new byte[1]);
        // when / then
        assertThat(serde.deserialize(TOPIC, json.serialize(TOPIC, booked)).toSeatMap().taken()).containsExactly(3);
        assertThat(serde.deserialize(TOPIC, json.serialize(TOPIC, bare)).screen()).isNull();
    }

    @Test
    void shouldFailAsSerializationErrorWhenValueIsTruncatedOrOfUnknownVersion() {
        // given
        byte[] value = serde.serialize(TOPIC, bookedAndHeldShow(100));
        byte[] unknownVersion = value.clone();
        unknownVersion[0] = 3;
        // when / then
        assertThatThrownBy(() -> serde.deserialize(TOPIC, Arrays.copyOf(value, value.length - 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, Arrays.copyOf(value, value.length + 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, unknownVersion)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, new byte[0])).isInstanceOf(SerializationException.class);
    }
}
