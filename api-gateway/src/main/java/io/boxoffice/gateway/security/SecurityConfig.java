package io.boxoffice.gateway.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.boxoffice.gateway.GatewayProperties;
import io.boxoffice.gateway.upstream.Upstreams;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Who may call what. Tokens are RS256 JWTs issued by the user-service and verified here against its
 * published JWK set (fetched once and cached by Nimbus, refreshed when an unknown key id appears).
 * Public routes ignore any bearer token, so a stale token never keeps a client from logging in again.
 * Routes that act for a caller require one; paths no handler serves are let through so that the
 * dispatcher answers 404/405, and {@link Caller#of} still refuses to act without a verified token. The hot
 * routes ({@link #SELF_AUTHENTICATED}) bypass this chain and apply the same rule themselves; the firewall still
 * sees them.
 */
@Configuration
class SecurityConfig {
    static final ServerWebExchangeMatcher PUBLIC = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/users", "/api/auth/token",
                    "/api/auth/refresh"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/movies",
                    "/api/movies/*", "/api/movies/*/shows", "/api/shows/*", "/api/shows/*/seats",
                    "/api/shows/*/seats/events"),
            ServerWebExchangeMatchers.pathMatchers("/actuator/health", "/actuator/health/**",
                    "/actuator/prometheus"),
            // The API's description (springdoc): the OpenAPI document and Swagger UI.
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**",
                    "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"));
    /**
     * The hot routes, which authenticate themselves with {@link BearerAuthentication} instead of this chain: booking,
     * holding, and the benchmark's ceiling, which must cost what a booking costs up to Kafka.
     */
    static final ServerWebExchangeMatcher SELF_AUTHENTICATED = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
            "/api/shows/*/bookings", "/api/shows/*/holds", "/api/bench/ceiling");

    /** Spring Security's filter proxy picks the firewall up from here. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        return HeaderRules.firewall();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        BearerTokens bearer = new BearerTokens();
        return http
                .securityMatcher(new NegatedServerWebExchangeMatcher(SELF_AUTHENTICATED))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(rules -> rules
                        .matchers(PUBLIC).permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/movies", "/api/shows", "/api/shows/*/cancel")
                        .hasRole(Caller.ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/shows/*/stats", "/api/shows/*/stats/stream")
                        .hasRole(Caller.ADMIN)
                        .pathMatchers(HttpMethod.POST, "/api/auth/logout").authenticated()
                        .pathMatchers("/api/users/me", "/api/users/me/**", "/api/bookings/**",
                                "/api/booking-requests/**", "/api/holds/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(exchange -> PUBLIC.matches(exchange)
                                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange)))
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(SecurityConfig::authentication))
                        .authenticationEntryPoint(SecurityProblems::unauthenticated)
                        .authenticationFailureHandler(SecurityProblems::failed)
                        .accessDeniedHandler(SecurityProblems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(SecurityProblems::unauthenticated)
                        .accessDeniedHandler(SecurityProblems::forbidden))
                .build();
    }

    /**
     * Besides signature and issuer: a token must expire and must name its user. A key set that cannot
     * be fetched surfaces from Nimbus as a bare IllegalStateException; it is turned into a non-"bad"
     * JwtException so that Spring reports it as an AuthenticationServiceException (our 503), not a 500.
     * Verified tokens are remembered ({@link VerifiedTokens}).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties properties, Upstreams upstreams) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(upstreams.jwkSetUri())
                .webClient(upstreams.jwkSetClient())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(properties.jwtIssuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
        ReactiveJwtDecoder verifier = token -> decoder.decode(token).onErrorMap(e -> !(e instanceof JwtException),
                e -> new JwtException("The token signing keys could not be fetched", e));
        GatewayProperties.TokenCache cache = properties.tokenCache();
        return new VerifiedTokens(verifier, cache.size(), cache.maxAge(), Ticker.systemTicker());
    }

    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        Collection<GrantedAuthority> authorities = (roles == null ? List.<String>of() : roles).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }
}
