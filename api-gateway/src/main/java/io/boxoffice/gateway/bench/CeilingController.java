package io.boxoffice.gateway.bench;

import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.booking.NewBooking;
import io.boxoffice.gateway.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The launch rehearsal's ceiling ({@code ./boxoffice bench --scenario ceiling}): a booking request's
 * HTTP, JWT verification, JSON parsing and validation, and nothing else: no Kafka, no processor. The
 * booking path's throughput is reported as a fraction of what this endpoint sustains on the same machine.
 * Off unless {@code boxoffice.gateway.bench-endpoint} (or the environment variable
 * {@code BOXOFFICE_BENCH_ENDPOINT}) is {@code true}; off, its path is unknown (404) like any other.
 * Not part of the public contract, hence hidden from the OpenAPI document.
 */
@RestController
@ConditionalOnExpression("${boxoffice.gateway.bench-endpoint:${BOXOFFICE_BENCH_ENDPOINT:false}}")
class CeilingController {

    /** The tiny answer: what a booking would have been asked for. */
    record Ceiling(String status, int seats) {
    }

    @Hidden
    @PostMapping("/api/bench/ceiling")
    Mono<Ceiling> ceiling(@AuthenticationPrincipal Jwt jwt,
                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                          @RequestBody NewBooking body) {
        Caller.of(jwt);
        Validation.idempotencyKey(key);
        body.validate();
        return Mono.just(new Ceiling("OK", body.seats().size()));
    }
}
