package io.boxoffice.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CreateMovie;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.processor.decision.ShowState;
import io.boxoffice.processor.decision.ShowStateSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.processor.internals.ProcessorStateManager;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The processor against a real in-JVM KRaft broker: commands through Kafka, replies on the waiting
 * instance's partition, and the interactive-query API reading its own writes, also under concurrency,
 * and the cached {@code shows} store compacting its changelog without holding back any reply.
 */
class BookingProcessorIntegrationTest extends ProcessorOnBroker {

    BookingProcessorIntegrationTest() {
        super("test", 2);
    }

    private String scheduleShow(int seats) {
        String movieId = Ids.random();
        assertThat(send("admin", true, new CreateMovie(movieId, "Arrival", 116)).outcome()).isEqualTo(Outcome.CREATED);
        String showId = Ids.random();
        assertThat(send("admin", true, new CreateShow(showId, movieId, "1", Instant.now(), seats, 2, null, null)).outcome())
                .isEqualTo(Outcome.CREATED);
        return showId;
    }

    @Test
    void shouldReadOwnWritesWhenBookingIsConfirmed() {
        String showId = scheduleShow(20);

        CommandReply reply = send("alice", false, new BookSeats(showId, List.of(4, 5)));

        assertThat(reply.outcome()).isEqualTo(Outcome.CREATED);
        SeatMap seats = web.get().uri("/internal/shows/{id}/seats", showId).exchange()
                .expectStatus().isOk().expectBody(SeatMap.class).returnResult().getResponseBody();
        assertThat(seats.taken()).containsExactly(4, 5);
        assertThat(seats.availableSeats()).isEqualTo(18);
        web.get().uri("/internal/bookings/{id}", reply.booking().id()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        web.get().uri("/internal/users/alice/bookings").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(reply.booking().id());
        web.get().uri("/internal/requests/{id}", reply.requestId()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.booking.id").isEqualTo(reply.booking().id());
        web.get().uri("/internal/requests/{id}", Ids.requestFor(showId, "alice")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("request_not_found");
    }

    @Test
    void shouldBookOnceAndAnswerEveryRepeatAlikeWhenOneRequestIdRacesItself() {
        String showId = scheduleShow(20);
        String requestId = Ids.idempotentRequest(showId, "carol", "launch-click-1");
        BookingCommand command = new BookingCommand(requestId, "carol", false, replyPartition, Instant.now(),
                new BookSeats(showId, List.of(9)));

        List<CommandReply> replies = Flux.range(0, 10)
                .flatMap(i -> client.request(showId, requestId, command), 10)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(replies).hasSize(10).allSatisfy(reply -> {
            assertThat(reply.outcome()).isEqualTo(Outcome.CREATED);
            assertThat(reply.booking()).isEqualTo(replies.get(0).booking());
        });
        web.get().uri("/internal/users/carol/bookings").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void shouldAnswerProblemWhenShowIsUnknown() {
        web.get().uri("/internal/shows/nosuchshow").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("show_not_found");
    }

    @Test
    void shouldSellEachSeatOnceWhenManyClientsRaceForOneShow() {
        String showId = scheduleShow(50);

        List<CommandReply> replies = Flux.range(0, 200)
                .flatMap(i -> {
                    String requestId = Ids.requestFor(showId, "user" + i);
                    int seat = 1 + (i * 7) % 50;
                    return client.request(showId, requestId, new BookingCommand(requestId, "user" + i, false,
                            replyPartition, Instant.now(), new BookSeats(showId, List.of(seat))));
                }, 64)
                .collectList().block(Duration.ofSeconds(120));

        List<Booking> confirmed = replies.stream().filter(CommandReply::ok).map(CommandReply::booking).toList();
        assertThat(replies).allSatisfy(reply -> assertThat(reply.outcome()).isIn(Outcome.CREATED, Outcome.REFUSED));
        Set<Integer> sold = new HashSet<>();
        confirmed.forEach(booking -> assertThat(sold.addAll(booking.seats())).as("seat sold twice").isTrue());
        assertThat(sold).hasSize(50);
        SeatMap seats = web.get().uri("/internal/shows/{id}/seats", showId).exchange()
                .expectStatus().isOk().expectBody(SeatMap.class).returnResult().getResponseBody();
        assertThat(new HashSet<>(seats.taken())).isEqualTo(sold);
        assertThat(seats.availableSeats()).isZero();
    }

    @Test
    void shouldWriteFewerShowChangelogRecordsThanDecisionsWhenEveryReplyStillGoesOut() {
        // given: every one of these bookings rewrites the show (distinct free seats, one per user)
        int bookings = 100;
        String showId = scheduleShow(bookings);

        // when: they arrive together, so several are decided within one commit interval
        List<CommandReply> replies = Flux.range(1, bookings)
                .flatMap(seat -> {
                    String userId = "fan" + seat;
                    String requestId = Ids.requestFor(showId, userId);
                    return client.request(showId, requestId, new BookingCommand(requestId, userId, false,
                            replyPartition, Instant.now(), new BookSeats(showId, List.of(seat))));
                }, bookings)
                .collectList().block(Duration.ofSeconds(120));

        // then: one reply per command, but fewer committed show states than the 1 + 100 writes of the show
        assertThat(replies).hasSize(bookings).allSatisfy(reply -> assertThat(reply.outcome()).isEqualTo(Outcome.CREATED));
        String changelog = ProcessorStateManager.storeChangelogTopic(StreamsSetup.APPLICATION_ID, Stores.SHOWS, null);
        List<byte[]> states = committedValues(changelog, showId);
        assertThat(states.size()).as("committed states of the show").isBetween(1, bookings);
        // and the last committed state, which a restore rebuilds, is the state the queries serve
        ShowState restored = new ShowStateSerde().deserialize(changelog, states.get(states.size() - 1));
        SeatMap served = web.get().uri("/internal/shows/{id}/seats", showId).exchange()
                .expectStatus().isOk().expectBody(SeatMap.class).returnResult().getResponseBody();
        assertThat(restored.toSeatMap()).isEqualTo(served);
        assertThat(served.availableSeats()).isZero();
    }

    /** The committed values of {@code key} in {@code topic}, in order, read as a restoring task reads them. */
    private List<byte[]> committedValues(String topic, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<byte[]> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
        }
        return values;
    }
}
