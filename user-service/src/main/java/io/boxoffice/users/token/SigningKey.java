package io.boxoffice.users.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Map;

/**
 * The service's RS256 key pair: signs tokens, verifies them (this service is its own resource server)
 * and is published as a JWK set whose key id is the RFC 7638 thumbprint, so the id changes exactly when
 * the key does. {@link #toString()} never shows key material.
 */
public final class SigningKey {
    private final RSAKey jwk;
    private final JWSSigner signer;

    private SigningKey(RSAKey jwk) {
        this.jwk = jwk;
        try {
            this.signer = new RSASSASigner(jwk);
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key cannot sign RS256", e);
        }
    }

    public static SigningKey fromFile(Path path) {
        RSAPrivateCrtKey privateKey = KeyFile.loadOrCreate(path);
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey base = new RSAKey.Builder(publicKey).privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return new SigningKey(new RSAKey.Builder(base).keyID(base.computeThumbprint().toString()).build());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot derive the public JWT key", e);
        }
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    public RSAPublicKey publicKey() {
        try {
            return jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    JWSSigner signer() {
        return signer;
    }

    /** The public JWK set document (no private parts). */
    public Map<String, Object> publicJwkSet() {
        return new JWKSet(jwk.toPublicJWK()).toJSONObject();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId() + "]";
    }
}
