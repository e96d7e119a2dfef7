package io.boxoffice.common.streams;

import io.boxoffice.common.streams.StoreRouter.Copies;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;
import reactor.core.publisher.Mono;

/**
 * The failover rule of every keyed interactive query, shared by the services that forward reads between
 * instances: ask the copies of the key's partition in turn — the active one, then the standbys — and move on
 * while a copy is unreachable. A read forwarded to a neighbour says which copy it expects there
 * ({@link #ACTIVE} or {@link #ANY_COPY}) and is never forwarded again, so a rebalance cannot make reads loop.
 */
public final class CopyReads {
    /** The header of a read forwarded between instances; its value is the copy the read expects there. */
    public static final String FORWARDED = "X-Boxoffice-Forwarded";
    /** Only the active copy may answer (read-your-writes). */
    public static final String ACTIVE = "active";
    /** Any local copy may answer: the active one is unreachable. */
    public static final String ANY_COPY = "copy";

    private CopyReads() {
    }

    /**
     * The first answer of the copies in turn: {@code here} for this instance's copy, {@code remote} (with the
     * expected copy) for another instance's; an error that {@code moveOn} accepts tries the next copy, and
     * when none is left the read fails with {@code noneLeft}.
     */
    public static <T> Mono<T> inTurn(StoreRouter router, Copies copies, Supplier<Mono<T>> here,
                                     BiFunction<HostInfo, String, Mono<T>> remote, Predicate<Throwable> moveOn,
                                     Supplier<? extends Throwable> noneLeft) {
        return attempt(router, copies, 0, here, remote, moveOn, noneLeft);
    }

    private static <T> Mono<T> attempt(StoreRouter router, Copies copies, int index, Supplier<Mono<T>> here,
                                       BiFunction<HostInfo, String, Mono<T>> remote, Predicate<Throwable> moveOn,
                                       Supplier<? extends Throwable> noneLeft) {
        if (index >= copies.hosts().size()) {
            return Mono.error(noneLeft.get());
        }
        HostInfo host = copies.hosts().get(index);
        Mono<T> read = host.equals(router.self()) ? Mono.defer(here)
                : remote.apply(host, copies.isActive(host) ? ACTIVE : ANY_COPY);
        return read.onErrorResume(moveOn, e -> attempt(router, copies, index + 1, here, remote, moveOn, noneLeft));
    }

    /** Whether this instance may answer a read forwarded to it expecting {@code expected} ({@link #FORWARDED}). */
    public static boolean mayAnswer(StoreRouter router, String store, Copies copies, String expected) {
        return ANY_COPY.equals(expected) ? copies.hosts().contains(router.self())
                : router.activeHere(store, copies.partition());
    }
}
