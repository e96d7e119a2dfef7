package io.boxoffice.processor.decision;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.deadletter.DeadLetters;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.kafka.TolerantSerde;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The booking-processor's topology, built in one pure method that production and tests share:
 * {@code booking-commands} → decide (store-backed, one task per partition, so one writer per show) →
 * the reply to {@code booking-replies} (on the partition of the waiting gateway) and the events to
 * {@code booking-events} (keyed by show id, in decision order), and what cannot be decided to
 * {@code booking-commands-dlq} (see {@link DecideCommand}). Expiries of holds ({@link HoldExpiry}) enter the
 * same flow from the decider's wall-clock punctuation, with events and no reply.
 *
 * <p>{@code shows} and {@code user-seats} are cached because their keys repeat within a commit: a hot show
 * is rewritten by every booking, and the cache folds those writes into one RocksDB write and one changelog
 * record per commit (and serves the show's read from memory). This is safe for the decider's guarantees:
 * a Processor API cache holds store writes only, never what {@code context.forward} emits, so every reply
 * and event still goes out per command; reads, interactive queries included, look in the cache first; the
 * cache is flushed into the changelog before each commit, inside the same transaction as the replies; and
 * under exactly_once_v2 a task that stops without committing loses its cache with the aborted transaction,
 * and its local state is rebuilt from the committed changelog.
 */
public final class BookingTopology {
    public static final String DECIDER = "decide-command";

    private BookingTopology() {
    }

    public static Topology build(Duration dedupeRetention) {
        StreamsBuilder builder = new StreamsBuilder();
        // Values are read tolerantly: one undecodable value is absent to readers, never a failed read.
        builder.addStateStore(keyValue(Stores.MOVIES, TolerantSerde.of(JsonSerde.of(Movie.class))))
                .addStateStore(keyValue(Stores.SHOWS, TolerantSerde.of(new ShowStateSerde())).withCachingEnabled())
                .addStateStore(keyValue(Stores.BOOKINGS, TolerantSerde.of(JsonSerde.of(Booking.class))))
                .addStateStore(keyValue(Stores.SHOWS_BY_MOVIE, Serdes.String()))
                .addStateStore(keyValue(Stores.BOOKINGS_BY_USER, Serdes.Long()))
                .addStateStore(keyValue(Stores.USER_SEATS, Serdes.Integer()).withCachingEnabled())
                .addStateStore(keyValue(Stores.HOLDS, TolerantSerde.of(JsonSerde.of(Hold.class))))
                .addStateStore(keyValue(Stores.HOLD_EXPIRY, Serdes.String()))
                .addStateStore(org.apache.kafka.streams.state.Stores.windowStoreBuilder(
                        org.apache.kafka.streams.state.Stores.persistentWindowStore(Stores.PROCESSED_REQUESTS,
                                dedupeRetention, Duration.ofMillis(1), false),
                        Serdes.String(), JsonSerde.of(CommandReply.class)));

        KStream<String, Decision> decisions = builder
                // Raw bytes: the decider reads the command itself, so an unreadable one is a dead letter, not an error.
                .stream(Topics.BOOKING_COMMANDS, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-commands"))
                .process(() -> new DecideCommand(dedupeRetention), Named.as(DECIDER),
                        Stores.MOVIES, Stores.SHOWS, Stores.BOOKINGS, Stores.SHOWS_BY_MOVIE,
                        Stores.BOOKINGS_BY_USER, Stores.USER_SEATS, Stores.PROCESSED_REQUESTS, Stores.HOLDS,
                        Stores.HOLD_EXPIRY);

        decisions.filter((showId, decision) -> decision.awaited(), Named.as("awaited-replies"))
                .map((showId, decision) -> KeyValue.pair(decision.reply().requestId(), decision.reply()),
                        Named.as("reply-by-request-id"))
                .to(Topics.BOOKING_REPLIES, Produced.with(Serdes.String(), JsonSerde.of(CommandReply.class))
                        .withStreamPartitioner(new ToWaitingGateway()).withName("write-replies"));

        decisions.flatMapValues(Decision::events, Named.as("events-of-decision"))
                .to(Topics.BOOKING_EVENTS, Produced.with(Serdes.String(), JsonSerde.of(BookingEvent.class))
                        .withName("write-events"));

        decisions.filter((key, decision) -> decision.deadLetter() != null, Named.as("dead-letters"))
                .mapValues(decision -> decision.deadLetter().value(), Named.as("dead-letter-value"))
                .to(Topics.BOOKING_COMMANDS_DLQ, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("write-dead-letters"));
        return builder.build();
    }

    /**
     * The Streams settings this topology needs beside the shared ones: a failure the decider does not catch
     * itself (in a node after it) is dead-lettered by Streams and the partition goes on.
     */
    public static Properties routeFailures(Properties config) {
        return DeadLetters.route(config, Topics.BOOKING_COMMANDS_DLQ);
    }

    private static <V> StoreBuilder<?> keyValue(String name, Serde<V> values) {
        return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    /** Sends a reply to the partition its gateway instance reads; a reply for a partition that does not exist is dropped. */
    static final class ToWaitingGateway implements StreamPartitioner<String, CommandReply> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String requestId, CommandReply reply, int partitions) {
            int partition = reply.replyPartition();
            return Optional.of(partition < partitions ? Set.of(partition) : Set.of());
        }
    }
}
