package io.boxoffice.gateway.security;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security layer's answers, written as problem documents because they happen before any
 * controller. WWW-Authenticate follows RFC 6750: a bare challenge when no token came, {@code
 * invalid_token} when one came and failed, {@code insufficient_scope} on 403. A token that cannot be
 * checked because the key set is unreachable is our outage (503), not the client's fault (401).
 */
final class SecurityProblems {
    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private SecurityProblems() {
    }

    static Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException e) {
        ServerHttpResponse response = exchange.getResponse();
        boolean tokenPresented = e instanceof OAuth2AuthenticationException;
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
        return ProblemWriter.write(response, 401, ProblemCodes.UNAUTHENTICATED, tokenPresented
                ? "The bearer token is malformed, expired or not signed by Boxoffice"
                : "A valid bearer token is required");
    }

    static Mono<Void> failed(WebFilterExchange exchange, AuthenticationException e) {
        return failed(exchange.getExchange(), e);
    }

    static Mono<Void> failed(ServerWebExchange exchange, AuthenticationException e) {
        if (e instanceof AuthenticationServiceException) {
            log.warn("Cannot verify bearer tokens: {}", e.toString());
            ServerHttpResponse response = exchange.getResponse();
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return ProblemWriter.write(response, 503, ProblemCodes.UNAVAILABLE,
                    "Tokens cannot be verified right now; try again");
        }
        return unauthenticated(exchange, e);
    }

    static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException e) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return ProblemWriter.write(response, 403, ProblemCodes.FORBIDDEN, "This needs a role you do not have");
    }
}
