package io.boxoffice.gateway.seatstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.gateway.seatstream.SeatChange.State;
import io.boxoffice.gateway.seatstream.SeatEvents.Effect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ShowChannelTest {
    private static final SeatMap EMPTY = new SeatMap("s", 100, 100, List.of(), List.of());

    @Test
    void shouldReplayDecisionsThatArrivedWhileTheSnapshotWasOnItsWay() {
        // given a decision read before the snapshot came (and already in it), and one after
        ShowChannel channel = new ShowChannel("s", 8);
        channel.apply(new Effect(State.TAKEN, List.of(1), 99, false));
        channel.apply(new Effect(State.HELD, List.of(2), 98, false));
        // when the snapshot has only the first
        channel.hydrate(new SeatMap("s", 100, 99, List.of(1), List.of()));
        // then the stream starts from both
        StepVerifier.create(text(channel.subscribe()))
                .assertNext(frame -> assertThat(frame).startsWith("event: snapshot\n")
                        .contains("\"availableSeats\":98", "\"taken\":[1]", "\"held\":[2]"))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void shouldSendTheChangesOfAFlushAsOneFrameToEveryStream() {
        // given
        ShowChannel channel = new ShowChannel("s", 8);
        channel.hydrate(EMPTY);
        Flux<String> first = text(channel.subscribe());
        Flux<String> second = text(channel.subscribe());
        // when
        channel.apply(new Effect(State.HELD, List.of(5, 6), 98, false));
        channel.apply(new Effect(State.TAKEN, List.of(5), 98, false));
        channel.flush();
        // then
        for (Flux<String> stream : List.of(first, second)) {
            StepVerifier.create(stream)
                    .assertNext(frame -> assertThat(frame).startsWith("event: snapshot\n"))
                    .assertNext(frame -> assertThat(frame).isEqualTo(
                            "event: change\ndata: {\"showId\":\"s\",\"seats\":[5],\"state\":\"TAKEN\",\"availableSeats\":98}\n\n"
                                    + "event: change\ndata: {\"showId\":\"s\",\"seats\":[6],\"state\":\"HELD\",\"availableSeats\":98}\n\n"))
                    .thenCancel()
                    .verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldGiveASlowReaderOneFreshSnapshotInPlaceOfWhatItMissed() {
        // given a stream that reads nothing while 20 flushes go out, its buffer holding 4
        ShowChannel channel = new ShowChannel("s", 4);
        channel.hydrate(EMPTY);
        Flux<String> slow = text(channel.subscribe());
        for (int seat = 1; seat <= 20; seat++) {
            channel.apply(new Effect(State.TAKEN, List.of(seat), 100 - seat, false));
            channel.flush();
        }
        // when it reads again, and then one more decision comes
        StepVerifier.create(slow, 0)
                .thenRequest(1)
                // then it gets the state now in one snapshot, nothing older, and the changes after it
                .assertNext(frame -> assertThat(frame).startsWith("event: snapshot\n")
                        .contains("\"availableSeats\":80"))
                .then(() -> {
                    channel.apply(new Effect(State.FREE, List.of(3), 81, false));
                    channel.flush();
                })
                .thenRequest(10)
                .assertNext(frame -> assertThat(frame).startsWith("event: change\n").contains("\"seats\":[3]"))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void shouldStartOverFromTheWritersSnapshotWhenRehydrated() {
        // given
        ShowChannel channel = new ShowChannel("s", 8);
        channel.hydrate(EMPTY);
        Flux<String> stream = text(channel.subscribe());
        // when the gateway's state is in doubt, a decision arrives, then the writer's new snapshot
        channel.startRehydration();
        channel.apply(new Effect(State.HELD, List.of(9), 90, false));
        channel.flush();
        channel.rehydrate(new SeatMap("s", 100, 91, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), List.of()));
        // then nothing is sent meanwhile, and the new snapshot has the decision on top
        StepVerifier.create(stream)
                .assertNext(frame -> assertThat(frame).startsWith("event: snapshot\n").contains("\"taken\":[]"))
                .assertNext(frame -> assertThat(frame).startsWith("event: snapshot\n")
                        .contains("\"taken\":[1,2,3,4,5,6,7,8]", "\"held\":[9]", "\"availableSeats\":90"))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    private static Flux<String> text(Flux<byte[]> frames) {
        return frames.map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
