package io.boxoffice.gateway.web;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ProblemWriter;
import io.boxoffice.common.web.Problems;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests Spring Security's firewall refuses (an encoded slash in the path, a header value with bytes
 * outside visible ASCII) are client mistakes: 400 {@code invalid_request} as a problem document. The
 * firewall refuses a path before the filter chain (the rejected-request handler below) but a header only
 * when something reads it, often a controller argument, which is why it is also a controller advice
 * ordered before the generic one that would call it a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RejectedRequests implements ServerExchangeRejectedHandler {
    private static final String DETAIL = "The request has characters that are not allowed in a path or header";

    @ExceptionHandler(ServerExchangeRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ServerExchangeRejectedException e) {
        return Problems.response(400, ProblemCodes.INVALID_REQUEST, DETAIL, Map.of());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException e) {
        return ProblemWriter.write(exchange.getResponse(), 400, ProblemCodes.INVALID_REQUEST, DETAIL);
    }
}
