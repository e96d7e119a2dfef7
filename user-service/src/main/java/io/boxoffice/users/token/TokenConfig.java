package io.boxoffice.users.token;

import io.boxoffice.users.UsersProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads (or creates) the signing key at start-up, so a bad key file stops the service before it serves. */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

    @Bean
    SigningKey signingKey(UsersProperties properties) {
        return SigningKey.fromFile(Path.of(properties.jwtKeyFile()));
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKey signingKey, UsersProperties properties) {
        return new TokenIssuer(signingKey, properties.jwtIssuer(), properties.jwtTtl(), Clock.systemUTC());
    }
}
