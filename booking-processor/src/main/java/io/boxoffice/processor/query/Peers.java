package io.boxoffice.processor.query;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Items;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.common.web.RemoteProblems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks the other processor instances for what their partitions hold. A forwarded request is marked, so
 * that an instance which does not own the key either (ownership moved meanwhile) answers 503 instead of
 * forwarding again. Their problem documents pass through; an unreachable peer is 503 {@code unavailable}.
 */
@Component
public class Peers {
    public static final String FORWARDED = "X-Boxoffice-Forwarded";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient web;

    Peers() {
        // A user's bookings or the movie list of one instance can exceed the 256 KB default buffer.
        this.web = WebClient.builder()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    public <T> Mono<T> get(HostInfo host, String path, Class<T> type) {
        return web.get().uri("http://" + host.host() + ":" + host.port() + path)
                .header(FORWARDED, "1")
                .retrieve()
                .onStatus(HttpStatusCode::isError, response -> RemoteProblems.relay(response, Peers::unavailable))
                .bodyToMono(type)
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    <T> Mono<List<T>> list(HostInfo host, String path, Class<T> element) {
        ParameterizedTypeReference<Items<T>> type = ParameterizedTypeReference.forType(
                ResolvableType.forClassWithGenerics(Items.class, element).getType());
        return web.get().uri("http://" + host.host() + ":" + host.port() + path)
                .header(FORWARDED, "1")
                .retrieve()
                .onStatus(HttpStatusCode::isError, response -> RemoteProblems.relay(response, Peers::unavailable))
                .bodyToMono(type)
                .map(Items::items)
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    /**
     * A read of the partition that holds {@code key} in {@code store}: answered from {@code local} when this
     * instance owns it as active, else forwarded to the owner's same path, once (a forwarded request that
     * does not find its owner here is a 503). Absent locally is {@code notFound}.
     */
    public <T> Mono<T> atOwner(StoreRouter router, String store, String key, ServerHttpRequest request,
                               Class<T> type, Callable<Optional<T>> local, Supplier<ApiException> notFound) {
        return onStores(() -> router.remoteOwner(store, key)).flatMap(owner -> {
            if (owner.isPresent()) {
                return request.getHeaders().containsHeader(FORWARDED) ? Mono.error(unavailable())
                        : get(owner.get(), request.getURI().getRawPath(), type);
            }
            return onStores(local).flatMap(found -> found.map(Mono::just)
                    .orElseGet(() -> Mono.error(notFound.get())));
        });
    }

    /** Store access runs off the event loop, and a store that is migrating is a 503, not a 500. */
    public static <T> Mono<T> onStores(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(InvalidStateStoreException.class, e -> unavailable());
    }

    public static ApiException unavailable() {
        return new ApiException(503, ProblemCodes.UNAVAILABLE,
                "The booking system is rebalancing or partly unreachable; try again", Map.of());
    }
}
