package io.boxoffice.gateway.users;

import static io.boxoffice.common.ProblemCodes.BAD_CREDENTIALS;
import static io.boxoffice.common.ProblemCodes.COMMAND_FAILED;
import static io.boxoffice.common.ProblemCodes.INVALID_REFRESH_TOKEN;
import static io.boxoffice.common.ProblemCodes.OVERLOADED;
import static io.boxoffice.common.ProblemCodes.TOO_MANY_ATTEMPTS;
import static io.boxoffice.common.ProblemCodes.USERNAME_TAKEN;
import static io.boxoffice.gateway.openapi.Contract.Access.PUBLIC;
import static io.boxoffice.gateway.openapi.Contract.Access.USER;
import static io.boxoffice.gateway.openapi.Contract.Kind.PROXY;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.upstream.Upstreams;
import io.boxoffice.gateway.openapi.Contract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
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
 * Routes the account endpoints to a user-service instance unchanged (status, body, content type): the
 * user-service owns accounts, passwords, sessions and tokens. What changes state (a registration, a login, a
 * refresh, a logout) is sent again to another instance only when the first could not be reached at all: a repeat
 * that was decided would answer 409, count a login twice, or look like a stolen refresh token. Only these public
 * paths are routed.
 */
@RestController
class UserServiceProxy {
    /**
     * Longer than the user-service's own reply timeout (10 s by default), so that its precise answer (504
     * {@code timeout} when a registration's decision is late) reaches the client rather than ours.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final WebClient web;

    UserServiceProxy(Upstreams upstreams) {
        this.web = upstreams.userServices().build();
    }

    @PostMapping("/api/users")
    @Operation(summary = "Register an account", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = AccountSchemas.NewUser.class))))
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AccountSchemas.Registered.class)))
    @Contract(access = PUBLIC, kind = PROXY, problems = {USERNAME_TAKEN, COMMAND_FAILED})
    Mono<ResponseEntity<byte[]>> register(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
        return forward(HttpMethod.POST, "/api/users", body, exchange);
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Log in: exchange username and password for an access and a refresh token",
            description = "After 5 consecutive failures for one username, its logins answer 429 without checking the "
                    + "password for at least 30 s, longer after each further failure; a success resets the count. "
                    + "When the service cannot take more password checks it answers 503 at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AccountSchemas.Credentials.class))))
    @ApiResponse(responseCode = "200", description = "Issued",
            content = @Content(schema = @Schema(implementation = AccountSchemas.IssuedToken.class)))
    @Contract(access = PUBLIC, kind = PROXY, problems = {BAD_CREDENTIALS, TOO_MANY_ATTEMPTS, OVERLOADED})
    Mono<ResponseEntity<byte[]>> token(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
        // Not repeated on another instance: a login counts towards the throttle, and an instance's 503 overloaded
        // must reach the client at once rather than be queued here.
        return forward(HttpMethod.POST, "/api/auth/token", body, exchange);
    }

    @PostMapping("/api/auth/refresh")
    @Operation(summary = "Spend a refresh token for a new pair",
            description = "The token presented is spent. Presenting a spent token again answers 401 and revokes "
                    + "every token of its login (theft detection).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AccountSchemas.RefreshRequest.class))))
    @ApiResponse(responseCode = "200", description = "A new pair",
            content = @Content(schema = @Schema(implementation = AccountSchemas.IssuedToken.class)))
    @Contract(access = PUBLIC, kind = PROXY, problems = INVALID_REFRESH_TOKEN)
    Mono<ResponseEntity<byte[]>> refresh(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
        // Never repeated by us: a decided refresh sent again would look like a theft and revoke the login.
        return forward(HttpMethod.POST, "/api/auth/refresh", body, exchange);
    }

    @PostMapping("/api/auth/logout")
    @Operation(summary = "End the session of a refresh token",
            description = "That refresh token and every one refreshed from it stop working at once. Access tokens "
                    + "already issued stay valid until they expire (15 minutes by default).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AccountSchemas.RefreshRequest.class))))
    @ApiResponse(responseCode = "204", description = "Logged out", content = @Content)
    @Contract(access = USER, kind = PROXY, problems = INVALID_REFRESH_TOKEN)
    Mono<ResponseEntity<byte[]>> logout(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
        return forward(HttpMethod.POST, "/api/auth/logout", body, exchange);
    }

    @GetMapping("/api/users/me")
    @Operation(summary = "The caller's account")
    @ApiResponse(responseCode = "200", description = "The caller",
            content = @Content(schema = @Schema(implementation = AccountSchemas.Account.class)))
    @Contract(access = USER, kind = PROXY)
    Mono<ResponseEntity<byte[]>> me(ServerWebExchange exchange) {
        return forward(HttpMethod.GET, "/api/users/me", null, exchange);
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The public keys that verify access tokens")
    @ApiResponse(responseCode = "200", description = "The key set",
            content = @Content(schema = @Schema(implementation = AccountSchemas.JwkSet.class)))
    @Contract(access = PUBLIC, kind = PROXY)
    Mono<ResponseEntity<byte[]>> jwks(ServerWebExchange exchange) {
        return forward(HttpMethod.GET, "/.well-known/jwks.json", null, exchange);
    }

    /** Failover repeats a GET on another instance, and anything else only when it never reached one. */
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
                .onErrorMap(TimeoutException.class, e -> new ApiException(504, ProblemCodes.TIMEOUT,
                        "The account service did not answer in time; the request may still take effect", Map.of()))
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
