package io.boxoffice.users.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.boxoffice.common.Ids;
import io.boxoffice.users.account.AccountView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Issues the access tokens every service verifies (the gateway by the published key set): RS256 JWTs with {@code iss}, {@code sub} (user id),
 * {@code username}, {@code roles}, {@code iat}, {@code exp} and a unique {@code jti}.
 */
public final class TokenIssuer {
    public static final String USERNAME_CLAIM = "username";
    public static final String ROLES_CLAIM = "roles";

    private final SigningKey key;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public TokenIssuer(SigningKey key, String issuer, Duration ttl, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** An access token for {@code account}, paired with the refresh token that renews it. */
    public IssuedToken issue(AccountView account, String refreshToken, Instant refreshExpiresAt) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(account.id())
                .claim(USERNAME_CLAIM, account.username())
                .claim(ROLES_CLAIM, account.roles())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(Ids.random())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), "Bearer", ttl.toSeconds(), refreshToken,
                Math.max(0, Duration.between(now, refreshExpiresAt).toSeconds()));
    }
}
