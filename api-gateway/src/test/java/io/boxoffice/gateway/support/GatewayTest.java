package io.boxoffice.gateway.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.kafka.RequestReplyClient;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The gateway on a real port with everything real except its neighbours: the Kafka request-reply
 * client is a Mockito mock (never started, so no broker is contacted), and the user-service and the
 * processor are a {@link StubServer}. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class GatewayTest {
    protected static final StubServer STUB = StubServer.start();

    @MockitoBean
    protected RequestReplyClient<BookingCommand, CommandReply> client;

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void neighbours(DynamicPropertyRegistry registry) {
        registry.add("boxoffice.gateway.processor-url", STUB::url);
        registry.add("boxoffice.gateway.user-service-url", STUB::url);
        registry.add("boxoffice.gateway.jwk-set-uri", () -> STUB.url() + "/.well-known/jwks.json");
        // A read answered 503 is tried again until the reply timeout is spent; keep that short here.
        registry.add("boxoffice.gateway.reply-timeout", () -> "PT2S");
        // No broker here: seat streams get their decisions from the tests (SeatChannels), not from a feed.
        registry.add("boxoffice.gateway.seat-stream.feed-enabled", () -> "false");
    }

    @BeforeEach
    void forgetStubbedAnswers() {
        STUB.reset();
    }

    /** The processor answers every command with what {@code decide} makes of it. */
    protected void processorReplies(Function<BookingCommand, CommandReply> decide) {
        when(client.request(anyString(), anyString(), any()))
                .thenAnswer(call -> Mono.just(decide.apply(call.getArgument(2))));
    }

    protected void commandFails(Throwable error) {
        when(client.request(anyString(), anyString(), any())).thenReturn(Mono.error(error));
    }

    /** Asynchronous commands are written durably (the broker acknowledges every write). */
    protected void commandsAccepted() {
        when(client.send(anyString(), any())).thenReturn(Mono.empty());
    }

    /**
     * No command reached Kafka, awaited or not (lifecycle calls on the mock, made at context start, do not
     * count).
     */
    public static void assertNothingSent(RequestReplyClient<BookingCommand, CommandReply> client) {
        verify(client, never()).request(any(), any(), any());
        verify(client, never()).send(any(), any());
    }

    protected void assertNothingSent() {
        assertNothingSent(client);
    }

    /** The one command sent, with the record key it was sent under. */
    protected Sent sent() {
        ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<String> requestId = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<BookingCommand> command = ArgumentCaptor.forClass(BookingCommand.class);
        verify(client).request(key.capture(), requestId.capture(), command.capture());
        return new Sent(key.getValue(), requestId.getValue(), command.getValue());
    }

    /** The commands sent and waited for, exactly {@code times} of them, in order. */
    protected List<BookingCommand> sentCommands(int times) {
        ArgumentCaptor<BookingCommand> command = ArgumentCaptor.forClass(BookingCommand.class);
        verify(client, times(times)).request(anyString(), anyString(), command.capture());
        return command.getAllValues();
    }

    /** The one command written without waiting for its reply (asynchronous mode). */
    protected Sent sentAsync() {
        ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<BookingCommand> command = ArgumentCaptor.forClass(BookingCommand.class);
        verify(client).send(key.capture(), command.capture());
        return new Sent(key.getValue(), command.getValue().requestId(), command.getValue());
    }

    public record Sent(String key, String requestId, BookingCommand command) {
    }

    public static CommandReply refused(BookingCommand command, String code, List<Integer> seats) {
        return CommandReply.refused(command, code, "refused: " + code).aboutSeats(seats);
    }

    /** Checks the contract's problem document: content type and all five members, and no internals. */
    public static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status,
                                                              String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:boxoffice:problem:" + code)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }
}
