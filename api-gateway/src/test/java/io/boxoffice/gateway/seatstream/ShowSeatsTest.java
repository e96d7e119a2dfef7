package io.boxoffice.gateway.seatstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.gateway.seatstream.SeatChange.State;
import io.boxoffice.gateway.seatstream.SeatEvents.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShowSeatsTest {

    @Test
    void shouldSendOneChangePerStateWithTheFinalStateWhenABurstTouchesSeats() {
        // given
        ShowSeats seats = ShowSeats.of(new SeatMap("s", 10, 9, List.of(1), List.of()));
        // when seat 2 is held then taken, 3 held then freed, 4 held, within one drain
        seats.apply(new Effect(State.HELD, List.of(2, 3), 7, false));
        seats.apply(new Effect(State.TAKEN, List.of(2), 7, false));
        seats.apply(new Effect(State.FREE, List.of(3), 8, false));
        seats.apply(new Effect(State.HELD, List.of(4), 7, false));
        ShowSeats.Drained drained = seats.drain();
        // then
        assertThat(drained.resync()).isFalse();
        assertThat(drained.changes()).containsExactly(new SeatChange("s", List.of(2), State.TAKEN, 7),
                new SeatChange("s", List.of(4), State.HELD, 7), new SeatChange("s", List.of(3), State.FREE, 7));
        assertThat(seats.drain().isEmpty()).as("a drain forgets").isTrue();
        assertThat(seats.snapshot()).isEqualTo(new SeatMap("s", 10, 7, List.of(1, 2), List.of(4)));
    }

    @Test
    void shouldAskForASnapshotWhenAnEventNamesASeatOutsideTheShow() {
        // given
        ShowSeats seats = ShowSeats.of(new SeatMap("s", 10, 10, List.of(), List.of()));
        // when
        seats.apply(new Effect(State.TAKEN, List.of(11), 9, false));
        // then
        assertThat(seats.drain()).isEqualTo(new ShowSeats.Drained(List.of(), true));
        assertThat(seats.drain().isEmpty()).isTrue();
    }

    @Test
    void shouldConvergeOnTheWritersStateWhenEventsBeforeTheSnapshotAreReplayedOnIt() {
        // given a random log of decisions on 30 seats, and the state after each
        Random random = new Random(7);
        List<Effect> log = new ArrayList<>();
        List<SeatMap> states = new ArrayList<>();
        ShowSeats writer = ShowSeats.of(new SeatMap("s", 30, 30, List.of(), List.of()));
        for (int i = 0; i < 400; i++) {
            State state = State.values()[random.nextInt(3)];
            List<Integer> touched = List.of(1 + random.nextInt(30), 1 + random.nextInt(30)).stream().distinct()
                    .sorted().toList();
            writer.apply(new Effect(state, touched, 0, false));
            SeatMap now = writer.snapshot();
            Effect effect = new Effect(state, touched, 30 - now.taken().size() - now.held().size(), false);
            log.add(effect);
            states.add(new SeatMap("s", 30, effect.availableSeats(), now.taken(), now.held()));
        }
        for (int start = 0; start < log.size(); start += 37) {
            for (int snapshotAt = start; snapshotAt < Math.min(log.size(), start + 5); snapshotAt++) {
                // when a stream registered before decision `start`, and the snapshot already had `snapshotAt`
                ShowSeats stream = ShowSeats.of(states.get(snapshotAt));
                log.subList(start, log.size()).forEach(stream::apply);
                // then replaying from the registration ends where the writer ended
                assertThat(stream.snapshot()).isEqualTo(states.get(states.size() - 1));
            }
        }
    }
}
