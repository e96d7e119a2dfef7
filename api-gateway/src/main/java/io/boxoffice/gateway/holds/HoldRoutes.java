package io.boxoffice.gateway.holds;

import io.boxoffice.gateway.security.BearerAuthentication;
import io.boxoffice.gateway.web.RouteAnswers;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The hold route, the hot path of a checkout storm, built as the booking route is: a functional endpoint that
 * authenticates itself. Its contract, problems and OpenAPI description are those of {@link HoldHandler#hold}.
 */
@Configuration
class HoldRoutes {
    static final String HOLDS = "/api/shows/{showId}/holds";

    @Bean
    @RouterOperation(path = HOLDS, method = org.springframework.web.bind.annotation.RequestMethod.POST,
            beanClass = HoldHandler.class, beanMethod = "hold")
    RouterFunction<ServerResponse> holdRoute(HoldHandler handler, BearerAuthentication authentication,
                                             RouteAnswers answers) {
        return answers.postOnly(HOLDS, handler::hold, authentication);
    }
}
