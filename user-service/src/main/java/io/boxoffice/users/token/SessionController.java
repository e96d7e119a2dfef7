package io.boxoffice.users.token;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The session endpoints: {@code POST /api/auth/token} (login), {@code /api/auth/refresh} and
 * {@code /api/auth/logout}. Bodies are checked here (400 {@code invalid_request}); what they mean is decided by
 * {@link Sessions}.
 */
@RestController
class SessionController {
    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    record Refresh(String refreshToken) {
        @Override
        public String toString() {
            return "Refresh[]";
        }
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<IssuedToken> token(@RequestBody Credentials credentials) {
        if (credentials.username() == null || credentials.password() == null) {
            throw new ApiException(400, ProblemCodes.INVALID_REQUEST, "username and password are required");
        }
        return sessions.login(credentials.username(), credentials.password());
    }

    @PostMapping(path = "/api/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<IssuedToken> refresh(@RequestBody Refresh body) {
        return sessions.refresh(required(body));
    }

    @PostMapping(path = "/api/auth/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> logout(@RequestBody Refresh body, @AuthenticationPrincipal Jwt jwt) {
        return sessions.logout(required(body), jwt.getSubject(), jwt.getClaimAsString(TokenIssuer.USERNAME_CLAIM))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    private static String required(Refresh body) {
        if (body.refreshToken() == null || body.refreshToken().isBlank()) {
            throw new ApiException(400, ProblemCodes.INVALID_REQUEST, "refreshToken is required");
        }
        return body.refreshToken();
    }
}
