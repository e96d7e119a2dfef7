package io.boxoffice.processor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.kafka.RequestReplyClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The statistics app inside the running processor, on a real in-JVM broker: decisions flow through
 * {@code booking-events} into {@code booking-stats}, whose figures the internal API serves, and the
 * processor reports healthy only once both Streams applications run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(partitions = 4, topics = {Topics.BOOKING_COMMANDS, Topics.BOOKING_REPLIES,
        Topics.BOOKING_EVENTS}, brokerProperties = {"transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsIntegrationTest {
    private static final int PORT = freePort();
    private static final int REPLY_PARTITION = 1;

    @Autowired
    EmbeddedKafkaBroker broker;
    private RequestReplyClient<BookingCommand, CommandReply> client;
    private WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("server.port", () -> PORT);
        registry.add("boxoffice.processor.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("boxoffice.processor.state-dir", () -> tempDir());
    }

    @BeforeAll
    void connect() {
        client = new RequestReplyClient<>(new RequestReplyClient.Settings(broker.getBrokersAsString(), "stats-test",
                Topics.BOOKING_COMMANDS, Topics.BOOKING_REPLIES, REPLY_PARTITION, Duration.ofSeconds(30), 0),
                JsonSerde.of(BookingCommand.class), JsonSerde.of(CommandReply.class), CommandReply::requestId);
        client.start();
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + PORT).responseTimeout(Duration.ofSeconds(20))
                .build();
        await("both Streams applications running", () -> web.get().uri("/actuator/health").exchange()
                .returnResult(String.class).getStatus().value() == 200);
    }

    @AfterAll
    void disconnect() {
        client.stop();
    }

    private CommandReply send(String userId, boolean admin, BookingCommand.Payload payload) {
        String requestId = Ids.requestFor(payload.key(), userId);
        return client.request(payload.key(), requestId, new BookingCommand(requestId, userId, admin, REPLY_PARTITION,
                Instant.now(), payload)).block(Duration.ofSeconds(60));
    }

    @Test
    void shouldServeTheShowsFiguresWhenItsEventsHaveBeenRead() {
        // given
        String showId = Ids.random();
        assertThat(send("admin", true, new CreateShow(showId, Ids.random(), "1", Instant.now(), 20, 2)).status())
                .isEqualTo(201);
        // when
        assertThat(send("alice", false, new BookSeats(showId, List.of(1, 2))).status()).isEqualTo(201);
        assertThat(send("bob", false, new BookSeats(showId, List.of(2))).status()).isEqualTo(409);
        // then
        await("the statistics caught up", () -> {
            var answer = web.get().uri("/internal/shows/{id}/stats", showId).exchange()
                    .returnResult(ShowStats.class);
            ShowStats stats = answer.getStatus().value() == 200 ? answer.getResponseBody().blockFirst() : null;
            return stats != null && stats.seatsSold() == 2 && stats.seatsAvailable() == 18
                    && stats.bookingsConfirmed() == 1 && stats.rejections().equals(Map.of("seat_taken", 1L))
                    && stats.perMinute().stream().mapToLong(ShowStats.Minute::rejected).sum() == 1;
        });
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.statsStreams.status").isEqualTo("UP");
    }

    @Test
    void shouldAnswerShowNotFoundWhenNoEventOfTheShowIsKnown() {
        // when / then
        web.get().uri("/internal/shows/{id}/stats", Ids.random()).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("show_not_found");
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("processor-stats-state").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
