package io.boxoffice.gateway.booking;

import io.boxoffice.gateway.security.BearerAuthentication;
import io.boxoffice.gateway.web.RouteAnswers;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The booking route, the hot path of a launch, as a functional endpoint: no annotation-driven argument
 * resolution, no security filter chain (it authenticates itself with {@link BearerAuthentication}), and answers
 * written as the annotated controllers write theirs ({@link RouteAnswers}). Its contract, problems and OpenAPI
 * description are those of {@link BookingHandler#book}. Another method on its path is 405 with {@code Allow}, as
 * on every path.
 */
@Configuration
class BookingRoutes {
    static final String BOOKINGS = "/api/shows/{showId}/bookings";

    @Bean
    @RouterOperation(path = BOOKINGS, method = org.springframework.web.bind.annotation.RequestMethod.POST,
            beanClass = BookingHandler.class, beanMethod = "book")
    RouterFunction<ServerResponse> bookingRoute(BookingHandler handler, BearerAuthentication authentication,
                                                RouteAnswers answers) {
        return answers.postOnly(BOOKINGS, handler::book, authentication);
    }
}
