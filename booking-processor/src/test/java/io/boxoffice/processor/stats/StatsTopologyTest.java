package io.boxoffice.processor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics topology on a test driver, fed the events the real booking topology emits. */
class StatsTopologyTest {
    private static final String SHOW = "show1";
    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");

    @TempDir
    Path bookingState;
    @TempDir
    Path statsState;
    private FeedRecorder booking;
    private StatsDriver stats;

    @BeforeEach
    void scheduleShowOfTenSeats() {
        booking = new FeedRecorder(bookingState);
        stats = new StatsDriver(statsState);
        booking.send("admin", true, new CreateShow(SHOW, "movie1", "Screen 1", T0.plusSeconds(86_400), 10, 4, null, null), T0);
    }

    @AfterEach
    void close() {
        booking.close();
        stats.close();
    }

    private Booking book(String user, Instant at, Integer... seats) {
        return booking.send(user, false, new BookSeats(SHOW, List.of(seats)), at).booking();
    }

    private ShowStats statsAfterFeed() {
        return stats.pipe(booking.feed()).stats(SHOW).orElseThrow();
    }

    @Test
    void shouldCountSeatsAndBookingsWhenBookingsAreConfirmedAndCancelled() {
        // given
        Booking first = book("alice", T0.plusSeconds(1), 1, 2);
        book("bob", T0.plusSeconds(2), 3);
        // when
        booking.send("alice", false, new CancelBooking(first.id()), T0.plusSeconds(3));
        ShowStats figures = statsAfterFeed();
        // then
        assertThat(figures.showId()).isEqualTo(SHOW);
        assertThat(figures.totalSeats()).isEqualTo(10);
        assertThat(figures.seatsSold()).isEqualTo(1);
        assertThat(figures.seatsAvailable()).isEqualTo(9).isEqualTo(booking.show(SHOW).availableSeats());
        assertThat(figures.bookingsConfirmed()).isEqualTo(2);
        assertThat(figures.bookingsCancelled()).isEqualTo(1);
        assertThat(figures.rejections()).isEmpty();
        assertThat(figures.updatedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void shouldCountRejectionsByReasonWhenBookingsAreTurnedAway() {
        // given
        book("alice", T0.plusSeconds(1), 1, 2, 3);
        // when
        book("bob", T0.plusSeconds(2), 3);
        book("bob", T0.plusSeconds(3), 2, 4);
        book("bob", T0.plusSeconds(4), 11);
        book("alice", T0.plusSeconds(5), 9, 10);
        ShowStats figures = statsAfterFeed();
        // then
        assertThat(figures.rejections()).isEqualTo(Map.of(ProblemCodes.SEAT_TAKEN, 2L,
                ProblemCodes.SEAT_OUT_OF_RANGE, 1L, ProblemCodes.LIMIT_EXCEEDED, 1L));
        assertThat(figures.bookingsConfirmed()).isEqualTo(1);
        assertThat(figures.seatsSold()).isEqualTo(3);
    }

    @Test
    void shouldCountConfirmedAndRejectedPerMinuteOfEventTimeWhenEventsSpanMinutes() {
        // given: minute 0 has one of each, minute 1 nothing counted, minute 3 two bookings
        book("alice", T0.plusSeconds(10), 1);
        book("bob", T0.plusSeconds(50), 1);
        Booking cancelled = book("carol", T0.plusSeconds(100), 2);
        booking.send("carol", false, new CancelBooking(cancelled.id()), T0.plusSeconds(110));
        book("dave", T0.plusSeconds(181), 5);
        book("erin", T0.plusSeconds(239), 6);
        // when
        ShowStats figures = statsAfterFeed();
        // then
        assertThat(figures.perMinute()).containsExactly(
                new ShowStats.Minute(T0, 1, 1),
                new ShowStats.Minute(T0.plusSeconds(60), 1, 0),
                new ShowStats.Minute(T0.plusSeconds(180), 2, 0));
    }

    @Test
    void shouldListOnlyTheLastHourOfActivityWhenAShowSellsForLonger() {
        // given
        book("alice", T0.plusSeconds(30), 1);
        book("bob", T0.plusSeconds(59 * 60), 2);
        // when
        book("carol", T0.plusSeconds(65 * 60), 3);
        ShowStats figures = statsAfterFeed();
        // then
        assertThat(figures.perMinute()).extracting(ShowStats.Minute::minute)
                .containsExactly(T0.plusSeconds(59 * 60), T0.plusSeconds(65 * 60));
        assertThat(figures.bookingsConfirmed()).isEqualTo(3);
    }

    @Test
    void shouldZeroSeatsSoldWhenShowIsCancelled() {
        // given
        book("alice", T0.plusSeconds(1), 1, 2);
        Booking bobs = book("bob", T0.plusSeconds(2), 3);
        booking.send("bob", false, new CancelBooking(bobs.id()), T0.plusSeconds(3));
        // when
        booking.send("admin", true, new CancelShow(SHOW), T0.plusSeconds(4));
        book("carol", T0.plusSeconds(5), 4);
        ShowStats figures = statsAfterFeed();
        // then
        assertThat(figures.seatsSold()).isZero();
        assertThat(figures.seatsAvailable()).isEqualTo(10).isEqualTo(booking.show(SHOW).availableSeats());
        assertThat(figures.bookingsConfirmed()).isEqualTo(2);
        assertThat(figures.bookingsCancelled()).isEqualTo(2);
        assertThat(figures.rejections()).isEqualTo(Map.of(ProblemCodes.SHOW_CANCELLED, 1L));
    }

    @Test
    void shouldKnowNothingWhenNoEventOfTheShowWasRead() {
        // when
        stats.pipe(booking.feed());
        // then
        assertThat(stats.stats("othershow")).isEmpty();
    }
}
