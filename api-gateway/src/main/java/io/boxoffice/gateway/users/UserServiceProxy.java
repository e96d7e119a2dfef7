package io.boxoffice.gateway.users;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.GatewayProperties;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Routes the account endpoints to the user-service unchanged (status, body, content type): the
 * user-service owns accounts, passwords and tokens. Only these public paths are routed; the
 * user-service's internal endpoints are not reachable through the gateway.
 */
@RestController
class UserServiceProxy {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient web;

    UserServiceProxy(WebClient.Builder builder, GatewayProperties properties) {
        this.web = builder.baseUrl(properties.userServiceUrl()).build();
    }

    @PostMapping("/api/users")
    Mono<ResponseEntity<byte[]>> register(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
        return forward(HttpMethod.POST, "/api/users", body, exchange);
    }

    @PostMapping("/api/auth/token")
    Mono<ResponseEntity<byte[]>> token(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
        return forward(HttpMethod.POST, "/api/auth/token", body, exchange);
    }

    @GetMapping("/api/users/me")
    Mono<ResponseEntity<byte[]>> me(ServerWebExchange exchange) {
        return forward(HttpMethod.GET, "/api/users/me", null, exchange);
    }

    @GetMapping("/.well-known/jwks.json")
    Mono<ResponseEntity<byte[]>> jwks(ServerWebExchange exchange) {
        return forward(HttpMethod.GET, "/.well-known/jwks.json", null, exchange);
    }

    private Mono<ResponseEntity<byte[]>> forward(HttpMethod method, String path, byte[] body,
                                                 ServerWebExchange exchange) {
        HttpHeaders incoming = exchange.getRequest().getHeaders();
        WebClient.RequestBodySpec request = web.method(method).uri(path).headers(headers -> {
            copy(incoming, headers, HttpHeaders.AUTHORIZATION);
            copy(incoming, headers, HttpHeaders.CONTENT_TYPE);
            copy(incoming, headers, HttpHeaders.ACCEPT);
        });
        WebClient.RequestHeadersSpec<?> withBody = body == null ? request : request.bodyValue(body);
        return withBody.exchangeToMono(response -> response.toEntity(byte[].class))
                .map(entity -> {
                    ResponseEntity.BodyBuilder answer = ResponseEntity.status(entity.getStatusCode());
                    copyTo(entity.getHeaders(), answer, HttpHeaders.CONTENT_TYPE);
                    copyTo(entity.getHeaders(), answer, HttpHeaders.WWW_AUTHENTICATE);
                    copyTo(entity.getHeaders(), answer, HttpHeaders.LOCATION);
                    copyTo(entity.getHeaders(), answer, HttpHeaders.RETRY_AFTER);
                    return answer.body(entity.getBody());
                })
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> new ApiException(503, ProblemCodes.UNAVAILABLE,
                        "The account service is not reachable right now; try again", Map.of()));
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String name) {
        if (from.containsHeader(name)) {
            to.put(name, from.get(name));
        }
    }

    private static void copyTo(HttpHeaders from, ResponseEntity.BodyBuilder to, String name) {
        if (from.containsHeader(name)) {
            to.header(name, from.get(name).toArray(String[]::new));
        }
    }
}
