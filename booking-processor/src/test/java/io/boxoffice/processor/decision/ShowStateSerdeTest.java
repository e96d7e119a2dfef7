package io.boxoffice.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.ShowStatus;
import io.boxoffice.common.kafka.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The {@code shows} store's binary values, and the JSON values written before them. */
class ShowStateSerdeTest {
    private static final String TOPIC = "shows-changelog";
    private final ShowStateSerde serde = new ShowStateSerde();

    private static ShowState bookedShow(int totalSeats) {
        ShowState scheduled = ShowState.scheduled(new CreateShow("show-é1", "movie1", "Salle 1",
                Instant.parse("2026-12-01T20:00:00.123456789Z"), totalSeats, 4));
        return scheduled.book(List.of(1, 9, totalSeats)).book(List.of(2)).release(List.of(9));
    }

    private ShowState roundTrip(ShowState show) {
        return serde.deserialize(TOPIC, serde.serialize(TOPIC, show));
    }

    @Test
    void shouldKeepEveryFieldWhenRoundTrippedInBinary() {
        // given
        ShowState show = bookedShow(10_000);

        // when
        byte[] value = serde.serialize(TOPIC, show);
        ShowState read = serde.deserialize(TOPIC, value);

        // then
        assertThat(value[0]).isEqualTo(ShowStateSerde.VERSION_1);
        assertThat(read).usingRecursiveComparison().isEqualTo(show);
        assertThat(read.taken()).isEqualTo(show.taken()).hasSize(1250);
        assertThat(read.toSeatMap().taken()).containsExactly(1, 2, 10_000);
        assertThat(read.bookingSequence()).isEqualTo(2);
        assertThat(value.length).as("the bitmap as raw bytes plus the fields")
                .isLessThan(1250 + 80).isLessThan(JsonSerde.of(ShowState.class).serialize(TOPIC, show).length);
    }

    @Test
    void shouldKeepNullsAndTheCancelledStatusWhenOptionalFieldsAreAbsent() {
        // given
        ShowState show = new ShowState("show1", null, null, null, 8, 2, ShowStatus.CANCELLED, 0, 7, new byte[1]);

        // when
        ShowState read = roundTrip(show);

        // then
        assertThat(read).usingRecursiveComparison().isEqualTo(show);
        assertThat(roundTrip(new ShowState("show1", "m", "s", Instant.EPOCH, 8, 2, null, 0, 0, null)))
                .usingRecursiveComparison()
                .isEqualTo(new ShowState("show1", "m", "s", Instant.EPOCH, 8, 2, null, 0, 0, null));
        assertThat(serde.serialize(TOPIC, null)).isNull();
        assertThat(serde.deserialize(TOPIC, null)).isNull();
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
        assertThat(read).usingRecursiveComparison().isEqualTo(new ShowState("q8ewr4f24fy44k68",
                "mih71iqw8542eixn", "1", Instant.parse("2026-11-24T15:19:52.905380254Z"), 100, 2, ShowStatus.OPEN,
                2, 2, read.taken()));
        assertThat(read.toSeatMap().taken()).containsExactly(1, 2);
        assertThat(serde.serialize(TOPIC, read)[0]).as("rewritten in binary").isEqualTo(ShowStateSerde.VERSION_1);
    }

    @Test
    void shouldReadWhatTheJsonSerdeWroteWhenFieldsAreNullOrSet() {
        // given
        JsonSerde<ShowState> json = JsonSerde.of(ShowState.class);
        ShowState booked = bookedShow(100);
        ShowState bare = new ShowState("show1", "m", null, null, 8, 2, ShowStatus.OPEN, 0, 0, new byte[1]);

        // when / then
        assertThat(serde.deserialize(TOPIC, json.serialize(TOPIC, booked))).usingRecursiveComparison().isEqualTo(booked);
        assertThat(serde.deserialize(TOPIC, json.serialize(TOPIC, bare))).usingRecursiveComparison().isEqualTo(bare);
    }

    @Test
    void shouldFailAsSerializationErrorWhenValueIsTruncatedOrOfUnknownVersion() {
        // given
        byte[] value = serde.serialize(TOPIC, bookedShow(100));
        byte[] unknownVersion = value.clone();
        unknownVersion[0] = 2;

        // when / then
        assertThatThrownBy(() -> serde.deserialize(TOPIC, Arrays.copyOf(value, value.length - 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, Arrays.copyOf(value, value.length + 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, unknownVersion)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, new byte[0])).isInstanceOf(SerializationException.class);
    }
}
