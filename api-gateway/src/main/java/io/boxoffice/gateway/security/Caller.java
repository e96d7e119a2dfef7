package io.boxoffice.gateway.security;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The verified caller of a request: the token's subject and whether it carries the ADMIN role.
 * Invariant: a handler that needs a caller never runs without one, even if a route was left out of
 * the security rules; {@link #of} then answers 401 instead of acting for nobody.
 */
public record Caller(String userId, boolean admin) {
    public static final String ADMIN = "ADMIN";

    public static Caller of(Jwt jwt) {
        if (jwt == null || jwt.getSubject() == null) {
            throw new ApiException(401, ProblemCodes.UNAUTHENTICATED, "A valid bearer token is required");
        }
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), roles != null && roles.contains(ADMIN));
    }

    /** Whether this caller may see or change something owned by {@code ownerId}. */
    public boolean mayAccess(String ownerId) {
        return admin || userId.equals(ownerId);
    }
}
