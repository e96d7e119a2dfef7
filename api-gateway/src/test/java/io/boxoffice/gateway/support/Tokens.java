package io.boxoffice.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Mints tokens the way the user-service does (RS256, iss=boxoffice, sub, username, roles) with a key
 * pair made for the test run, whose public half {@link StubServer} publishes as the JWK set. A second
 * key pair with the same key id signs tokens that must be refused.
 */
public final class Tokens {
    static final String KEY_ID = "test-signing-key";
    private static final RSAKey TRUSTED = generate();
    private static final RSAKey FOREIGN = generate();

    private Tokens() {
    }

    public static String jwkSet() {
        return new JWKSet(TRUSTED.toPublicJWK()).toString();
    }

    public static String user(String userId) {
        return sign(TRUSTED, claims(userId, List.of("USER")).build());
    }

    public static String admin(String userId) {
        return sign(TRUSTED, claims(userId, List.of("USER", "ADMIN")).build());
    }

    /** A user token changed by {@code change}, signed by the trusted key. */
    public static String userWith(String userId, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(TRUSTED, change.apply(claims(userId, List.of("USER"))).build());
    }

    public static String signedByForeignKey(String userId) {
        return sign(FOREIGN, claims(userId, List.of("USER", "ADMIN")).build());
    }

    /** Signed with an HMAC secret: a token anyone could forge if the gateway accepted the algorithm. */
    public static String signedWithHmac(String userId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    claims(userId, List.of("USER", "ADMIN")).build());
            jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef"));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String userId, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("boxoffice").subject(userId).claim("username", "name-" + userId)
                .claim("roles", roles).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
