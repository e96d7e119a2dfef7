package io.boxoffice.processor.query;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Items;
import io.boxoffice.common.streams.CopyReads;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.common.streams.StoreRouter.Copies;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.common.web.RemoteProblems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a store wherever its partitions live: here, at the instance holding the active copy, or — while that
 * instance cannot be reached (killed, paused, or the group has not moved its partitions yet) — at an instance
 * holding a standby copy. A forwarded request is marked with the copy it may read ({@link CopyReads}) and is
 * never forwarded again: an instance that no longer holds that copy answers 503, and the asking instance
 * tries the next copy. A read answers 503 {@code unavailable} only when no copy of a
 * partition it needs could be read. The neighbours' problem documents (404s) pass through.
 */
@Component
public class Peers {
    public static final String FORWARDED = CopyReads.FORWARDED;
    /** The query parameter of a forwarded list read: the partitions to read here. */
    static final String PARTITIONS = "partitions";
    /** Short: a paused neighbour must not hold a read for long when a standby could answer it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final WebClient web;

    Peers() {
        // A user's bookings or the movie list of one instance can exceed the 256 KB default buffer.
        this.web = WebClient.builder()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /**
     * A read of the partition that holds {@code key} in {@code store}: {@code local} runs on a copy of that
     * partition here, else the same {@code path} is asked of the instance that holds the copy; the active copy
     * first, then each standby ({@link CopyReads}). Absent is {@code notFound}.
     */
    public <T> Mono<T> keyed(StoreRouter router, String store, String key, ServerHttpRequest request, String path,
                             Class<T> type, PartitionRead<Optional<T>> local, Supplier<ApiException> notFound) {
        String forwarded = request.getHeaders().getFirst(FORWARDED);
        return onStores(() -> router.copiesOf(store, key)).flatMap(copies -> {
            if (forwarded != null) {
                return CopyReads.mayAnswer(router, store, copies, forwarded)
                        ? here(copies.partition(), local, notFound) : Mono.error(unavailable());
            }
            return CopyReads.inTurn(router, copies, () -> here(copies.partition(), local, notFound),
                    (host, expected) -> get(host, path, type, expected), Peers::isUnavailable, Peers::unavailable);
        });
    }

    private static <T> Mono<T> here(int partition, PartitionRead<Optional<T>> local, Supplier<ApiException> notFound) {
        return onStores(() -> local.read(partition))
                .flatMap(found -> found.map(Mono::just).orElseGet(() -> Mono.error(notFound.get())));
    }

    /**
     * A list over every partition of {@code store}: each partition is read once, from its active copy, or
     * from a standby when the active one's instance does not answer. A forwarded request names the partitions
     * to read here ({@value #PARTITIONS}); the caller merges and sorts.
     */
    public <T> Mono<List<T>> gather(StoreRouter router, String store, ServerHttpRequest request, String path,
                                    Class<T> type, PartitionRead<List<T>> local) {
        String asked = request.getQueryParams().getFirst(PARTITIONS);
        if (request.getHeaders().containsHeader(FORWARDED) && asked != null) {
            return here(parse(asked), local);
        }
        return onStores(() -> router.copiesOfAll(store)).flatMap(copies ->
                collect(router, copies, copies.keySet(), Set.of(), path, type, local));
    }

    private <T> Mono<List<T>> collect(StoreRouter router, Map<Integer, Copies> copies, Set<Integer> partitions,
                                      Set<HostInfo> failed, String path, Class<T> type, PartitionRead<List<T>> local) {
        Map<HostInfo, List<Integer>> plan = new LinkedHashMap<>();
        for (int partition : partitions) {
            Optional<HostInfo> host = copies.get(partition).hosts().stream()
                    .filter(candidate -> !failed.contains(candidate)).findFirst();
            if (host.isEmpty()) {
                return Mono.error(unavailable());
            }
            plan.computeIfAbsent(host.get(), h -> new ArrayList<>()).add(partition);
        }
        return Flux.fromIterable(plan.entrySet())
                .flatMap(entry -> fetch(router, entry.getKey(), entry.getValue(), path, type, local)
                        .onErrorResume(Peers::isUnavailable, e -> {
                            Set<HostInfo> without = new HashSet<>(failed);
                            without.add(entry.getKey());
                            return collect(router, copies, Set.copyOf(entry.getValue()), without, path, type, local);
                        }))
                .collect(ArrayList<T>::new, List::addAll);
    }

    private <T> Mono<List<T>> fetch(StoreRouter router, HostInfo host, List<Integer> partitions, String path,
                                    Class<T> type, PartitionRead<List<T>> local) {
        if (host.equals(router.self())) {
            return here(partitions, local);
        }
        String uri = UriComponentsBuilder.fromUriString(url(host, path))
                .queryParam(PARTITIONS, partitions.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .build().toUriString();
        ParameterizedTypeReference<Items<T>> items = ParameterizedTypeReference.forType(
                ResolvableType.forClassWithGenerics(Items.class, type).getType());
        return web.get().uri(uri)
                .header(FORWARDED, CopyReads.ANY_COPY)
                .retrieve()
                .onStatus(HttpStatusCode::isError, response -> RemoteProblems.relay(response, Peers::unavailable))
                .bodyToMono(items)
                .map(Items::items)
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    private <T> Mono<T> get(HostInfo host, String path, Class<T> type, String copy) {
        return web.get().uri(url(host, path))
                .header(FORWARDED, copy)
                .retrieve()
                .onStatus(HttpStatusCode::isError, response -> RemoteProblems.relay(response, Peers::unavailable))
                .bodyToMono(type)
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    /** The local copies of {@code partitions}, one after the other. */
    private static <T> Mono<List<T>> here(List<Integer> partitions, PartitionRead<List<T>> local) {
        return onStores(() -> {
            List<T> found = new ArrayList<>();
            for (int partition : partitions) {
                found.addAll(local.read(partition));
            }
            return found;
        });
    }

    private static String url(HostInfo host, String path) {
        return "http://" + host.host() + ":" + host.port() + path;
    }

    private static List<Integer> parse(String partitions) {
        try {
            return Arrays.stream(partitions.split(",")).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new ApiException(400, ProblemCodes.INVALID_REQUEST, "partitions must be numbers");
        }
    }

    private static boolean isUnavailable(Throwable e) {
        return e instanceof ApiException api && api.status() == 503;
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

    /** A read of one partition's local copy. */
    @FunctionalInterface
    public interface PartitionRead<R> {
        R read(int partition);
    }
}
