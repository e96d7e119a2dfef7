package io.boxoffice.users.token;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/token}: exchanges a username and password for an access token. Unknown user and
 * wrong password are the same 401 {@code bad_credentials}, in the same time.
 */
@RestController
class TokenController {
    private final Authenticator authenticator;
    private final TokenIssuer issuer;

    TokenController(Authenticator authenticator, TokenIssuer issuer) {
        this.authenticator = authenticator;
        this.issuer = issuer;
    }

    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<IssuedToken> token(@RequestBody Credentials credentials) {
        if (credentials.username() == null || credentials.password() == null) {
            throw new ApiException(400, ProblemCodes.INVALID_REQUEST, "username and password are required");
        }
        return authenticator.authenticate(credentials.username(), credentials.password())
                .map(account -> issuer.issue(account.orElseThrow(() -> new ApiException(401,
                        ProblemCodes.BAD_CREDENTIALS, "Unknown username or wrong password"))));
    }
}
