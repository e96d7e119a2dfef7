package io.boxoffice.processor.decision;

import static io.boxoffice.common.ProblemCodes.HOLD_CONFIRMED;
import static io.boxoffice.common.ProblemCodes.HOLD_EXPIRED;
import static io.boxoffice.common.ProblemCodes.HOLD_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.HOLD_RELEASED;
import static io.boxoffice.common.ProblemCodes.INVALID_REQUEST;
import static io.boxoffice.common.ProblemCodes.NOT_ENOUGH_SEATS;
import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;

import io.boxoffice.common.Ids;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.ConfirmHold;
import io.boxoffice.common.booking.BookingCommand.PlaceHold;
import io.boxoffice.common.booking.BookingCommand.ReleaseHold;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.HoldStatus;
import java.time.Instant;
import java.util.List;

/**
 * The single writer's decisions about holds: place, confirm, release, and expire. A hold's seats are
 * unavailable to everyone else and count towards its user's limit from the moment it is placed; it then ends
 * exactly once, in one of three ways, each in one decision with its events:
 * <ul>
 *   <li>confirmed: its seats become a booking (they stay counted, now as the booking's);</li>
 *   <li>released by its owner, an admin or the show's cancellation: its seats are free at once;</li>
 *   <li>expired: by the expiry punctuation once {@code expiresAt} has passed, or by a confirm or release that
 *       comes after {@code expiresAt} before the punctuation did, whichever the show's writer decides first.</li>
 * </ul>
 * A confirm or release of an ended hold repeats the first answer (confirm: the booking; release: the hold) or
 * names how it ended; it never changes anything.
 */
final class HoldDecider {
    private final Ledger ledger;

    HoldDecider(Ledger ledger) {
        this.ledger = ledger;
    }

    CommandReply place(BookingCommand command, PlaceHold place, Instant now, EventLog events) {
        ShowState show = ledger.show(place.showId());
        if (show == null) {
            return CommandReply.refused(command, SHOW_NOT_FOUND, "No show " + place.showId());
        }
        boolean best = place.bestAvailable() != null;
        if (best == (place.seats() != null)) {
            events.rejected(show, command.userId(), List.of(), INVALID_REQUEST);
            return CommandReply.refused(command, INVALID_REQUEST, "Name either seats or bestAvailable");
        }
        int held = ledger.seatsHeld(show.id(), command.userId());
        List<Integer> seats;
        if (best) {
            CommandReply rejection = checkBest(command, show, place.bestAvailable(), held);
            if (rejection != null) {
                events.rejected(show, command.userId(), List.of(), rejection.code());
                return rejection;
            }
            seats = SeatPicker.bestAvailable(show.seats(), place.bestAvailable());
        } else {
            seats = place.seats().stream().sorted().toList();
            CommandReply rejection = CommandDecider.SeatRules.check(command, show, seats, held);
            if (rejection != null) {
                events.rejected(show, command.userId(), seats, rejection.code());
                return rejection;
            }
        }
        ShowState holding = show.hold(seats);
        Hold hold = new Hold(Ids.hold(show.id(), holding.holdSequence()), show.id(), command.userId(), seats,
                HoldStatus.HELD, now, now.plusSeconds(show.holdSeconds()), null);
        ledger.putShow(holding);
        ledger.placeHold(hold);
        events.holdPlaced(holding, hold);
        return CommandReply.of(command, Outcome.CREATED, hold);
    }

    /** The rules of a best-available hold, in order; null when it may be placed. */
    private static CommandReply checkBest(BookingCommand command, ShowState show, int n, int held) {
        if (!show.open()) {
            return CommandDecider.SeatRules.cancelled(command);
        }
        if (n < 1 || n > show.maxSeatsPerUser()) {
            return CommandReply.refused(command, INVALID_REQUEST,
                    "bestAvailable must be 1.." + show.maxSeatsPerUser());
        }
        if (show.availableSeats() == 0) {
            return CommandDecider.SeatRules.soldOut(command);
        }
        if (n > show.availableSeats()) {
            return CommandReply.refused(command, NOT_ENOUGH_SEATS, "Only " + show.availableSeats()
                    + " seats are free");
        }
        return CommandDecider.SeatRules.overLimit(command, show, held, n);
    }

    CommandReply confirm(BookingCommand command, ConfirmHold confirm, Instant now, EventLog events) {
        Hold hold = ledger.hold(confirm.holdId());
        if (hold == null || !hold.userId().equals(command.userId())) {
            return CommandReply.refused(command, HOLD_NOT_FOUND, "No such hold");
        }
        ShowState show = ledger.show(hold.showId());
        if (hold.status() == HoldStatus.CONFIRMED) {
            return CommandReply.of(command, Outcome.UNCHANGED, ledger.booking(hold.bookingId()));
        }
        if (!show.open()) {
            return CommandDecider.SeatRules.cancelled(command);
        }
        CommandReply ended = endedOrExpired(command, show, hold, now, events);
        if (ended != null) {
            return ended;
        }
        ShowState booked = show.confirm(hold.seats());
        Booking booking = new Booking(Ids.booking(show.id(), booked.bookingSequence()), show.id(), hold.userId(),
                hold.seats(), BookingStatus.ACTIVE, now, null, hold.id());
        Hold confirmed = hold.ended(HoldStatus.CONFIRMED, booking.id());
        ledger.putShow(booked);
        ledger.endHold(confirmed, booking);
        events.holdConfirmed(booked, confirmed);
        events.confirmed(booked, booking);
        return CommandReply.of(command, Outcome.CREATED, booking);
    }

    CommandReply release(BookingCommand command, ReleaseHold release, Instant now, EventLog events) {
        Hold hold = ledger.hold(release.holdId());
        if (hold == null || !(command.admin() || hold.userId().equals(command.userId()))) {
            return CommandReply.refused(command, HOLD_NOT_FOUND, "No such hold");
        }
        if (hold.status() == HoldStatus.RELEASED) {
            return CommandReply.of(command, Outcome.UNCHANGED, hold);
        }
        if (hold.status() == HoldStatus.CONFIRMED) {
            return CommandReply.refused(command, HOLD_CONFIRMED, "The hold was confirmed; cancel its booking "
                    + hold.bookingId() + " instead");
        }
        ShowState show = ledger.show(hold.showId());
        CommandReply ended = endedOrExpired(command, show, hold, now, events);
        if (ended != null) {
            return ended;
        }
        Hold released = hold.ended(HoldStatus.RELEASED, null);
        ShowState freed = show.unhold(hold.seats());
        ledger.putShow(freed);
        ledger.endHold(released, null);
        events.holdReleased(freed, released, EventLog.BY_USER);
        return CommandReply.of(command, Outcome.CHANGED, released);
    }

    /**
     * Expires a hold that is due: called by the expiry punctuation, and by a confirm or release that finds its
     * hold past {@code expiresAt}. A hold that ended meanwhile is left as it is.
     */
    void expire(Hold hold, EventLog events) {
        if (!hold.held()) {
            return;
        }
        Hold expired = hold.ended(HoldStatus.EXPIRED, null);
        ShowState freed = ledger.show(hold.showId()).unhold(hold.seats());
        ledger.putShow(freed);
        ledger.endHold(expired, null);
        events.holdExpired(freed, expired);
    }

    /** Releases every hold of a show being cancelled; {@code show} is the cancelled state, all seats free. */
    void releaseAll(ShowState show, EventLog events) {
        for (Hold hold : ledger.heldHoldsOf(show.id())) {
            Hold released = hold.ended(HoldStatus.RELEASED, null);
            ledger.endHold(released, null);
            events.holdReleased(show, released, EventLog.BY_SHOW_CANCELLATION);
        }
    }

    /** The refusal for a hold that ended as expired, or is due and expires now; null when it is still held. */
    private CommandReply endedOrExpired(BookingCommand command, ShowState show, Hold hold, Instant now,
                                        EventLog events) {
        if (hold.status() == HoldStatus.HELD && !now.isBefore(hold.expiresAt())) {
            expire(hold, events);
            return CommandReply.refused(command, HOLD_EXPIRED, "The hold expired at " + hold.expiresAt());
        }
        return switch (hold.status()) {
            case HELD -> null;
            case EXPIRED -> CommandReply.refused(command, HOLD_EXPIRED, "The hold expired at " + hold.expiresAt());
            case RELEASED -> show.open() ? CommandReply.refused(command, HOLD_RELEASED, "The hold was released")
                    : CommandDecider.SeatRules.cancelled(command);
            case CONFIRMED -> CommandReply.refused(command, HOLD_CONFIRMED, "The hold was confirmed");
        };
    }
}
