package io.boxoffice.users.account;

import io.boxoffice.users.token.TokenIssuer;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/users/me}: the caller as its verified token describes it. Answered from the token's
 * claims, with no store read: a token is the service's own signed statement and lives at most its TTL.
 */
@RestController
class MeController {

    @GetMapping("/api/users/me")
    AccountView me(@AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenIssuer.ROLES_CLAIM);
        return new AccountView(jwt.getSubject(), jwt.getClaimAsString(TokenIssuer.USERNAME_CLAIM),
                roles == null ? List.of() : roles);
    }
}
