package io.boxoffice.users.token;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /.well-known/jwks.json}: the public key(s) the gateway and others verify tokens with. */
@RestController
class JwksController {
    private final Map<String, Object> jwkSet;

    JwksController(SigningKey key) {
        this.jwkSet = key.publicJwkSet();
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return jwkSet;
    }
}
