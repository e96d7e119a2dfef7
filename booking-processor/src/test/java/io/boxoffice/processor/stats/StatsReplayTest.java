package io.boxoffice.processor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.processor.decision.ShowState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding the statistics from the beginning of the feed: a recorded launch (three shows, ninety minutes,
 * bookings, rejections, cancellations, one cancelled show) read again by a fresh statistics app gives exactly the
 * figures of the first run, and both agree with the decider's own seat counts.
 */
class StatsReplayTest {
    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    private static final List<String> SHOWS = List.of("showa", "showb", "showc");

    @TempDir
    Path bookingState;
    @TempDir
    Path firstState;
    @TempDir
    Path rebuiltState;

    @Test
    void shouldReachTheSameFiguresWhenTheFeedIsReadAgainFromTheBeginning() {
        try (FeedRecorder booking = new FeedRecorder(bookingState);
             StatsDriver first = new StatsDriver(firstState);
             StatsDriver rebuilt = new StatsDriver(rebuiltState)) {
            // given: a recorded launch, read once
            List<TestRecord<String, String>> feed = launch(booking);
            first.pipe(feed);
            // when: a fresh statistics app reads the whole feed again from the beginning
            rebuilt.pipe(feed);
            // then
            for (String show : SHOWS) {
                ShowStats figures = first.stats(show).orElseThrow();
                assertThat(rebuilt.stats(show)).contains(figures);
                ShowState truth = booking.show(show);
                assertThat(figures.seatsAvailable()).isEqualTo(truth.availableSeats());
                assertThat(figures.seatsSold()).isEqualTo(truth.toSeatMap().taken().size());
                assertThat(figures.perMinute()).isNotEmpty();
            }
            assertThat(first.stats("showc").orElseThrow().seatsSold()).as("the cancelled show").isZero();
        }
    }

    /** Random but repeatable: the same seed always records the same launch. */
    private static List<TestRecord<String, String>> launch(FeedRecorder booking) {
        Random random = new Random(42);
        List<Booking> active = new ArrayList<>();
        SHOWS.forEach(show -> booking.send("admin", true,
                new CreateShow(show, "movie1", "Screen 1", T0.plusSeconds(86_400), 40, 4, null, null), T0));
        for (int second = 1; second <= 90 * 60; second += 20 + random.nextInt(40)) {
            Instant at = T0.plusSeconds(second);
            String show = SHOWS.get(random.nextInt(SHOWS.size()));
            if (second > 80 * 60 && show.equals("showc") && booking.show(show).open()) {
                booking.send("admin", true, new CancelShow(show), at);
            } else if (random.nextInt(5) == 0 && !active.isEmpty()) {
                Booking gone = active.remove(random.nextInt(active.size()));
                booking.send(gone.userId(), false, new CancelBooking(gone.id()), at);
            } else {
                List<Integer> seats = IntStream.range(0, 1 + random.nextInt(3)).map(i -> 1 + random.nextInt(40))
                        .distinct().boxed().toList();
                CommandReply reply = booking.send("user" + random.nextInt(30), false, new BookSeats(show, seats), at);
                if (reply.ok()) {
                    active.add(reply.booking());
                }
            }
        }
        return booking.feed();
    }
}
