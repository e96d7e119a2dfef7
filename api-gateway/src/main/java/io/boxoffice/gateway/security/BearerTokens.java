package io.boxoffice.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token of a request exactly as Spring Security's {@code ServerBearerTokenAuthenticationConverter}
 * does with its defaults (the {@code Authorization} header only): no header, or one that does not start with
 * "bearer" in any case, is no token; a header that does, but is not {@code Bearer <b64token>} (RFC 6750: one space,
 * then {@code [A-Za-z0-9-._~+/]+} and trailing {@code =}), is an invalid token. It does so without the regular
 * expression, which matched the whole token character by character and cost about a tenth of the gateway's CPU
 * per booking (docs/performance.md). {@code BearerTokensTest} holds it to Spring's answers.
 */
public final class BearerTokens implements ServerAuthenticationConverter {
    private static final String SCHEME = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
                return Mono.empty();
            }
            if (!wellFormed(header)) {
                return Mono.error(new OAuth2AuthenticationException(
                        BearerTokenErrors.invalidToken("Bearer token is malformed")));
            }
            return Mono.just(new BearerTokenAuthenticationToken(header.substring(SCHEME.length())));
        });
    }

    /** {@code Bearer} in any case, one space, one or more token characters, then any number of {@code =}. */
    static boolean wellFormed(String header) {
        int length = header.length();
        if (length <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int at = SCHEME.length();
        while (at < length && tokenCharacter(header.charAt(at))) {
            at++;
        }
        if (at == SCHEME.length()) {
            return false;
        }
        while (at < length && header.charAt(at) == '=') {
            at++;
        }
        return at == length;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
