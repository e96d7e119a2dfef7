package io.boxoffice.users.token;

/** The body of a successful {@code POST /api/auth/token}; {@code expiresIn} is in seconds. */
public record IssuedToken(String accessToken, String tokenType, long expiresIn) {

    @Override
    public String toString() {
        return "IssuedToken[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
