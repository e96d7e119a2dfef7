package io.boxoffice.processor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.booking.ShowStatus;
import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.processor.decision.BookingTopology;
import io.boxoffice.processor.decision.SeatPlan;
import io.boxoffice.processor.decision.ShowState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad stored value never fails a read: it is absent to keyed reads and left out of lists. */
class LocalReadsToleranceTest {
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private LocalReads reads;

    @BeforeEach
    void readTheTopologysStores() {
        driver = new TopologyTestDriver(BookingTopology.build(Duration.ofHours(1)), new BaseStreamsConfig(
                "reads-test", "unused:9092", stateDir.toString(), 10, "localhost:8082", 1, 1, 0).toProperties());
        StoreRouter router = mock(StoreRouter.class);
        for (String store : List.of(Stores.MOVIES, Stores.SHOWS, Stores.BOOKINGS, Stores.SHOWS_BY_MOVIE,
                Stores.BOOKINGS_BY_USER)) {
            KeyValueStore<Object, Object> local = driver.getKeyValueStore(store);
            when(router.partition(store, 0)).thenReturn(local);
        }
        reads = new LocalReads(router);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldListAndSortTheGoodMoviesWhenOneStoredMovieHasNoTitle() {
        // given
        KeyValueStore<String, Movie> movies = driver.getKeyValueStore(Stores.MOVIES);
        movies.put("m1", new Movie("m1", "Solaris", 167));
        movies.put("m2", new Movie("m2", null, 90));
        movies.put("m3", new Movie("m3", "Arrival", 116));

        // when
        List<Movie> listed = new ArrayList<>(reads.movies(0));
        listed.sort(QueryController.BY_TITLE);

        // then
        assertThat(listed).extracting(Movie::title).containsExactly("Arrival", "Solaris");
        assertThat(reads.movie(0, "m2")).isEmpty();
        assertThat(reads.movie(0, "m1")).isPresent();
    }

    @Test
    void shouldSortNullsLastWhenAPeerAnswersAValueThisInstanceWouldLeaveOut() {
        // given
        List<Movie> movies = new ArrayList<>(List.of(new Movie("b", null, 1), new Movie("a", "Arrival", 1)));
        List<Show> shows = new ArrayList<>(List.of(new Show("s2", "m", "1", null, 1, 1, 1, 600, 20, ShowStatus.OPEN),
                new Show("s1", "m", "1", Instant.EPOCH, 1, 1, 1, 600, 20, ShowStatus.OPEN)));

        // when
        movies.sort(QueryController.BY_TITLE);
        shows.sort(QueryController.BY_START);

        // then
        assertThat(movies).extracting(Movie::id).containsExactly("a", "b");
        assertThat(shows).extracting(Show::id).containsExactly("s1", "s2");
    }

    @Test
    void shouldLeaveOutUnusableShowsAndBookingsWhenListing() {
        // given a usable show and one whose seat bitmap does not fit its size, both indexed under one movie
        KeyValueStore<String, ShowState> shows = driver.getKeyValueStore(Stores.SHOWS);
        KeyValueStore<String, String> byMovie = driver.getKeyValueStore(Stores.SHOWS_BY_MOVIE);
        shows.put("s1", new ShowState("s1", "m", "1", Instant.EPOCH, 2, 600, ShowStatus.OPEN, 0, 0,
                SeatPlan.empty(8, 20)));
        shows.put("s2", new ShowState("s2", "m", null, null, 2, 600, ShowStatus.OPEN, 0, 0,
                SeatPlan.stored(100, 20, new byte[1], new byte[1], 0, 0, new short[5])));
        byMovie.put(Stores.compositeKey("m", "s1"), "s1");
        byMovie.put(Stores.compositeKey("m", "s2"), "s2");
        // and a user's good booking beside one without seats
        KeyValueStore<String, Booking> bookings = driver.getKeyValueStore(Stores.BOOKINGS);
        KeyValueStore<String, Long> byUser = driver.getKeyValueStore(Stores.BOOKINGS_BY_USER);
        bookings.put("s1-1", new Booking("s1-1", "s1", "u", List.of(1), BookingStatus.ACTIVE, Instant.EPOCH, null, null));
        bookings.put("s1-2", new Booking("s1-2", "s1", "u", null, BookingStatus.ACTIVE, Instant.EPOCH, null, null));
        byUser.put(Stores.compositeKey("u", "s1-1"), 0L);
        byUser.put(Stores.compositeKey("u", "s1-2"), 0L);

        // when / then
        assertThat(reads.showsOf(0, "m")).extracting(Show::id).containsExactly("s1");
        assertThat(reads.show(0, "s2")).isEmpty();
        assertThat(reads.bookingsOf(0, "u")).extracting(Booking::id).containsExactly("s1-1");
        assertThat(reads.booking(0, "s1-2")).isEmpty();
    }
}
