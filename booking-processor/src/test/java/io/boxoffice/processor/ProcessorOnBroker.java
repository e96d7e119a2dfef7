package io.boxoffice.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.kafka.RequestReplyClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running processor on a real in-JVM KRaft broker, for its integration tests: a client that sends
 * commands as a gateway does (on its own reply partition) and a web client for the internal API. Tests
 * start once the processor reports healthy, i.e. its Streams applications run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(partitions = 4, topics = {Topics.BOOKING_COMMANDS, Topics.BOOKING_REPLIES,
        Topics.BOOKING_EVENTS, Topics.BOOKING_COMMANDS_DLQ}, brokerProperties = {"transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProcessorOnBroker {
    private static final int PORT = freePort();

    @Autowired
    EmbeddedKafkaBroker broker;
    protected final int replyPartition;
    private final String clientId;
    protected RequestReplyClient<BookingCommand, CommandReply> client;
    protected WebTestClient web;

    protected ProcessorOnBroker(String clientId, int replyPartition) {
        this.clientId = clientId;
        this.replyPartition = replyPartition;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("boxoffice.processor.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("boxoffice.processor.state-dir", ProcessorOnBroker::tempDir);
    }

    @BeforeAll
    void connect() {
        client = new RequestReplyClient<>(new RequestReplyClient.Settings(broker.getBrokersAsString(), clientId,
                Topics.BOOKING_COMMANDS, Topics.BOOKING_REPLIES, replyPartition, Duration.ofSeconds(30), 0),
                JsonSerde.of(BookingCommand.class), JsonSerde.of(CommandReply.class), CommandReply::requestId);
        client.start();
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + PORT).responseTimeout(Duration.ofSeconds(20))
                .build();
        // Queries answer 503 until the Streams applications run.
        await("processor healthy", () -> web.get().uri("/actuator/health").exchange()
                .returnResult(String.class).getStatus().value() == 200);
    }

    @AfterAll
    void disconnect() {
        client.stop();
    }

    /** Sends a command as {@code userId} and waits for its decision. */
    protected CommandReply send(String userId, boolean admin, BookingCommand.Payload payload) {
        String requestId = Ids.requestFor(payload.key(), userId);
        return client.request(payload.key(), requestId, new BookingCommand(requestId, userId, admin, replyPartition,
                Instant.now(), payload)).block(Duration.ofSeconds(60));
    }

    protected static void await(String what, BooleanSupplier condition) {
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
            return Files.createTempDirectory("processor-state").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
