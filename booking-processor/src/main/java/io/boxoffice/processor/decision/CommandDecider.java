package io.boxoffice.processor.decision;

import static io.boxoffice.common.ProblemCodes.ALREADY_CANCELLED;
import static io.boxoffice.common.ProblemCodes.BOOKING_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.FORBIDDEN;
import static io.boxoffice.common.ProblemCodes.INVALID_REQUEST;
import static io.boxoffice.common.ProblemCodes.LIMIT_EXCEEDED;
import static io.boxoffice.common.ProblemCodes.SEAT_OUT_OF_RANGE;
import static io.boxoffice.common.ProblemCodes.SEAT_TAKEN;
import static io.boxoffice.common.ProblemCodes.SHOW_CANCELLED;
import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.SOLD_OUT;

import io.boxoffice.common.Ids;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.CreateMovie;
import io.boxoffice.common.booking.BookingCommand.ConfirmHold;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.BookingCommand.PlaceHold;
import io.boxoffice.common.booking.BookingCommand.ReleaseHold;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.ShowRules;
import java.time.Instant;
import java.util.List;

/**
 * Decides one command, already checked for its shape ({@link CommandCheck}), against the stores of its show's
 * task. Pure decision logic: it reads the state,
 * checks the rules in a fixed order, and writes the new state only once a command is accepted, so a
 * rejected command changes nothing. Rules of a booking, in order: the show exists and is open, the seats
 * are well-formed and in range, the show is not sold out, none of the seats is booked or held, and the user's
 * booked and held seats in the show stay within its limit. All seats or none are booked. Holds are decided by
 * its {@link HoldDecider}, by the same rules.
 */
final class CommandDecider {
    /** The gateway's bounds of a movie: a command beyond them is refused like the request would have been. */
    static final int MAX_TITLE = 200;
    static final int MAX_DURATION = 1000;

    private final Ledger ledger;
    private final HoldDecider holds;

    CommandDecider(Ledger ledger) {
        this.ledger = ledger;
        this.holds = new HoldDecider(ledger);
    }

    /** Expires a hold found due by the expiry punctuation: a decision without a request, so without a reply. */
    Decision expire(Hold hold, Instant now) {
        EventLog events = EventLog.ofExpiry(hold.id(), now);
        holds.expire(hold, events);
        return new Decision(null, events.events());
    }

    Decision decide(BookingCommand command, Instant now) {
        EventLog events = new EventLog(command.requestId(), now);
        BookingCommand.Payload payload = command.payload();
        CommandReply reply;
        if (payload instanceof BookSeats book) {
            reply = book(command, book, now, events);
        } else if (payload instanceof CancelBooking cancel) {
            reply = cancelBooking(command, cancel, now, events);
        } else if (payload instanceof CreateShow show) {
            reply = createShow(command, show, events);
        } else if (payload instanceof CancelShow cancel) {
            reply = cancelShow(command, cancel, now, events);
        } else if (payload instanceof PlaceHold place) {
            reply = holds.place(command, place, now, events);
        } else if (payload instanceof ConfirmHold confirm) {
            reply = holds.confirm(command, confirm, now, events);
        } else if (payload instanceof ReleaseHold release) {
            reply = holds.release(command, release, now, events);
        } else {
            reply = createMovie(command, (CreateMovie) payload);
        }
        return new Decision(reply, events.events());
    }

    private CommandReply createMovie(BookingCommand command, CreateMovie create) {
        if (!command.admin()) {
            return CommandReply.refused(command, FORBIDDEN, "Only an admin creates movies");
        }
        if (create.title().strip().length() > MAX_TITLE || create.durationMinutes() < 1
                || create.durationMinutes() > MAX_DURATION) {
            return CommandReply.refused(command, INVALID_REQUEST, "title must be at most " + MAX_TITLE
                    + " characters and durationMinutes 1.." + MAX_DURATION);
        }
        Movie movie = new Movie(create.movieId(), create.title(), create.durationMinutes());
        ledger.putMovie(movie);
        return CommandReply.of(command, Outcome.CREATED, movie);
    }

    private CommandReply createShow(BookingCommand command, CreateShow create, EventLog events) {
        if (!command.admin()) {
            return CommandReply.refused(command, FORBIDDEN, "Only an admin creates shows");
        }
        if (create.totalSeats() < 1 || create.totalSeats() > ShowRules.MAX_SEATS || create.maxSeatsPerUser() < 1
                || !ShowRules.validHoldSeconds(create.holdSecondsOrDefault())
                || !ShowRules.validSeatsPerRow(create.seatsPerRowOrDefault())) {
            return CommandReply.refused(command, INVALID_REQUEST, "totalSeats must be 1.." + ShowRules.MAX_SEATS
                    + ", maxSeatsPerUser at least 1, holdSeconds " + ShowRules.MIN_HOLD_SECONDS + ".."
                    + ShowRules.MAX_HOLD_SECONDS + " and seatsPerRow 1.." + ShowRules.MAX_SEATS_PER_ROW);
        }
        if (ledger.show(create.showId()) != null) {
            return CommandReply.refused(command, INVALID_REQUEST, "A show with this id exists already");
        }
        ShowState show = ShowState.scheduled(create);
        ledger.scheduleShow(show);
        events.showScheduled(show);
        return CommandReply.of(command, Outcome.CREATED, show.toShow());
    }

    private CommandReply book(BookingCommand command, BookSeats book, Instant now, EventLog events) {
        ShowState show = ledger.show(book.showId());
        if (show == null) {
            return CommandReply.refused(command, SHOW_NOT_FOUND, "No show " + book.showId());
        }
        List<Integer> seats = book.seats() == null ? List.of() : book.seats().stream().sorted().toList();
        CommandReply rejection = SeatRules.check(command, show, seats, ledger.seatsHeld(show.id(), command.userId()));
        if (rejection != null) {
            events.rejected(show, command.userId(), seats, rejection.code());
            return rejection;
        }
        ShowState booked = show.book(seats);
        Booking booking = new Booking(Ids.booking(show.id(), booked.bookingSequence()), show.id(),
                command.userId(), seats, BookingStatus.ACTIVE, now, null, null);
        ledger.putShow(booked);
        ledger.addBooking(booking);
        events.confirmed(booked, booking);
        return CommandReply.of(command, Outcome.CREATED, booking);
    }

    private CommandReply cancelBooking(BookingCommand command, CancelBooking cancel, Instant now, EventLog events) {
        Booking booking = ledger.booking(cancel.bookingId());
        if (booking == null || !(command.admin() || booking.userId().equals(command.userId()))) {
            return CommandReply.refused(command, BOOKING_NOT_FOUND, "No such booking");
        }
        if (!booking.active()) {
            return CommandReply.refused(command, ALREADY_CANCELLED, "The booking is cancelled already");
        }
        Booking cancelled = booking.cancelledAt(now);
        ShowState show = ledger.show(booking.showId()).release(booking.seats());
        ledger.putShow(show);
        ledger.cancelBooking(cancelled);
        events.cancelled(show, cancelled, EventLog.BY_USER);
        return CommandReply.of(command, Outcome.CHANGED, cancelled);
    }

    private CommandReply cancelShow(BookingCommand command, CancelShow cancel, Instant now, EventLog events) {
        if (!command.admin()) {
            return CommandReply.refused(command, FORBIDDEN, "Only an admin cancels shows");
        }
        ShowState show = ledger.show(cancel.showId());
        if (show == null) {
            return CommandReply.refused(command, SHOW_NOT_FOUND, "No show " + cancel.showId());
        }
        if (!show.open()) {
            return CommandReply.refused(command, SHOW_CANCELLED, "The show is cancelled already");
        }
        ShowState cancelled = show.cancelled();
        holds.releaseAll(cancelled, events);
        for (Booking booking : ledger.activeBookingsOf(show.id())) {
            Booking gone = booking.cancelledAt(now);
            ledger.cancelBooking(gone);
            events.cancelled(cancelled, gone, EventLog.BY_SHOW_CANCELLATION);
        }
        ledger.putShow(cancelled);
        events.showCancelled(cancelled);
        return CommandReply.of(command, Outcome.CHANGED, cancelled.toShow());
    }

    /**
     * The rules that only read: whether {@code seats} may be booked or held by the command's user, who has
     * {@code held} seats of the show already (booked or held).
     */
    static final class SeatRules {
        private SeatRules() {
        }

        static CommandReply check(BookingCommand command, ShowState show, List<Integer> seats, int held) {
            if (!show.open()) {
                return cancelled(command);
            }
            if (seats.isEmpty() || seats.stream().distinct().count() != seats.size()) {
                return CommandReply.refused(command, INVALID_REQUEST, "Name one or more distinct seats");
            }
            List<Integer> outside = seats.stream().filter(seat -> !show.seats().inRange(seat)).toList();
            if (!outside.isEmpty()) {
                return CommandReply.refused(command, SEAT_OUT_OF_RANGE, "Seats are numbered 1.." + show.totalSeats())
                        .aboutSeats(outside);
            }
            if (show.availableSeats() == 0) {
                return soldOut(command);
            }
            List<Integer> taken = seats.stream().filter(seat -> !show.seats().isFree(seat)).toList();
            if (!taken.isEmpty()) {
                return CommandReply.refused(command, SEAT_TAKEN, "Some seats are booked or held").aboutSeats(taken);
            }
            return overLimit(command, show, held, seats.size());
        }

        static CommandReply cancelled(BookingCommand command) {
            return CommandReply.refused(command, SHOW_CANCELLED, "The show is cancelled");
        }

        static CommandReply soldOut(BookingCommand command) {
            return CommandReply.refused(command, SOLD_OUT, "The show is sold out");
        }

        /** The refusal when {@code more} seats would take the user past the show's limit, else null. */
        static CommandReply overLimit(BookingCommand command, ShowState show, int held, int more) {
            return held + more <= show.maxSeatsPerUser() ? null : CommandReply.refused(command, LIMIT_EXCEEDED,
                    "At most " + show.maxSeatsPerUser() + " seats per user in this show; you have " + held
                            + ", booked or held");
        }
    }
}
