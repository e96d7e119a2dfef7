package io.boxoffice.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Spreads the gateway's calls to one internal service over its instances (round robin) and moves on to the
 * next instance when one cannot serve: it refused the connection (killed), did not answer within the attempt
 * timeout (paused), or answered 503 (rebalancing). Only what is safe to repeat is repeated: a request that
 * never reached an instance always; an answered or timed-out one only when it is a read ({@code GET}).
 * Attempts stop when the budget is spent; the last answer or error stands.
 */
public final class Failover implements ExchangeFilterFunction {
    /**
     * Request attribute: try each instance at most once, without waiting for one to recover; for a caller that
     * asks again soon anyway (a poll), where waiting would only multiply its requests.
     */
    public static final String ONE_ROUND = Failover.class.getName() + ".oneRound";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

    private final List<URI> instances;
    private final Duration attemptTimeout;
    private final Duration budget;
    private final AtomicInteger rotation = new AtomicInteger();

    /**
     * @param instances      the base URLs of the service's instances (scheme, host and port)
     * @param attemptTimeout how long one repeatable attempt may wait for its answer before the next instance
     * @param budget         how long all attempts of one request may take together
     */
    public Failover(List<URI> instances, Duration attemptTimeout, Duration budget) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("At least one instance is needed");
        }
        this.instances = List.copyOf(instances);
        this.attemptTimeout = attemptTimeout;
        this.budget = budget;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        boolean repeatable = request.method() == HttpMethod.GET;
        long deadline = System.nanoTime() + budget.toNanos();
        int attempts = Boolean.TRUE.equals(request.attribute(ONE_ROUND).orElse(false)) ? instances.size()
                : Integer.MAX_VALUE;
        int first = Math.floorMod(rotation.getAndIncrement(), instances.size());
        return attempt(request, next, repeatable, first, 0, new Limits(deadline, attempts));
    }

    private Mono<ClientResponse> attempt(ClientRequest request, ExchangeFunction next, boolean repeatable, int first,
                                         int attempt, Limits limits) {
        URI instance = instances.get((first + attempt) % instances.size());
        ClientRequest aimed = ClientRequest.from(request).url(aim(request.url(), instance)).build();
        Mono<ClientResponse> exchange = next.exchange(aimed);
        if (repeatable) {
            exchange = exchange.timeout(attemptTimeout);
        }
        return exchange
                .flatMap(response -> {
                    if (repeatable && response.statusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()
                            && mayRetry(limits, attempt)) {
                        return response.releaseBody().then(again(request, next, repeatable, first, attempt, limits));
                    }
                    return Mono.just(response);
                })
                .onErrorResume(e -> (neverSent(e) || (repeatable && unanswered(e))) && mayRetry(limits, attempt),
                        e -> again(request, next, repeatable, first, attempt, limits));
    }

    private Mono<ClientResponse> again(ClientRequest request, ExchangeFunction next, boolean repeatable, int first,
                                       int attempt, Limits limits) {
        return Mono.delay(pauseBefore(attempt + 1)).then(attempt(request, next, repeatable, first, attempt + 1, limits));
    }

    private boolean mayRetry(Limits limits, int attempt) {
        return attempt + 1 < limits.attempts()
                && System.nanoTime() + pauseBefore(attempt + 1).toNanos() < limits.deadline();
    }

    /** When one request's attempts must stop: at the deadline (nanoTime), or after this many. */
    private record Limits(long deadline, int attempts) {
    }

    /** No pause before the first try of each instance; after that all of them failed once, so back off. */
    private Duration pauseBefore(int attempt) {
        if (attempt < instances.size()) {
            return Duration.ZERO;
        }
        long millis = FIRST_PAUSE.toMillis() << Math.min(attempt - instances.size(), 10);
        return Duration.ofMillis(Math.min(millis, LONGEST_PAUSE.toMillis()));
    }

    /** The connection was never made, so the instance cannot have acted on the request. */
    private static boolean neverSent(Throwable e) {
        return e instanceof WebClientRequestException && e.getCause() instanceof ConnectException;
    }

    private static boolean unanswered(Throwable e) {
        return e instanceof WebClientRequestException || e instanceof TimeoutException;
    }

    private static URI aim(URI url, URI instance) {
        return UriComponentsBuilder.fromUri(url).scheme(instance.getScheme()).host(instance.getHost())
                .port(instance.getPort()).build(true).toUri();
    }

    /** The base URLs of a comma-separated list such as {@code http://127.0.0.1:8082,http://127.0.0.1:8092}. */
    public static List<URI> instances(String urls) {
        List<URI> parsed = Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty())
                .map(URI::create).toList();
        for (URI url : parsed) {
            boolean hasPath = url.getPath() != null && url.getPath().length() > 1;
            if (url.getScheme() == null || url.getHost() == null || hasPath) {
                throw new IllegalArgumentException("Not a base URL (scheme://host:port): " + url);
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("No instance URL in '" + urls + "'");
        }
        return parsed;
    }
}
