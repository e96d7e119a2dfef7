package io.boxoffice.common;

/** The stable machine-readable {@code code} values of the HTTP contract's problem documents. */
public final class ProblemCodes {
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String NOT_FOUND = "not_found";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String BAD_CREDENTIALS = "bad_credentials";
    public static final String USERNAME_TAKEN = "username_taken";
    /** Logins for this username are paused after repeated failures; {@code Retry-After} says for how long. */
    public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";
    /** A refresh token that is malformed, unknown, expired, revoked, spent or not the caller's. */
    public static final String INVALID_REFRESH_TOKEN = "invalid_refresh_token";
    public static final String MOVIE_NOT_FOUND = "movie_not_found";
    public static final String SHOW_NOT_FOUND = "show_not_found";
    public static final String BOOKING_NOT_FOUND = "booking_not_found";
    public static final String SEAT_OUT_OF_RANGE = "seat_out_of_range";
    public static final String SEAT_TAKEN = "seat_taken";
    public static final String SOLD_OUT = "sold_out";
    public static final String SHOW_CANCELLED = "show_cancelled";
    public static final String LIMIT_EXCEEDED = "limit_exceeded";
    public static final String ALREADY_CANCELLED = "already_cancelled";
    public static final String NOT_ENOUGH_SEATS = "not_enough_seats";
    public static final String HOLD_NOT_FOUND = "hold_not_found";
    public static final String HOLD_EXPIRED = "hold_expired";
    public static final String HOLD_RELEASED = "hold_released";
    public static final String HOLD_CONFIRMED = "hold_confirmed";
    public static final String REQUEST_NOT_FOUND = "request_not_found";
    public static final String TIMEOUT = "timeout";
    public static final String OVERLOADED = "overloaded";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL = "internal_error";
    /** The processor received a command it cannot apply (malformed or inconsistent); it changed nothing. */
    public static final String INVALID_COMMAND = "invalid_command";
    /** Deciding a command failed on Boxoffice's side (a fault, never the client's); it changed nothing. */
    public static final String COMMAND_FAILED = "command_failed";

    private ProblemCodes() {
    }
}
