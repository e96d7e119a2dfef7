package io.boxoffice.systemtest;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.systemtest.Api.Answer;
import io.boxoffice.systemtest.Api.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream of single-seat bookings over a whole show, each seat handed to exactly one client, which
 * keeps asking for it until it gets a decision. A 503 means the command was not taken; a 504 or a lost
 * connection means the outcome is unknown (the command may still be decided), so a later 409
 * {@code seat_taken} for that seat is the client's own earlier booking.
 */
final class SeatStream {
    private static final long RETRY_PAUSE_MS = 300;

    private final Api api;
    private final String showId;
    private final int seats;
    private final long deadlineNanos;
    private final AtomicInteger nextSeat = new AtomicInteger(1);
    private final AtomicInteger answers = new AtomicInteger();
    private final Set<Integer> unresolved = new ConcurrentSkipListSet<>();
    final Tally tally = new Tally();

    SeatStream(Api api, String showId, int seats, long deadlineNanos) {
        this.api = api;
        this.showId = showId;
        this.seats = seats;
        this.deadlineNanos = deadlineNanos;
    }

    /** What one client was told. */
    static final class Client {
        final User user;
        final Map<String, Integer> confirmed = new HashMap<>();
        final Set<Integer> takenByEarlierAttempt = new TreeSet<>();
        int unknown;
        final List<String> violations = new ArrayList<>();

        Client(User user) {
            this.user = user;
        }
    }

    Client client(User user) {
        Client client = new Client(user);
        for (int seat = nextSeat.getAndIncrement(); seat <= seats; seat = nextSeat.getAndIncrement()) {
            if (!decide(client, seat)) {
                unresolved.add(seat);
            }
        }
        return client;
    }

    /** Blocks until the clients have received {@code count} answers of any kind. */
    void awaitAnswers(int count) {
        while (answers.get() < count && nextSeat.get() <= seats) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Set<Integer> unresolved() {
        return unresolved;
    }

    private boolean decide(Client client, int seat) {
        boolean outcomeUnknown = false;
        while (System.nanoTime() < deadlineNanos) {
            Answer answer = api.post("/api/shows/" + showId + "/bookings", client.user.token(),
                    Map.of("seats", List.of(seat)));
            answers.incrementAndGet();
            tally.add(answer);
            switch (answer.status()) {
                case 201 -> {
                    client.confirmed.put(answer.body().path("id").asString(), seat);
                    return true;
                }
                case 409 -> {
                    if (!outcomeUnknown || !ProblemCodes.SEAT_TAKEN.equals(answer.code())) {
                        client.violations.add("seat " + seat + " (asked only by " + client.user.username()
                                + ", no unknown outcome before) answered " + answer);
                    }
                    client.takenByEarlierAttempt.add(seat);
                    return true;
                }
                case 503 -> pause();
                case 504, 0 -> {
                    client.unknown++;
                    outcomeUnknown = true;
                    pause();
                }
                default -> {
                    client.violations.add("seat " + seat + " answered " + answer);
                    return true;
                }
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
