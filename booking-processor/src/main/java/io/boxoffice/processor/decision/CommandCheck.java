package io.boxoffice.processor.decision;

import static io.boxoffice.common.deadletter.DeadLetterReason.INVALID_FIELD;
import static io.boxoffice.common.deadletter.DeadLetterReason.KEY_MISMATCH;
import static io.boxoffice.common.deadletter.DeadLetterReason.MISSING_FIELD;

import io.boxoffice.common.Ids;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.ConfirmHold;
import io.boxoffice.common.booking.BookingCommand.CreateMovie;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.BookingCommand.PlaceHold;
import io.boxoffice.common.booking.BookingCommand.ReleaseHold;
import io.boxoffice.common.deadletter.DeadLetterReason;
import java.util.Objects;

/**
 * The shape every command must have before the decider may see it: required fields present, ids that can be
 * parts of store keys, and a record key that makes this task the command's single writer. A command of the
 * wrong shape cannot come from the gateway (which validates every request), so it is not refused like a
 * client's request but dead-lettered. Values of the right shape that break a rule (a seat out of range, too
 * many seats) are the decider's refusals, as before.
 */
final class CommandCheck {
    /** Longer ids than any Boxoffice mints: a bound that keeps store keys and headers small. */
    static final int MAX_ID_LENGTH = 128;

    /** What is wrong with a command. */
    record Flaw(DeadLetterReason reason, String detail) {
    }

    private CommandCheck() {
    }

    /** The flaw of {@code command} read at record key {@code key}, or null when it may be decided. */
    static Flaw flaw(String key, BookingCommand command) {
        if (blank(command.requestId())) {
            return new Flaw(MISSING_FIELD, "requestId is required");
        }
        if (command.requestId().length() > MAX_ID_LENGTH) {
            return new Flaw(INVALID_FIELD, "requestId is longer than " + MAX_ID_LENGTH);
        }
        if (command.replyPartition() < -1) {
            return new Flaw(INVALID_FIELD, "replyPartition must be -1 (no waiter) or a partition");
        }
        if (blank(command.userId())) {
            return new Flaw(MISSING_FIELD, "userId is required");
        }
        if (!keyPart(command.userId())) {
            return new Flaw(INVALID_FIELD, "userId must be at most " + MAX_ID_LENGTH + " characters without '"
                    + Stores.KEY_SEPARATOR + "'");
        }
        if (command.payload() == null) {
            return new Flaw(MISSING_FIELD, "payload is required");
        }
        Flaw flaw = payloadFlaw(command.payload());
        if (flaw != null) {
            return flaw;
        }
        if (!Objects.equals(key, command.payload().key())) {
            return new Flaw(KEY_MISMATCH, "record key " + key + " is not the command's key "
                    + command.payload().key());
        }
        if (!key.equals(Ids.showOf(command.requestId()))) {
            // The request's outcome is looked up on the partition its id names.
            return new Flaw(KEY_MISMATCH, "requestId " + command.requestId() + " does not start with " + key
                    + Ids.SCOPE_SEPARATOR);
        }
        return null;
    }

    private static Flaw payloadFlaw(BookingCommand.Payload payload) {
        if (payload instanceof CreateMovie movie) {
            return firstOf(scopeId("movieId", movie.movieId()), required("title", movie.title()));
        }
        if (payload instanceof CreateShow show) {
            return firstOf(scopeId("showId", show.showId()), scopeId("movieId", show.movieId()),
                    required("screen", show.screen()),
                    show.startsAt() == null ? new Flaw(MISSING_FIELD, "startsAt is required") : null);
        }
        if (payload instanceof BookSeats book) {
            return firstOf(scopeId("showId", book.showId()), book.seats() == null
                    ? new Flaw(MISSING_FIELD, "seats is required")
                    : book.seats().stream().anyMatch(Objects::isNull) ? new Flaw(INVALID_FIELD, "seats must be numbers") : null);
        }
        if (payload instanceof CancelBooking cancel) {
            return blank(cancel.bookingId()) ? new Flaw(MISSING_FIELD, "bookingId is required")
                    : cancel.key() == null ? new Flaw(INVALID_FIELD, "bookingId names no show") : null;
        }
        if (payload instanceof PlaceHold hold) {
            return firstOf(scopeId("showId", hold.showId()), hold.seats() != null
                    && hold.seats().stream().anyMatch(Objects::isNull) ? new Flaw(INVALID_FIELD, "seats must be numbers")
                    : null);
        }
        if (payload instanceof ConfirmHold confirm) {
            return holdId(confirm.holdId(), confirm.key());
        }
        if (payload instanceof ReleaseHold release) {
            return holdId(release.holdId(), release.key());
        }
        return scopeId("showId", ((CancelShow) payload).showId());
    }

    private static Flaw holdId(String holdId, String key) {
        return blank(holdId) ? new Flaw(MISSING_FIELD, "holdId is required")
                : key == null ? new Flaw(INVALID_FIELD, "holdId names no show") : null;
    }

    private static Flaw firstOf(Flaw... flaws) {
        for (Flaw flaw : flaws) {
            if (flaw != null) {
                return flaw;
            }
        }
        return null;
    }

    private static Flaw required(String field, String value) {
        return blank(value) ? new Flaw(MISSING_FIELD, field + " is required") : null;
    }

    /** An id that scopes other ids and keys: it may contain neither separator. */
    private static Flaw scopeId(String field, String id) {
        if (blank(id)) {
            return new Flaw(MISSING_FIELD, field + " is required");
        }
        boolean wellFormed = keyPart(id) && id.indexOf(Ids.SCOPE_SEPARATOR) < 0 && id.strip().equals(id);
        return wellFormed ? null : new Flaw(INVALID_FIELD, field + " must be at most " + MAX_ID_LENGTH
                + " characters without '" + Ids.SCOPE_SEPARATOR + "', '" + Stores.KEY_SEPARATOR + "' or spaces");
    }

    private static boolean keyPart(String id) {
        return id.length() <= MAX_ID_LENGTH && id.indexOf(Stores.KEY_SEPARATOR) < 0;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
