package io.boxoffice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each buyer of the checkout scenario did, recorded as it happens: the hold it was answered 201 for,
 * whether it meant to confirm or to abandon, and what its confirmation was answered. The audit compares
 * this with how every hold ended. Thread-safe: Gatling's threads record concurrently.
 */
final class Checkouts {

    /**
     * One buyer's hold.
     *
     * @param heldAtMillis      wall clock when the 201 for the hold arrived: the hold was decided before it
     * @param abandon           whether the buyer meant to let the hold expire
     * @param confirmStatus     the confirmation's HTTP status; null when none was sent, or none came back
     * @param confirmValue      the booking id of a 2xx confirmation, or the problem code of a refusal
     * @param confirmedAtMillis wall clock when the confirmation's answer arrived (0 when none did)
     */
    record Checkout(int user, String holdId, String showId, long heldAtMillis, boolean abandon, Integer confirmStatus,
                    String confirmValue, long confirmedAtMillis) {
        /** Answered 200 or 201 with a booking. */
        boolean confirmed() {
            return confirmStatus != null && confirmStatus / 100 == 2 && confirmValue != null;
        }
    }

    private final ConcurrentHashMap<String, Checkout> byHold = new ConcurrentHashMap<>();

    void held(int user, String holdId, String showId, boolean abandon) {
        byHold.put(holdId, new Checkout(user, holdId, showId, System.currentTimeMillis(), abandon, null, null, 0));
    }

    /** {@code status} null: no answer came. {@code body}: the answer's, for its booking id or problem code. */
    void confirmAnswered(String holdId, Integer status, String body) {
        long now = System.currentTimeMillis();
        String value = status == null ? null : Tally.field(body, status / 100 == 2 ? "id" : "code");
        byHold.computeIfPresent(holdId, (id, c) -> new Checkout(c.user(), id, c.showId(), c.heldAtMillis(),
                c.abandon(), status, value, status == null ? 0 : now));
    }

    List<Checkout> all() {
        return new ArrayList<>(byHold.values());
    }

    /** When the last hold was answered, or 0 when none was. */
    long lastHeldAtMillis() {
        return byHold.values().stream().mapToLong(Checkout::heldAtMillis).max().orElse(0);
    }
}
