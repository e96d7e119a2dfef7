package io.boxoffice.gateway.bench;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import io.boxoffice.gateway.booking.NewBooking;
import io.boxoffice.gateway.command.CommandRequest;
import io.boxoffice.gateway.security.BearerAuthentication;
import io.boxoffice.gateway.web.RouteAnswers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The launch rehearsal's ceiling ({@code ./boxoffice bench --scenario ceiling}): a booking request's
 * HTTP, authentication, JSON parsing and validation on the booking route's own code, and nothing else: no Kafka,
 * no processor. The booking path's throughput is reported as a fraction of what this endpoint sustains on the
 * same machine. Off unless {@code boxoffice.gateway.bench-endpoint} (or the environment variable
 * {@code BOXOFFICE_BENCH_ENDPOINT}) is {@code true}; off, its path is unknown (404) like any other.
 * Not part of the public contract, hence not in the OpenAPI document.
 */
@Configuration
@ConditionalOnExpression("${boxoffice.gateway.bench-endpoint:${BOXOFFICE_BENCH_ENDPOINT:false}}")
class CeilingRoutes {
    static final String CEILING = "/api/bench/ceiling";

    /** The tiny answer: what a booking would have been asked for. */
    record Ceiling(String status, int seats) {
    }

    @Bean
    RouterFunction<ServerResponse> ceilingRoute(BearerAuthentication authentication, RouteAnswers answers) {
        return RouterFunctions.route(POST(CEILING), request -> CommandRequest.read(request, NewBooking.class,
                                NewBooking::validate)
                        .flatMap(booking -> ServerResponse.ok()
                                .bodyValue(new Ceiling("OK", booking.body().seats().size())))
                        .onErrorResume(failure -> answers.failure(request, failure)))
                .filter(authentication);
    }
}
