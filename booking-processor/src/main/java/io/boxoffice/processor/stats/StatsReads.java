package io.boxoffice.processor.stats;

import io.boxoffice.common.Stores;
import io.boxoffice.common.streams.StoreRouter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads the statistics app's stores on this instance (one partition's active or standby copy) for a show. The minute
 * list covers the hour that ends with the show's latest event, not the wall clock, so a rebuilt store
 * answers exactly what the live one did.
 */
final class StatsReads {
    static final int MINUTES_SHOWN = 60;

    private final StoreRouter router;

    StatsReads(StoreRouter router) {
        this.router = router;
    }

    StoreRouter router() {
        return router;
    }

    /** The statistics of {@code showId} from this instance's copy of its partition. */
    Optional<ShowStats> stats(int partition, String showId) {
        return read(router.partition(Stores.SHOW_STATS, partition),
                router.partitionWindows(Stores.SHOW_STATS_BY_MINUTE, partition), showId);
    }

    /** The statistics of {@code showId} from the two stores, wherever they come from (a test driver too). */
    static Optional<ShowStats> read(ReadOnlyKeyValueStore<String, ShowTotals> totals,
                                    ReadOnlyWindowStore<String, MinuteCounts> minutes, String showId) {
        ShowTotals found = totals.get(showId);
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(ShowStats.of(found, perMinute(minutes, showId, found.updatedAt())));
    }

    private static List<ShowStats.Minute> perMinute(ReadOnlyWindowStore<String, MinuteCounts> store, String showId,
                                                    Instant latest) {
        List<ShowStats.Minute> minutes = new ArrayList<>();
        if (latest == null) {
            return minutes;
        }
        Instant last = latest.truncatedTo(ChronoUnit.MINUTES);
        Instant first = last.minus(StatsTopology.MINUTE.multipliedBy(MINUTES_SHOWN - 1));
        try (WindowStoreIterator<MinuteCounts> windows = store.fetch(showId, first, last)) {
            while (windows.hasNext()) {
                KeyValue<Long, MinuteCounts> window = windows.next();
                minutes.add(new ShowStats.Minute(Instant.ofEpochMilli(window.key), window.value.confirmed(),
                        window.value.rejected()));
            }
        }
        return minutes;
    }
}
