package io.boxoffice.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed verification, so that a client sending the same token on every request
 * pays for Base64, JSON and the RS256 signature check once (they were ~10 % of the gateway's CPU under a
 * booking storm). Only successes are kept, keyed by the whole token string: a token that differs in one
 * byte, including its signature, is verified afresh. An entry lives until the token's {@code exp} but at
 * most {@code maxAge}, which bounds how long a withdrawn signing key keeps being honoured; the entry
 * count is bounded, the least recently used go first.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {
    private final ReactiveJwtDecoder verifier;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, long maxEntries, Duration maxAge, Ticker ticker) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, maxAge)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    /** Until the token expires (the verifier refuses tokens without {@code exp}), at most {@code maxAge}. */
    private static Duration lifetime(Jwt jwt, Duration maxAge) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration left = expiresAt == null ? Duration.ZERO : Duration.between(Instant.now(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) < 0 ? left : maxAge;
    }
}
