package io.boxoffice.gateway.web;

import io.boxoffice.common.web.ProblemAdvice;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * How the functional (hot) routes answer, so that they answer exactly as the annotated controllers do: an answer
 * is written as Spring's result handler writes a {@link ResponseEntity} (a problem's {@code instance} is the
 * request's path), and a failure gets what the one problem advice ({@link ProblemAdvice}, and {@link
 * RejectedRequests} for the firewall) answers, since no advice sees a functional route.
 */
@Component
public class RouteAnswers {
    private final ProblemAdvice advice;
    private final RejectedRequests rejected;

    RouteAnswers(ProblemAdvice advice, RejectedRequests rejected) {
        this.advice = advice;
        this.rejected = rejected;
    }

    public Mono<ServerResponse> of(ServerRequest request, ResponseEntity<?> answer) {
        Object body = answer.getBody();
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(URI.create(request.path()));
        }
        ServerResponse.BodyBuilder response = ServerResponse.status(answer.getStatusCode())
                .headers(headers -> headers.addAll(answer.getHeaders()));
        return body == null ? response.build() : response.bodyValue(body);
    }

    /**
     * A hot command route: POST on {@code path} goes to {@code handler} behind {@code authentication}; another
     * method on the path is 405 with {@code Allow}, as on every path.
     */
    public RouterFunction<ServerResponse> postOnly(String path, HandlerFunction<ServerResponse> handler,
                                                   HandlerFilterFunction<ServerResponse, ServerResponse> authentication) {
        return RouterFunctions.route(RequestPredicates.POST(path), handler).filter(authentication)
                .andRoute(RequestPredicates.path(path), request -> failure(request,
                        new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST))));
    }

    public Mono<ServerResponse> failure(ServerRequest request, Throwable failure) {
        ResponseEntity<?> answer = failure instanceof ServerExchangeRejectedException rejection
                ? rejected.rejected(rejection) : advice.problemFor(failure);
        return of(request, answer);
    }
}
