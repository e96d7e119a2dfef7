package io.boxoffice.gateway.web;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.common.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last net for failures no controller advice saw (filters, the security chain, the codec layer):
 * answers problem+json with a stable code instead of Spring Boot's default error JSON. Runs before
 * Boot's own handler (order -1); never writes a stack trace.
 */
@Component
@Order(-2)
class FallbackProblems implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FallbackProblems.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ApiException api) {
            return ProblemWriter.write(exchange.getResponse(), api.status(), api.code(), api.getMessage());
        }
        if (error instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            if (code < 500) {
                return ProblemWriter.write(exchange.getResponse(), code, codeOf(code), "The request was not accepted");
            }
        }
        log.error("Unexpected failure of {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        return ProblemWriter.write(exchange.getResponse(), 500, ProblemCodes.INTERNAL,
                "Something went wrong on our side");
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> ProblemCodes.UNAUTHENTICATED;
            case 403 -> ProblemCodes.FORBIDDEN;
            case 404 -> ProblemCodes.NOT_FOUND;
            case 405 -> ProblemCodes.METHOD_NOT_ALLOWED;
            case 413 -> ProblemCodes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemCodes.INVALID_REQUEST;
        };
    }
}
