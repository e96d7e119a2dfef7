package io.boxoffice.gateway.command;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.security.Caller;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns a verified request into a command on {@code booking-commands}, keyed so that the show's single
 * writer decides it, and the processor's reply into the HTTP answer. A reply that does not come in time
 * is a 504 carrying the request id: the command may still be decided, and is never decided twice.
 */
@Component
public class CommandGateway {
    private static final Logger log = LoggerFactory.getLogger(CommandGateway.class);

    private final RequestReplyClient<BookingCommand, CommandReply> client;

    CommandGateway(RequestReplyClient<BookingCommand, CommandReply> client) {
        this.client = client;
    }

    /** Sends the command and answers with the reply's status and the part of it {@code body} selects. */
    public Mono<ResponseEntity<Object>> submit(Caller caller, BookingCommand.Payload payload,
                                               java.util.function.Function<CommandReply, Object> body,
                                               java.util.function.Function<CommandReply, String> location) {
        String key = payload.key();
        String requestId = Ids.requestFor(key);
        BookingCommand command = new BookingCommand(requestId, caller.userId(), caller.admin(),
                client.replyPartition(), Instant.now(), payload);
        return client.request(key, requestId, command)
                .onErrorMap(TimeoutException.class, e -> new ApiException(504, ProblemCodes.TIMEOUT,
                        "The decision did not arrive in time; it may still be made. Check your bookings.",
                        Map.of("requestId", requestId)))
                .onErrorMap(e -> !(e instanceof ApiException), e -> {
                    log.warn("Command {} could not be written: {}", requestId, e.toString());
                    return new ApiException(503, ProblemCodes.UNAVAILABLE,
                            "The booking system is not reachable right now; try again", Map.of());
                })
                .map(reply -> answer(reply, body, location));
    }

    private static ResponseEntity<Object> answer(CommandReply reply,
                                                 java.util.function.Function<CommandReply, Object> body,
                                                 java.util.function.Function<CommandReply, String> location) {
        if (!reply.ok()) {
            Map<String, Object> extra = reply.seats() == null ? Map.of() : Map.of("seats", reply.seats());
            throw new ApiException(reply.status(), reply.code(), reply.detail(), extra);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(reply.status());
        if (reply.status() == 201 && location != null) {
            response.header(HttpHeaders.LOCATION, location.apply(reply));
        }
        return response.body(body.apply(reply));
    }
}
