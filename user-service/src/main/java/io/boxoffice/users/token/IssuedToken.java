package io.boxoffice.users.token;

/**
 * The body of a successful login or refresh: a short-lived access token and the refresh token that renews it,
 * each with its lifetime in seconds.
 */
public record IssuedToken(String accessToken, String tokenType, long expiresIn, String refreshToken,
                          long refreshExpiresIn) {

    @Override
    public String toString() {
        return "IssuedToken[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", refreshExpiresIn="
                + refreshExpiresIn + "]";
    }
}
