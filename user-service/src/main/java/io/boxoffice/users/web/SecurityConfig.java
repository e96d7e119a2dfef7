package io.boxoffice.users.web;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ProblemWriter;
import io.boxoffice.users.UsersProperties;
import io.boxoffice.users.token.SigningKey;
import io.boxoffice.users.token.TokenIssuer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Who may call what on the user-service. Registration, login, refresh, the JWK set and actuator are open (the
 * gateway does not route {@code /actuator}); everything else, logout included, needs a token this service
 * signed, checked with its own public key and issuer. Stateless: no sessions, CSRF, form or basic login. Failures are
 * problem documents: 401 {@code unauthenticated}, 403 {@code forbidden}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(rules -> rules
                        .pathMatchers(HttpMethod.POST, "/api/users", "/api/auth/token", "/api/auth/refresh").permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .pathMatchers("/actuator/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(SecurityConfig::authentication))
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange.getResponse()))
                        .accessDeniedHandler((exchange, e) -> forbidden(exchange.getResponse())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange.getResponse()))
                        .accessDeniedHandler((exchange, e) -> forbidden(exchange.getResponse())))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKey key, UsersProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.jwtIssuer()));
        return decoder;
    }

    private static Mono<Void> unauthenticated(ServerHttpResponse response) {
        response.getHeaders().set("WWW-Authenticate", "Bearer");
        return ProblemWriter.write(response, 401, ProblemCodes.UNAUTHENTICATED, "A valid bearer token is required");
    }

    private static Mono<Void> forbidden(ServerHttpResponse response) {
        return ProblemWriter.write(response, 403, ProblemCodes.FORBIDDEN, "This needs a role you do not have");
    }

    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenIssuer.ROLES_CLAIM);
        List<GrantedAuthority> authorities = (roles == null ? List.<String>of() : roles).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }
}
