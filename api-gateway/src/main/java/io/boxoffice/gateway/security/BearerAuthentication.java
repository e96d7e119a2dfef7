package io.boxoffice.gateway.security;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authentication of the hot routes (booking), which skip the security filter chain: its dozen filters and
 * matchers per request were the largest share of the gateway's cost per booking (docs/performance.md).
 * The rule is the chain's: the same bearer-token extraction, the same decoder bean (so the same
 * {@link VerifiedTokens} cache and checks), the same mapping of failures (Spring's {@link
 * JwtReactiveAuthenticationManager}), the same answers ({@link SecurityProblems}) and the same response
 * headers. Invariant: the handler behind it runs only for a verified token, and finds its {@link Caller} with
 * {@link #caller(ServerRequest)}. Which routes it guards is {@link SecurityConfig#SELF_AUTHENTICATED}.
 */
@Component
public final class BearerAuthentication implements HandlerFilterFunction<ServerResponse, ServerResponse> {
    private static final String CALLER = BearerAuthentication.class.getName() + ".caller";
    /** What the chain's default header writers add to every answer (HSTS only applies to HTTPS). */
    private static final ServerHttpHeadersWriter HEADERS = new CompositeServerHttpHeadersWriter(List.of(
            new CacheControlServerHttpHeadersWriter(), new ContentTypeOptionsServerHttpHeadersWriter(),
            new XFrameOptionsServerHttpHeadersWriter(), new XXssProtectionServerHttpHeadersWriter(),
            new ReferrerPolicyServerHttpHeadersWriter()));

    private final BearerTokens bearer = new BearerTokens();
    private final JwtReactiveAuthenticationManager tokens;

    BearerAuthentication(ReactiveJwtDecoder decoder) {
        this.tokens = new JwtReactiveAuthenticationManager(decoder);
        // Only the verified token is used (Caller.of reads its claims): no authorities are derived per request.
        tokens.setJwtAuthenticationConverter(jwt -> Mono.just(new JwtAuthenticationToken(jwt)));
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        ServerWebExchange exchange = request.exchange();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> HEADERS.writeHttpHeaders(exchange));
        return bearer.convert(exchange)
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("No bearer token")))
                .flatMap(tokens::authenticate)
                .map(authentication -> Caller.of((Jwt) authentication.getPrincipal()))
                .flatMap(caller -> {
                    request.attributes().put(CALLER, caller);
                    return next.handle(request);
                })
                // Only authentication fails this way: the handlers behind answer their own failures.
                .onErrorResume(AuthenticationException.class, BearerAuthentication::refusal);
    }

    /** The verified caller of a request that passed this filter. */
    public static Caller caller(ServerRequest request) {
        Caller caller = (Caller) request.attributes().get(CALLER);
        if (caller == null) {
            throw new IllegalStateException("No verified caller: the route is not behind BearerAuthentication");
        }
        return caller;
    }

    /** The chain's answer to the same failure: 401 with its challenge, or 503 when keys cannot be fetched. */
    private static Mono<ServerResponse> refusal(AuthenticationException e) {
        return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                .build((exchange, context) -> SecurityProblems.failed(exchange, e));
    }
}
