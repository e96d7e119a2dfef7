package io.boxoffice.processor.decision;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.deadletter.DeadLetters;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.streams.StoreSweep;
import java.time.Duration;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade path for state that already holds bad values: once per task start, the single writer walks its
 * {@code movies}, {@code shows} and {@code bookings} stores and removes every value that is undecodable or not
 * {@link StoredValues usable}, sending it to {@code booking-commands-dlq} first (reason
 * {@code bad_stored_value}, the store in a header), so nothing is lost silently. It works in slices between
 * commands, so a large store does not hold decisions up, and stops once every store is done. Until then reads
 * skip such values, so the sweep only makes the state clean, it does not make reads safe.
 */
final class StateSweep {
    private static final Logger log = LoggerFactory.getLogger(StateSweep.class);
    static final Duration INTERVAL = Duration.ofMillis(100);
    /** Entries examined per slice: a few milliseconds of work between two commands. */
    static final int SLICE = 2_000;

    private final List<StoreSweep<?>> sweeps;
    private final ProcessorContext<String, Decision> context;
    private Cancellable schedule;

    private StateSweep(ProcessorContext<String, Decision> context) {
        this.context = context;
        this.sweeps = List.of(
                sweep(Stores.MOVIES, StoredValues::usableMovie, JsonSerde.of(Movie.class)),
                sweep(Stores.SHOWS, StoredValues::usableShow, new ShowStateSerde()),
                sweep(Stores.BOOKINGS, StoredValues::usableBooking, JsonSerde.of(Booking.class)));
    }

    static void schedule(ProcessorContext<String, Decision> context) {
        StateSweep sweep = new StateSweep(context);
        sweep.schedule = context.schedule(INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep.step());
    }

    /**
     * Walks the stores in order, a slice each, until one has more left than its slice: the next step goes on
     * there.
     */
    private void step() {
        for (StoreSweep<?> sweep : sweeps) {
            if (!sweep.step(SLICE)) {
                return;
            }
        }
        schedule.cancel();
        long removed = sweeps.stream().mapToLong(StoreSweep::removed).sum();
        if (removed > 0) {
            log.warn("Task {} removed {} bad stored values to {}", context.taskId(), removed,
                    Topics.BOOKING_COMMANDS_DLQ);
        }
    }

    private <V> StoreSweep<V> sweep(String name, BiPredicate<String, V> usable, Serializer<V> serializer) {
        KeyValueStore<String, V> store = context.getStateStore(name);
        return new StoreSweep<>(name, store, usable, (storeName, key, value) -> {
            log.warn("Removing a bad value from store {} at key {}; it goes to the dead-letter topic", storeName, key);
            String detail = value == null ? "undecodable" : "fails the store's check";
            byte[] bytes = value == null ? null : serializer.serialize(storeName, value);
            context.forward(new Record<>(key, Decision.deadLetter(bytes), context.currentSystemTimeMs(),
                    DeadLetters.ofStoredValue(storeName, detail)));
        });
    }
}
