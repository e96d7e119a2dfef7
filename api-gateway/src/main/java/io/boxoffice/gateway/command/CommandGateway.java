package io.boxoffice.gateway.command;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.common.kafka.NotWrittenException;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.common.web.Problems;
import io.boxoffice.gateway.GatewayProperties;
import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.requests.RequestOutcome;
import io.boxoffice.gateway.security.Caller;
import io.boxoffice.gateway.web.ProblemCatalog;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns a verified request into a command on {@code booking-commands}, keyed so that the show's single
 * writer decides it, and the processor's reply into the HTTP answer. A reply that does not come in time
 * is a 504 carrying the request id: the command may still be decided, and is never decided twice.
 * At most {@code maxInFlight} commands wait at once; more are shed at once with 503 {@code overloaded}
 * and nothing is written, so an overload never turns into unbounded queues or late 201s.
 */
@Component
public class CommandGateway {
    private static final Logger log = LoggerFactory.getLogger(CommandGateway.class);

    private final RequestReplyClient<BookingCommand, CommandReply> client;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    CommandGateway(RequestReplyClient<BookingCommand, CommandReply> client, GatewayProperties properties) {
        this.client = client;
        this.maxInFlight = properties.maxInFlight();
    }

    /**
     * Sends the command and answers with the status of the reply's outcome and the part of it {@code body} selects;
     * {@code location} (may be null) names the created resource of a 201.
     */
    public Mono<ResponseEntity<Object>> submit(Caller caller, BookingCommand.Payload payload,
                                               Function<CommandReply, Object> body,
                                               Function<CommandReply, String> location) {
        return submit(caller, payload, null, body, location);
    }

    /**
     * As {@link #submit(Caller, BookingCommand.Payload, Function, Function)}; with an idempotency key the
     * request id derives from the caller and the key, so a repeat is the same request to the processor,
     * which decides it once and answers every repeat with the original outcome.
     */
    public Mono<ResponseEntity<Object>> submit(Caller caller, BookingCommand.Payload payload, String idempotencyKey,
                                               Function<CommandReply, Object> body,
                                               Function<CommandReply, String> location) {
        return bounded(() -> {
            BookingCommand command = command(caller, payload, idempotencyKey, client.replyPartition());
            return client.request(payload.key(), command.requestId(), command)
                    .onErrorMap(e -> unanswered(command.requestId(), e))
                    .map(reply -> answer(reply, body, location));
        });
    }

    /**
     * The command a request read by a command route makes for show {@code showId}: answered with its decision, or
     * with 202 once it is durable when the request asked for {@code respond-async}. An id that cannot name a show is
     * answered 404 here, so it never becomes a record key.
     */
    public Mono<ResponseEntity<Object>> decide(CommandRequest<?> request, String showId,
                                               Function<String, BookingCommand.Payload> command,
                                               Function<CommandReply, Object> body,
                                               Function<CommandReply, String> location) {
        if (!Validation.isId(showId)) {
            return Mono.error(new ApiException(404, ProblemCodes.SHOW_NOT_FOUND, "No such show"));
        }
        BookingCommand.Payload payload = command.apply(showId);
        if (request.async()) {
            return accept(request.caller(), payload, request.idempotencyKey(), RequestOutcome::accepted);
        }
        return submit(request.caller(), payload, request.idempotencyKey(), body, location);
    }

    /**
     * Writes the command without waiting for its decision and completes with its request id once the
     * broker has it durably (acks=all): the asynchronous mode's acknowledgement.
     */
    public Mono<ResponseEntity<Object>> accept(Caller caller, BookingCommand.Payload payload, String idempotencyKey,
                                               Function<String, ResponseEntity<Object>> accepted) {
        return bounded(() -> {
            BookingCommand command = command(caller, payload, idempotencyKey, NO_REPLY);
            return client.send(payload.key(), command)
                    .onErrorMap(e -> unanswered(command.requestId(), e))
                    .then(Mono.fromSupplier(() -> accepted.apply(command.requestId())));
        });
    }

    /** The problem document the synchronous call answers for a refusal. */
    public static ApiException problemOf(CommandReply reply) {
        return failure(reply);
    }

    /** Nobody waits for the reply of an asynchronous command: its outcome is read from the processor. */
    private static final int NO_REPLY = -1;

    private Mono<ResponseEntity<Object>> bounded(java.util.function.Supplier<Mono<ResponseEntity<Object>>> work) {
        return Mono.defer(() -> {
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                return Mono.just(overloaded());
            }
            return work.get().doFinally(signal -> inFlight.decrementAndGet());
        });
    }

    private static BookingCommand command(Caller caller, BookingCommand.Payload payload, String idempotencyKey,
                                          int replyPartition) {
        String scope = payload.key();
        String requestId = idempotencyKey == null ? Ids.requestFor(scope, caller.userId())
                : payload instanceof BookSeats ? Ids.idempotentRequest(scope, caller.userId(), idempotencyKey)
                : Ids.idempotentRequest(scope, caller.userId(), payload.kind(), idempotencyKey);
        return new BookingCommand(requestId, caller.userId(), caller.admin(), replyPartition, Instant.now(), payload);
    }

    /**
     * No answer: a timeout leaves the outcome open (504 with the request id); anything else is 503, the command
     * certainly unwritten (also when its partition could not have replicated it).
     */
    private static Throwable unanswered(String requestId, Throwable e) {
        if (e instanceof ApiException) {
            return e;
        }
        if (e instanceof TimeoutException) {
            return new ApiException(504, ProblemCodes.TIMEOUT,
                    "The decision did not arrive in time; it may still be made. Check the request's outcome.",
                    Map.of("requestId", requestId));
        }
        if (e instanceof NotWrittenException) {
            // Refused before writing, once per request during an outage: the watch and the producer log the cause.
            return new ApiException(503, ProblemCodes.UNAVAILABLE,
                    "The booking system cannot store this show's requests safely right now; try again", Map.of());
        }
        log.warn("Command {} could not be written: {}", requestId, e.toString());
        return new ApiException(503, ProblemCodes.UNAVAILABLE,
                "The booking system is not reachable right now; try again", Map.of());
    }

    /**
     * The HTTP answer of an outcome: a new thing is 201 (with its Location), a change or a repeat of one 200, a
     * refusal the problem document of its code.
     */
    private static ResponseEntity<Object> answer(CommandReply reply, Function<CommandReply, Object> body,
                                                 Function<CommandReply, String> location) {
        if (!reply.ok()) {
            ResponseEntity<ProblemDetail> refusal = Problems.response(failure(reply));
            return new ResponseEntity<>(refusal.getBody(), refusal.getHeaders(), refusal.getStatusCode());
        }
        boolean created = reply.outcome() == Outcome.CREATED;
        ResponseEntity.BodyBuilder response = ResponseEntity.status(created ? 201 : 200);
        if (created && location != null) {
            response.header(HttpHeaders.LOCATION, location.apply(reply));
        }
        return response.body(body.apply(reply));
    }

    /**
     * A refusal becomes the problem document its code is answered with; a reply without an outcome, or refused
     * with a code the API does not have, is our fault.
     */
    private static ApiException failure(CommandReply reply) {
        ProblemCatalog.Entry problem = ProblemCatalog.find(reply.code());
        if (reply.outcome() == null || problem == null) {
            log.error("Malformed reply to {}: outcome {} code {}", reply.requestId(), reply.outcome(), reply.code());
            return new ApiException(500, ProblemCodes.INTERNAL, "Something went wrong on our side");
        }
        Map<String, Object> extra = reply.seats() == null ? Map.of() : Map.of("seats", reply.seats());
        String detail = reply.detail() == null ? reply.code().replace('_', ' ') : reply.detail();
        return new ApiException(problem.status(), reply.code(), detail, extra);
    }

    private static ResponseEntity<Object> overloaded() {
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(503, ProblemCodes.OVERLOADED, "Too many requests in flight; retry shortly"));
    }
}
