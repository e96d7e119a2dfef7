package io.boxoffice.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.gateway.GatewayProperties;
import io.boxoffice.gateway.security.Caller;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** The in-flight bound: load beyond it is shed at once, and the bound frees up as replies come. */
class CommandGatewayTest {
    private static final int MAX_IN_FLIGHT = 3;

    @SuppressWarnings("unchecked")
    private final RequestReplyClient<BookingCommand, CommandReply> client = mock(RequestReplyClient.class);
    private final CommandGateway gateway = new CommandGateway(client, new GatewayProperties("unused", 0,
            Duration.ofSeconds(1), 1, MAX_IN_FLIGHT, "unused", "unused", "unused", "boxoffice",
            new GatewayProperties.TokenCache(0, Duration.ZERO), null));

    private Mono<ResponseEntity<Object>> book() {
        return gateway.submit(new Caller("u1", false), new BookSeats("s1", List.of(1)), CommandReply::booking, null);
    }

    @Test
    void shouldShedWith503OverloadedWhenTooManyCommandsWait() {
        // given
        when(client.request(anyString(), anyString(), any())).thenReturn(Mono.never());
        List<Disposable> waiting = List.of(book().subscribe(), book().subscribe(), book().subscribe());
        // when
        ResponseEntity<Object> shed = book().block(Duration.ofSeconds(1));
        // then
        assertThat(shed.getStatusCode().value()).isEqualTo(503);
        assertThat(shed.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(((ProblemDetail) shed.getBody()).getProperties()).containsEntry("code", "overloaded");
        verify(client, times(MAX_IN_FLIGHT)).request(anyString(), anyString(), any());
        waiting.forEach(Disposable::dispose);
    }

    @Test
    void shouldAdmitAgainWhenWaitingCommandsEnd() {
        // given
        when(client.request(anyString(), anyString(), any())).thenReturn(Mono.never());
        List<Disposable> waiting = List.of(book().subscribe(), book().subscribe(), book().subscribe());
        waiting.forEach(Disposable::dispose);
        when(client.request(anyString(), anyString(), any())).thenAnswer(call -> Mono.just(CommandReply.of(
                (BookingCommand) call.getArgument(2), Outcome.CREATED, (Booking) null)));
        // when
        ResponseEntity<Object> answer = book().block(Duration.ofSeconds(1));
        // then
        assertThat(answer.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void shouldSendNothingWhenAnswerIsNotSubscribed() {
        // when
        book();
        // then
        verify(client, never()).request(anyString(), anyString(), any());
    }
}
