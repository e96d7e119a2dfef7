package io.boxoffice.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every 503 tells the client when to come back: {@code Retry-After} is set wherever the 503 came from (shed
 * load, an unreachable processor, user-service or key set, a neighbour's own 503), unless the answer set
 * one already. Ordered first, so that it also sees the security chain's answers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryAfter implements WebFilter {
    static final String SECONDS = "1";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpStatusCode status = response.getStatusCode();
            if (status != null && status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()
                    && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
                response.getHeaders().set(HttpHeaders.RETRY_AFTER, SECONDS);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
