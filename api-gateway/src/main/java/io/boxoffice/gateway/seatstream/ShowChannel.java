package io.boxoffice.gateway.seatstream;

import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.gateway.seatstream.Frames.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One show's live seat map on this gateway and the streams that watch it. Starts hydrating: decisions from the
 * feed are kept while the show's writer is asked for a snapshot, then replayed on it, so that nothing decided
 * between the two is missed (each decision sets its seats' state outright, so a replay of one the snapshot already
 * has changes nothing in the end). Then each flush sends what changed since the last as one frame to every
 * stream.
 * <p>
 * Invariants: frames get increasing sequence numbers; a stream's first frame is a snapshot, and it never gets a
 * frame older than its last snapshot. Each stream has a buffer of its own: a client that reads too slowly loses
 * the frames it cannot take, and gets a fresh snapshot instead once it reads again; the others are not held up.
 * Everything that changes the state holds this channel's lock.
 */
final class ShowChannel {
    private final String showId;
    private final int bufferFrames;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<SeatEvents.Effect> early = new ArrayList<>();
    private ShowSeats seats;
    private long seq;
    private Frame snapshot;
    private long idleSinceNanos = System.nanoTime();
    private boolean closed;
    private boolean rehydrating;

    ShowChannel(String showId, int bufferFrames) {
        this.showId = showId;
        this.bufferFrames = bufferFrames;
    }

    /** One stream: its own bounded buffer, and whether it lost frames since it last read a snapshot. */
    private final class Subscriber {
        // Bounded to exactly bufferFrames (Reactor's own queues round up, to at least 8).
        private final Sinks.Many<Frame> sink = Sinks.many().unicast()
                .onBackpressureBuffer(new ArrayBlockingQueue<>(bufferFrames));
        private final AtomicBoolean overflowed = new AtomicBoolean();
        private long lastSeq = -1;

        void offer(Frame frame) {
            // Full (overflow, or before the client's first read): what it misses is made up by a snapshot.
            if (sink.tryEmitNext(frame).isFailure()) {
                overflowed.set(true);
            }
        }

        /** What the client gets: a fresh snapshot in place of what it lost, and nothing older than it. */
        Flux<byte[]> frames() {
            return sink.asFlux().handle((frame, out) -> {
                Frame next = frame;
                if (overflowed.getAndSet(false)) {
                    next = currentSnapshot();
                } else if (frame.seq() <= lastSeq) {
                    return;
                }
                lastSeq = next.seq();
                out.next(next.bytes());
            });
        }
    }

    String showId() {
        return showId;
    }

    /** A decision from the feed: applied, or kept for the replay while the snapshot is on its way. */
    synchronized void apply(SeatEvents.Effect effect) {
        if (seats == null || rehydrating) {
            early.add(effect);
        } else {
            seats.apply(effect);
        }
    }

    /**
     * The state can no longer be trusted (the feed missed or could not read decisions): decisions are kept from
     * now on until {@link #rehydrate} brings a new snapshot from the writer.
     */
    synchronized void startRehydration() {
        if (seats != null) {
            rehydrating = true;
            early.clear();
        }
    }

    /** The writer's new snapshot, with the decisions kept meanwhile on top, goes to every stream. */
    synchronized void rehydrate(SeatMap map) {
        if (!rehydrating) {
            return;
        }
        rehydrating = false;
        startFrom(map);
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(snapshot);
        }
    }

    /** The writer's snapshot arrived: the decisions kept meanwhile go on top of it. */
    synchronized void hydrate(SeatMap map) {
        if (seats != null) {
            return;
        }
        startFrom(map);
        idleSinceNanos = System.nanoTime();
    }

    /** The writer's {@code map} with the decisions kept meanwhile on top, as the next frame's snapshot. */
    private void startFrom(SeatMap map) {
        seats = ShowSeats.of(map);
        early.forEach(seats::apply);
        early.clear();
        seats.resynced();
        snapshot = new Frame(++seq, Frames.snapshot(seats.snapshot()));
    }

    /**
     * A new stream, which gets the current snapshot first; the channel must be hydrated. Null when the channel was
     * forgotten meanwhile (it gets no more decisions): the caller opens a new one.
     */
    synchronized Flux<byte[]> subscribe() {
        if (closed) {
            return null;
        }
        Subscriber subscriber = new Subscriber();
        subscriber.offer(currentSnapshot());
        subscribers.add(subscriber);
        return subscriber.frames().doFinally(signal -> subscribers.remove(subscriber));
    }

    /** Sends what changed since the last flush to every stream: the changes, or a snapshot when one is due. */
    synchronized void flush() {
        if (seats == null || rehydrating) {
            return;
        }
        ShowSeats.Drained drained = seats.drain();
        if (drained.isEmpty()) {
            return;
        }
        Frame frame;
        if (drained.resync()) {
            snapshot = new Frame(++seq, Frames.snapshot(seats.snapshot()));
            frame = snapshot;
        } else {
            frame = new Frame(++seq, Frames.changes(drained.changes()));
            snapshot = null;
        }
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(frame);
        }
    }

    /** The snapshot of the state after the last frame, encoded once per frame at most. */
    synchronized Frame currentSnapshot() {
        if (snapshot == null) {
            snapshot = new Frame(seq, Frames.snapshot(seats.snapshot()));
        }
        return snapshot;
    }

    synchronized int streams() {
        return subscribers.size();
    }

    /** Closes the channel when no stream has watched it for {@code lingerNanos}; true when it did. */
    synchronized boolean closeIfIdle(long lingerNanos, long nowNanos) {
        if (!subscribers.isEmpty() || seats == null) {
            idleSinceNanos = nowNanos;
            return false;
        }
        closed = nowNanos - idleSinceNanos >= lingerNanos;
        return closed;
    }

    /** Ends every stream: the channel is gone. */
    synchronized void close() {
        closed = true;
        subscribers.forEach(subscriber -> subscriber.sink.tryEmitComplete());
    }

    synchronized boolean usable() {
        return seats != null && !closed;
    }
}
