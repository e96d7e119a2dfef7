package io.boxoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the storm's seat maps every {@code periodMillis} while the checkout storm runs, through the public
 * API, so that the audit can check each one against the holds and bookings of its moment
 * ({@link CheckoutAudit}). A seat map is one document read from its show's single writer, so each sample
 * is a consistent snapshot; what is checked is whether the snapshots agree with what the buyers were told.
 */
final class SeatMapWatch implements AutoCloseable {

    /** One seat map, with the wall-clock window it was read in. */
    record Sample(String showId, long sentMillis, long answeredMillis, int totalSeats, int availableSeats,
                  Set<Integer> held, Set<Integer> taken) {
        static Sample of(String showId, long sentMillis, long answeredMillis, JsonNode seatMap) {
            return new Sample(showId, sentMillis, answeredMillis, seatMap.path("totalSeats").asInt(),
                    seatMap.path("availableSeats").asInt(), seats(seatMap.path("held")), seats(seatMap.path("taken")));
        }

        private static Set<Integer> seats(JsonNode array) {
            Set<Integer> seats = new HashSet<>();
            array.forEach(seat -> seats.add(seat.asInt()));
            return seats;
        }
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-seat-map-watch");
        thread.setDaemon(true);
        return thread;
    });

    SeatMapWatch(Api api, List<String> showIds, long periodMillis) {
        timer.scheduleWithFixedDelay(() -> showIds.forEach(show -> read(api, show)), 0, periodMillis,
                TimeUnit.MILLISECONDS);
    }

    private void read(Api api, String show) {
        long sent = System.currentTimeMillis();
        try {
            Api.Answer answer = api.get("/api/shows/" + show + "/seats", null);
            if (answer.is(200) && answer.json() != null) {
                samples.add(Sample.of(show, sent, System.currentTimeMillis(), answer.json()));
            } else {
                failures.incrementAndGet();
            }
        } catch (IllegalStateException e) {
            // The storm may starve a read; a missing sample checks nothing, it proves nothing either.
            failures.incrementAndGet();
        }
    }

    List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(35, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
