package io.boxoffice.gateway.command;

import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.requests.RequestOutcome;
import io.boxoffice.gateway.security.BearerAuthentication;
import io.boxoffice.gateway.security.Caller;
import java.util.function.Consumer;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * A command request's body and headers as the command routes read them, checked as far as the gateway can check
 * them before anything is sent: the body's shape (the {@code check} of its type) and the {@code Idempotency-Key},
 * each a 400 when malformed. Public so that the benchmark's ceiling does exactly this work.
 *
 * @param idempotencyKey null when the request has none
 * @param async          whether {@code Prefer} asks for {@code respond-async}
 */
public record CommandRequest<B>(Caller caller, String idempotencyKey, boolean async, B body) {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String PREFER = "Prefer";
    /** The OpenAPI descriptions every command route with these headers shares. */
    public static final String IDEMPOTENCY_DOC = "1-64 visible ASCII characters. A repeat with the same key by the "
            + "same user for the same show is the same request: it returns the original outcome (same status, same "
            + "booking or hold) and changes nothing more, even with another body, for 24 h.";
    public static final String ACCEPTED_DOC = "With `Prefer: respond-async`: the command is durable in Kafka; "
            + "its outcome is read at the Location";
    public static final String PREFER_DOC = "`respond-async` asks for 202 as soon as the command is durable; other "
            + "preferences (e.g. `wait`) are ignored.";

    /** Reads a request that passed {@link BearerAuthentication}. */
    public static <B> Mono<CommandRequest<B>> read(ServerRequest request, Class<B> type, Consumer<B> check) {
        Caller caller = BearerAuthentication.caller(request);
        return request.bodyToMono(type)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("No request body")))
                .map(body -> {
                    String key = Validation.idempotencyKey(request.headers().firstHeader(IDEMPOTENCY_KEY));
                    check.accept(body);
                    return new CommandRequest<>(caller, key,
                            RequestOutcome.prefersAsync(request.headers().header(PREFER)), body);
                });
    }
}
