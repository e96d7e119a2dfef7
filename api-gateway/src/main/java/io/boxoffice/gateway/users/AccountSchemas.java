package io.boxoffice.gateway.users;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The user-service's request and answer bodies, which {@link UserServiceProxy} forwards byte for byte. They
 * exist only to describe those routes in the OpenAPI document; the user-service's own classes (and its
 * validation) are the truth, and these mirror them.
 */
final class AccountSchemas {
    private AccountSchemas() {
    }

    @Schema(name = "NewUser", description = "A registration")
    record NewUser(
            @Schema(requiredMode = REQUIRED, pattern = "^[A-Za-z0-9_.-]{3,32}$", example = "alice") String username,
            @Schema(requiredMode = REQUIRED, format = "password", minLength = 8,
                    description = "At least 8 characters, at most 72 bytes in UTF-8") String password,
            @Schema(description = "Optional; at most 254 characters", example = "alice@example.org") String email) {
    }

    @Schema(name = "RegisteredUser", description = "The account a registration created")
    record Registered(@Schema(example = "q8w2e4r6t8y0u1i3") String id, @Schema(example = "alice") String username) {
    }

    @Schema(name = "Credentials")
    record Credentials(@Schema(requiredMode = REQUIRED, example = "alice") String username,
                       @Schema(requiredMode = REQUIRED, format = "password") String password) {
    }

    @Schema(name = "TokenPair", description = "What a login or a refresh answers: an access token to send as "
            + "`Authorization: Bearer <accessToken>`, and the refresh token that gets the next pair")
    record IssuedToken(@Schema(description = "A signed JWT (RS256)") String accessToken,
                       @Schema(allowableValues = "Bearer") String tokenType,
                       @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
                       @Schema(description = "Opaque and single-use: POST it to /api/auth/refresh for a new pair, or "
                               + "to /api/auth/logout to end the session. Presenting a spent one again revokes every "
                               + "token of its login") String refreshToken,
                       @Schema(description = "Seconds until the refresh token expires unless used",
                               example = "1209600") long refreshExpiresIn) {
    }

    @Schema(name = "RefreshRequest")
    record RefreshRequest(@Schema(requiredMode = REQUIRED, description = "A refresh token from a login or a refresh")
                          String refreshToken) {
    }

    @Schema(name = "Account", description = "The caller, as its token names it")
    record Account(@Schema(example = "q8w2e4r6t8y0u1i3") String id, @Schema(example = "alice") String username,
                   @Schema(example = "[\"USER\"]") List<String> roles) {
    }

    @Schema(name = "JwkSet", description = "RFC 7517 JWK set with the public keys that verify access tokens")
    record JwkSet(List<Jwk> keys) {
    }

    @Schema(name = "Jwk", description = "An RSA public key (RFC 7517)")
    record Jwk(@Schema(example = "RSA") String kty, String kid, @Schema(example = "sig") String use,
               @Schema(example = "RS256") String alg, @Schema(description = "Modulus, base64url") String n,
               @Schema(description = "Exponent, base64url", example = "AQAB") String e) {
    }
}
