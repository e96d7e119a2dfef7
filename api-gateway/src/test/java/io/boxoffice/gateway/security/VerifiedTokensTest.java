package io.boxoffice.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The verified-token cache: repeats skip verification, failures and other tokens do not, entries expire. */
class VerifiedTokensTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger verifications = new AtomicInteger();

    /** Accepts tokens starting with "good", expiring {@code ttl} from now; refuses the rest. */
    private ReactiveJwtDecoder verifier(Duration ttl) {
        return token -> {
            verifications.incrementAndGet();
            if (!token.startsWith("good")) {
                return Mono.error(new BadJwtException("bad signature"));
            }
            Instant now = Instant.now();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u1")
                    .issuedAt(now).expiresAt(now.plus(ttl)).build());
        };
    }

    private VerifiedTokens cache(Duration ttl, Duration maxAge) {
        return new VerifiedTokens(verifier(ttl), 100, maxAge, nanos::get);
    }

    @Test
    void shouldVerifyOnceWhenTheSameTokenRepeats() {
        // given
        VerifiedTokens tokens = cache(Duration.ofHours(1), Duration.ofMinutes(5));
        // when
        Jwt first = tokens.decode("good-1").block();
        Jwt second = tokens.decode("good-1").block();
        // then
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void shouldVerifyAgainWhenTokenDiffersOrWasRefused() {
        // given
        VerifiedTokens tokens = cache(Duration.ofHours(1), Duration.ofMinutes(5));
        tokens.decode("good-1").block();
        // when
        tokens.decode("good-2").block();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        }
        // then
        assertThat(verifications).hasValue(4);
    }

    @Test
    void shouldVerifyAgainWhenMaxAgeHasPassed() {
        // given
        VerifiedTokens tokens = cache(Duration.ofHours(1), Duration.ofMinutes(5));
        tokens.decode("good-1").block();
        // when
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        tokens.decode("good-1").block();
        // then
        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldVerifyAgainWhenTokenHasExpiredBeforeMaxAge() {
        // given a token valid for 30 s, remembered at most 5 min
        VerifiedTokens tokens = cache(Duration.ofSeconds(30), Duration.ofMinutes(5));
        tokens.decode("good-1").block();
        // when
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        tokens.decode("good-1").block();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        tokens.decode("good-1").block();
        // then: remembered within its life, verified again (and refused by the real verifier) after
        assertThat(verifications).hasValue(2);
    }
}
