package io.boxoffice.common;

/**
 * The one place where state store names live. Changelog topics are named after them
 * ({@code <application.id>-<store>-changelog}), and interactive queries look them up by these names.
 */
public final class Stores {
    /** booking-processor: movie id → movie. */
    public static final String MOVIES = "movies";
    /** booking-processor: show id → show state (details, seat bitmap, counters). */
    public static final String SHOWS = "shows";
    /** booking-processor: booking id (prefixed by its show id) → booking. */
    public static final String BOOKINGS = "bookings";
    /** booking-processor: hold id (prefixed by its show id) → hold. */
    public static final String HOLDS = "holds";
    /**
     * booking-processor: {@code expiresAt/holdId} → hold id, for the holds still held; the time is epoch
     * milliseconds in 13 digits, so keys sort by expiry and the due ones are a prefix of the store.
     */
    public static final String HOLD_EXPIRY = "hold-expiry";
    /** booking-processor: {@code movieId/showId} → show id; lists the shows of a movie. */
    public static final String SHOWS_BY_MOVIE = "shows-by-movie";
    /** booking-processor: {@code userId/bookingId} → created-at; lists the bookings of a user. */
    public static final String BOOKINGS_BY_USER = "bookings-by-user";
    /** booking-processor: {@code showId/userId} → seats that user has booked or holds in that show. */
    public static final String USER_SEATS = "user-seats";
    /** booking-processor: request id → reply already given (windowed; replays the original outcome). */
    public static final String PROCESSED_REQUESTS = "processed-requests";
    /** booking-processor's statistics app (booking-stats): show id → running totals of the show's events. */
    public static final String SHOW_STATS = "show-stats";
    /** booking-stats: show id → confirmed and rejected bookings per minute of event time (windowed). */
    public static final String SHOW_STATS_BY_MINUTE = "show-stats-by-minute";
    /** user-service: lower-cased username → account. */
    public static final String ACCOUNTS = "accounts";
    /**
     * user-service: lower-cased username {@value #KEY_SEPARATOR} line id → one login's refresh-token line (the
     * current generation's secret as a hash only); keyed under the username so its writer is the account's.
     */
    public static final String SESSIONS = "sessions";
    /** user-service: lower-cased username → its recent failed logins, lock and password checks in flight. */
    public static final String LOGIN_THROTTLES = "login-throttles";

    /** Separates the parts of a composite index key; never part of an id. */
    public static final char KEY_SEPARATOR = '/';

    private Stores() {
    }

    public static String compositeKey(String first, String second) {
        return first + KEY_SEPARATOR + second;
    }
}
