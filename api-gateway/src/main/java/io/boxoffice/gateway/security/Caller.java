package io.boxoffice.gateway.security;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** The verified caller of a request: the token's subject and whether it carries the ADMIN role. */
public record Caller(String userId, boolean admin) {
    public static final String ADMIN = "ADMIN";

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), roles != null && roles.contains(ADMIN));
    }

    /** Whether this caller may see or change something owned by {@code ownerId}. */
    public boolean mayAccess(String ownerId) {
        return admin || userId.equals(ownerId);
    }
}
