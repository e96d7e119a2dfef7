package io.boxoffice.gateway.web;

import static io.boxoffice.common.ProblemCodes.ALREADY_CANCELLED;
import static io.boxoffice.common.ProblemCodes.BAD_CREDENTIALS;
import static io.boxoffice.common.ProblemCodes.BOOKING_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.COMMAND_FAILED;
import static io.boxoffice.common.ProblemCodes.FORBIDDEN;
import static io.boxoffice.common.ProblemCodes.HOLD_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.NOT_ENOUGH_SEATS;
import static io.boxoffice.common.ProblemCodes.HOLD_EXPIRED;
import static io.boxoffice.common.ProblemCodes.HOLD_RELEASED;
import static io.boxoffice.common.ProblemCodes.HOLD_CONFIRMED;
import static io.boxoffice.common.ProblemCodes.INTERNAL;
import static io.boxoffice.common.ProblemCodes.INVALID_COMMAND;
import static io.boxoffice.common.ProblemCodes.INVALID_REFRESH_TOKEN;
import static io.boxoffice.common.ProblemCodes.INVALID_REQUEST;
import static io.boxoffice.common.ProblemCodes.LIMIT_EXCEEDED;
import static io.boxoffice.common.ProblemCodes.METHOD_NOT_ALLOWED;
import static io.boxoffice.common.ProblemCodes.MOVIE_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.OVERLOADED;
import static io.boxoffice.common.ProblemCodes.PAYLOAD_TOO_LARGE;
import static io.boxoffice.common.ProblemCodes.REQUEST_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.SEAT_OUT_OF_RANGE;
import static io.boxoffice.common.ProblemCodes.SEAT_TAKEN;
import static io.boxoffice.common.ProblemCodes.SHOW_CANCELLED;
import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.SOLD_OUT;
import static io.boxoffice.common.ProblemCodes.TIMEOUT;
import static io.boxoffice.common.ProblemCodes.TOO_MANY_ATTEMPTS;
import static io.boxoffice.common.ProblemCodes.UNAUTHENTICATED;
import static io.boxoffice.common.ProblemCodes.UNAVAILABLE;
import static io.boxoffice.common.ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
import static io.boxoffice.common.ProblemCodes.USERNAME_TAKEN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every problem {@code code} of the API with the one status it is answered with and what it means. The single
 * source of both the status a refusal from the processor is answered with (the processor names a code, never a
 * status) and the OpenAPI document's error responses: a code missing here is answered as our fault and fails
 * the document's generation, rather than going out under a wrong status.
 */
public final class ProblemCatalog {
    public record Entry(String code, int status, String meaning) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(INVALID_REQUEST, 400, "The body, a parameter or a header is malformed (type, range, shape)");
        add(SEAT_OUT_OF_RANGE, 400, "A seat number is outside 1..totalSeats; `seats` names those seats");
        add(UNAUTHENTICATED, 401, "The bearer token is missing, malformed, expired or not signed by Boxoffice");
        add(BAD_CREDENTIALS, 401, "Unknown username or wrong password");
        add(INVALID_REFRESH_TOKEN, 401, "The refresh token is malformed, unknown, expired, revoked, already spent "
                + "(which revokes its whole line) or another user's; nothing changed unless it was spent");
        add(FORBIDDEN, 403, "The token lacks the role this endpoint needs");
        add(MOVIE_NOT_FOUND, 404, "No such movie");
        add(SHOW_NOT_FOUND, 404, "No such show");
        add(BOOKING_NOT_FOUND, 404, "No such booking, or it belongs to another user");
        add(HOLD_NOT_FOUND, 404, "No such hold, or it belongs to another user");
        add(REQUEST_NOT_FOUND, 404, "No such request, or it was made by another user (admins included)");
        add(NOT_FOUND, 404, "No such resource (unknown path)");
        add(METHOD_NOT_ALLOWED, 405, "The path does not take this method; `Allow` lists those it takes");
        add(USERNAME_TAKEN, 409, "The username is taken (of two racing registrations exactly one wins)");
        add(SEAT_TAKEN, 409, "Some seats are already taken; `seats` names them");
        add(SOLD_OUT, 409, "The show has no free seat");
        add(SHOW_CANCELLED, 409, "The show is cancelled");
        add(LIMIT_EXCEEDED, 409, "The user's active seats in this show would exceed maxSeatsPerUser");
        add(ALREADY_CANCELLED, 409, "The booking is already cancelled");
        add(NOT_ENOUGH_SEATS, 409, "Fewer seats are free than bestAvailable asks for");
        add(HOLD_EXPIRED, 409, "The hold expired: its seats are free again");
        add(HOLD_RELEASED, 409, "The hold was released: its seats are free again");
        add(HOLD_CONFIRMED, 409, "The hold was confirmed: cancel its booking instead");
        add(INVALID_COMMAND, 422, "The booking system received a command it cannot apply (malformed, or of a kind "
                + "it does not know, e.g. during an upgrade); nothing changed. Not retryable as is");
        add(PAYLOAD_TOO_LARGE, 413, "The body is larger than 256 KB");
        add(UNSUPPORTED_MEDIA_TYPE, 415, "The body is not application/json");
        add(TOO_MANY_ATTEMPTS, 429, "Too many failed logins for this username; the password was not checked; "
                + "retry after `Retry-After` seconds");
        add(INTERNAL, 500, "A fault on Boxoffice's side (never a client mistake)");
        add(COMMAND_FAILED, 500, "Deciding the request failed on Boxoffice's side; nothing changed, and the "
                + "command is kept for repair. A retry with the same Idempotency-Key answers the same");
        add(OVERLOADED, 503, "Too many requests in flight; retry after `Retry-After` seconds");
        add(UNAVAILABLE, 503, "A part of Boxoffice (Kafka, the processor, the user-service, the token keys) is "
                + "not reachable right now, or the show's partition cannot replicate a command (too few replicas in "
                + "sync); nothing was written; retry after `Retry-After` seconds");
        add(TIMEOUT, 504, "The decision did not arrive in time and may still be made; `requestId` names the "
                + "request: read its outcome at GET /api/booking-requests/{requestId}");
    }

    private ProblemCatalog() {
    }

    private static void add(String code, int status, String meaning) {
        ENTRIES.put(code, new Entry(code, status, meaning));
    }

    /** The catalogue's entry of {@code code}, or null when the code is not one of the API's. */
    public static Entry find(String code) {
        return code == null ? null : ENTRIES.get(code);
    }

    public static Entry of(String code) {
        Entry entry = ENTRIES.get(code);
        if (entry == null) {
            throw new IllegalArgumentException("Problem code " + code + " is not in the catalogue");
        }
        return entry;
    }

    public static List<String> codes() {
        return List.copyOf(ENTRIES.keySet());
    }
}
