package io.boxoffice.gateway.booking;

import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.requests.RequestOutcome;
import io.boxoffice.gateway.security.BearerAuthentication;
import io.boxoffice.gateway.security.Caller;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * A booking request's body and headers as the booking route reads them, checked as far as the gateway can check it before anything is
 * sent: the body's shape ({@link NewBooking#validate()}) and the {@code Idempotency-Key}, each a 400 when malformed.
 * Public so that the benchmark's ceiling does exactly this work.
 *
 * @param idempotencyKey null when the request has none
 * @param async          whether {@code Prefer} asks for {@code respond-async}
 */
public record BookingRequest(Caller caller, String idempotencyKey, boolean async, NewBooking body) {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PREFER = "Prefer";

    /** Reads a request that passed {@link BearerAuthentication}. */
    public static Mono<BookingRequest> read(ServerRequest request) {
        Caller caller = BearerAuthentication.caller(request);
        return request.bodyToMono(NewBooking.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("No request body")))
                .map(body -> {
                    String key = Validation.idempotencyKey(request.headers().firstHeader(IDEMPOTENCY_KEY));
                    body.validate();
                    return new BookingRequest(caller, key,
                            RequestOutcome.prefersAsync(request.headers().header(PREFER)), body);
                });
    }
}
