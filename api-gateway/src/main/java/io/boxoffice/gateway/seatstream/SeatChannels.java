package io.boxoffice.gateway.seatstream;

import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.gateway.GatewayProperties;
import io.boxoffice.gateway.query.ProcessorQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The shows this gateway's streams watch, each a {@link ShowChannel}. The feed hands every decision of a watched
 * show here (decisions of other shows are never even parsed) and flushes them at a fixed interval; a stream opens
 * here. A show's first stream asks its writer for a snapshot, which every stream opened meanwhile shares; an
 * unknown show is the writer's 404, before anything is streamed. A show no stream has watched for the linger time
 * is forgotten.
 */
@Component
public class SeatChannels {
    private static final Logger log = LoggerFactory.getLogger(SeatChannels.class);
    private final Map<String, ShowChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Mono<ShowChannel>> hydrations = new ConcurrentHashMap<>();
    private final ProcessorQueries queries;
    private final GatewayProperties.SeatStream settings;

    SeatChannels(ProcessorQueries queries, GatewayProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.queries = queries;
        this.settings = properties.seatStream();
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("boxoffice.seat.streams.open", this, SeatChannels::streams)
                    .description("Live seat streams open on this gateway").register(registry);
            Gauge.builder("boxoffice.seat.streams.shows", channels, Map::size)
                    .description("Shows this gateway's live seat streams watch").register(registry);
        }
    }

    /** A stream of {@code showId}'s seat map: a snapshot, then its changes; an error when there is no such show. */
    Mono<Flux<byte[]>> open(String showId) {
        return channel(showId).flatMap(channel -> {
            Flux<byte[]> frames = channel.subscribe();
            // Forgotten between the two (idle for the whole linger time): a new channel, with a new snapshot.
            return frames != null ? Mono.just(frames) : open(showId);
        });
    }

    private Mono<ShowChannel> channel(String showId) {
        ShowChannel known = channels.get(showId);
        if (known != null && known.usable()) {
            return Mono.just(known);
        }
        return hydrations.computeIfAbsent(showId, id -> {
            // Registered before the snapshot is asked for, so that the feed keeps every decision from now on.
            ShowChannel channel = channels.computeIfAbsent(id, key -> new ShowChannel(key, settings.bufferFrames()));
            return queries.seats(id)
                    .map(map -> {
                        channel.hydrate(map);
                        return channel;
                    })
                    .doOnError(e -> channels.remove(id, channel))
                    .doFinally(signal -> hydrations.remove(id))
                    .cache();
        });
    }

    /** Whether a show has streams (or is being opened): only then is its decision worth parsing. */
    boolean watches(String showId) {
        return channels.containsKey(showId);
    }

    /** A decision from {@code booking-events}, in feed order. */
    void apply(String showId, BookingEvent event) {
        ShowChannel channel = channels.get(showId);
        if (channel == null) {
            return;
        }
        SeatEvents.of(event).ifPresent(effect -> {
            if (effect == SeatEvents.Effect.UNREADABLE) {
                rehydrate(channel);
            } else {
                channel.apply(effect);
            }
        });
    }

    /** Sends every show's changes since the last flush, and forgets shows no stream has watched for a while. */
    void flush() {
        long now = System.nanoTime();
        long linger = settings.linger().toNanos();
        channels.values().forEach(channel -> {
            channel.flush();
            if (channel.closeIfIdle(linger, now)) {
                channels.remove(channel.showId(), channel);
            }
        });
    }

    /**
     * The show's state is asked of its writer again (a decision of it could not be read); its streams get the new
     * snapshot. Decisions read meanwhile are kept and replayed on it.
     */
    void rehydrate(String showId) {
        ShowChannel channel = channels.get(showId);
        if (channel != null) {
            rehydrate(channel);
        }
    }

    /** Every show is asked of its writer again: the feed starts over from the end and may have missed decisions. */
    void rehydrateAll() {
        channels.values().forEach(this::rehydrate);
    }

    private void rehydrate(ShowChannel channel) {
        channel.startRehydration();
        queries.seats(channel.showId()).retryWhen(Retry.backoff(5, Duration.ofMillis(200)))
                .subscribe(channel::rehydrate, error -> closeAfterFailedRehydration(channel, error));
    }

    /** Without a trustworthy state the streams end: clients reconnect, and a new channel starts from the writer. */
    private void closeAfterFailedRehydration(ShowChannel channel, Throwable error) {
        log.warn("Could not read show {}'s seats again ({}); its streams end and reconnect", channel.showId(),
                error.toString());
        channels.remove(channel.showId(), channel);
        channel.close();
    }

    int streams() {
        return channels.values().stream().mapToInt(ShowChannel::streams).sum();
    }
}
