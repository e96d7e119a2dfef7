package io.boxoffice.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.BookingCommand.CreateMovie;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.deadletter.DeadLetterReason;
import io.boxoffice.common.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A malformed record written straight onto {@code booking-commands} by a producer that is not the gateway (the
 * user report of issue 11): it goes to the dead-letter topic, the next command of its partition is decided at
 * once, and the movie list keeps answering.
 */
class DeadLetterIntegrationTest extends ProcessorOnBroker {

    DeadLetterIntegrationTest() {
        super("dead-letter-test", 1);
    }

    @Test
    void shouldDeadLetterAndGoOnWithThePartitionWhenARawProducerWritesAMovieWithoutTitle() throws Exception {
        // given a CREATE_MOVIE without a title, as an outdated producer might write it
        String movieId = Ids.random();
        String requestId = Ids.requestFor(movieId, "admin");
        String malformed = "{\"requestId\":\"" + requestId + "\",\"userId\":\"admin\",\"admin\":true,"
                + "\"replyPartition\":-1,\"payload\":{\"type\":\"CREATE_MOVIE\",\"movieId\":\"" + movieId
                + "\",\"durationMinutes\":116}}";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.BOOKING_COMMANDS, movieId,
                    malformed.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }

        // when the next command of the same key (so the same partition) follows
        CommandReply next = send("admin", true, new CreateMovie(movieId, "Arrival", 116));

        // then it is decided, the malformed one is a dead letter, and the list answers
        assertThat(next.outcome()).isEqualTo(Outcome.CREATED);
        ConsumerRecord<String, byte[]> letter = deadLetterAt(movieId);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(malformed);
        assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON))
                .isEqualTo(DeadLetterReason.MISSING_FIELD.code());
        assertThat(DeadLetters.text(letter.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.BOOKING_COMMANDS);
        String movies = web.get().uri("/internal/movies").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(movies).contains("{\"id\":\"" + movieId + "\",\"title\":\"Arrival\"");
        web.get().uri("/internal/requests/{id}", requestId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(ProblemCodes.INVALID_COMMAND);
    }

    @Test
    void shouldAnswerTheWaitingClientAtOnceWhenItsCommandIsMalformed() {
        // when
        CommandReply reply = send("admin", true, new CreateMovie(Ids.random(), null, 116));

        // then
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.code()).isEqualTo(ProblemCodes.INVALID_COMMAND);
    }

    /** The committed dead letter at {@code key}, as an operator's console consumer reads it. */
    private ConsumerRecord<String, byte[]> deadLetterAt(String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.BOOKING_COMMANDS_DLQ));
            Awaitility.await("dead letter at " + key).atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
