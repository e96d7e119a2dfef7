package io.boxoffice.gateway.upstream;

import io.boxoffice.gateway.GatewayProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's clients of its internal services, each spread over all instances of that service with
 * {@link Failover}. A processor read may wait for a failover inside the processor (a neighbour's timeout),
 * so its attempt timeout is longer than that. A password check costs a bcrypt run and may queue behind
 * others under a login flood, so the user-service gets more time per attempt. All attempts of one call
 * together take at most the reply timeout.
 */
@Component
public class Upstreams {
    static final Duration PROCESSOR_ATTEMPT = Duration.ofSeconds(4);
    static final Duration USER_SERVICE_ATTEMPT = Duration.ofSeconds(6);

    private final WebClient.Builder builder;
    private final GatewayProperties properties;

    Upstreams(WebClient.Builder builder, GatewayProperties properties) {
        this.builder = builder;
        this.properties = properties;
    }

    /** A client of the booking-processors, based at {@code path} on whichever instance answers. */
    public WebClient.Builder processors(String path) {
        return builder.clone()
                .baseUrl(properties.processorInstances().get(0) + path)
                .filter(new Failover(properties.processorInstances(), PROCESSOR_ATTEMPT, properties.replyTimeout()));
    }

    /** A client of the user-services, based at their root on whichever instance answers. */
    public WebClient.Builder userServices() {
        return builder.clone()
                .baseUrl(properties.userServiceInstances().get(0).toString())
                .filter(new Failover(properties.userServiceInstances(), USER_SERVICE_ATTEMPT,
                        properties.replyTimeout()));
    }

    /** Where the token signing keys are published: the configured URI, else the user-services' own path. */
    public String jwkSetUri() {
        return jwkSetConfigured() ? properties.jwkSetUri()
                : properties.userServiceInstances().get(0) + "/.well-known/jwks.json";
    }

    /** The client that fetches {@link #jwkSetUri()}: failing over between user-services when it is theirs. */
    public WebClient jwkSetClient() {
        return jwkSetConfigured() ? builder.clone().build() : userServices().build();
    }

    private boolean jwkSetConfigured() {
        return properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank();
    }
}
