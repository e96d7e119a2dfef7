package io.boxoffice.common.booking;

/**
 * The bounds and defaults of a show's settings, as the contract gives them: the gateway validates requests
 * with them, and the processor holds every command to them again, since it trusts no record.
 */
public final class ShowRules {
    public static final int MAX_SEATS = 100_000;
    public static final int DEFAULT_MAX_SEATS_PER_USER = 10;
    public static final int MIN_HOLD_SECONDS = 10;
    public static final int MAX_HOLD_SECONDS = 3600;
    public static final int DEFAULT_HOLD_SECONDS = 600;
    public static final int MAX_SEATS_PER_ROW = 1000;
    public static final int DEFAULT_SEATS_PER_ROW = 20;

    private ShowRules() {
    }

    public static boolean validHoldSeconds(int seconds) {
        return seconds >= MIN_HOLD_SECONDS && seconds <= MAX_HOLD_SECONDS;
    }

    public static boolean validSeatsPerRow(int seats) {
        return seats >= 1 && seats <= MAX_SEATS_PER_ROW;
    }
}
