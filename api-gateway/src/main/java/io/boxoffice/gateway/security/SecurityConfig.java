package io.boxoffice.gateway.security;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ProblemWriter;
import io.boxoffice.gateway.GatewayProperties;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Who may call what. Tokens are RS256 JWTs issued by the user-service and verified here against its
 * published JWK set (fetched once and cached by Nimbus, refreshed when an unknown key id appears).
 * Failures are problem documents: 401 {@code unauthenticated}, 403 {@code forbidden}.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(rules -> rules
                        .pathMatchers(HttpMethod.POST, "/api/users", "/api/auth/token").permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/movies", "/api/movies/*/shows",
                                "/api/shows/*", "/api/shows/*/seats").permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/movies", "/api/shows", "/api/shows/*/cancel")
                        .hasRole(Caller.ADMIN)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(SecurityConfig::authentication))
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange.getResponse()))
                        .accessDeniedHandler((exchange, e) -> ProblemWriter.write(exchange.getResponse(), 403,
                                ProblemCodes.FORBIDDEN, "This needs a role you do not have")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange.getResponse())))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.jwtIssuer())));
        return decoder;
    }

    private static Mono<Void> unauthenticated(org.springframework.http.server.reactive.ServerHttpResponse response) {
        response.getHeaders().set("WWW-Authenticate", "Bearer");
        return ProblemWriter.write(response, 401, ProblemCodes.UNAUTHENTICATED,
                "A valid bearer token is required");
    }

    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        Collection<GrantedAuthority> authorities = (roles == null ? List.<String>of() : roles).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }
}
