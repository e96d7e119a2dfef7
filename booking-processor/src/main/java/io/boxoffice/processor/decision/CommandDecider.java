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
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.BookingStatus;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Movie;
import java.time.Instant;
import java.util.List;

/**
 * Decides one command, already checked for its shape ({@link CommandCheck}), against the stores of its show's
 * task. Pure decision logic: it reads the state,
 * checks the rules in a fixed order, and writes the new state only once a command is accepted, so a
 * rejected command changes nothing. Rules of a booking, in order: the show exists and is open, the seats
 * are well-formed and in range, the show is not sold out, none of the seats is taken, and the user's
 * active seats in the show stay within its limit. All seats or none are booked.
 */
final class CommandDecider {
    /** The gateway's bounds of a movie: a command beyond them is refused like the request would have been. */
    static final int MAX_TITLE = 200;
    static final int MAX_DURATION = 1000;

    private final Ledger ledger;

    CommandDecider(Ledger ledger) {
        this.ledger = ledger;
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
        } else {
            reply = createMovie(command, (CreateMovie) payload);
        }
        return new Decision(reply, events.events());
    }

    private CommandReply createMovie(BookingCommand command, CreateMovie create) {
        if (!command.admin()) {
            return CommandReply.failure(command, 403, FORBIDDEN, "Only an admin creates movies");
        }
        if (create.title().strip().length() > MAX_TITLE || create.durationMinutes() < 1
                || create.durationMinutes() > MAX_DURATION) {
            return CommandReply.failure(command, 400, INVALID_REQUEST, "title must be at most " + MAX_TITLE
                    + " characters and durationMinutes 1.." + MAX_DURATION);
        }
        Movie movie = new Movie(create.movieId(), create.title(), create.durationMinutes());
        ledger.putMovie(movie);
        return new CommandReply(command.requestId(), command.replyPartition(), 201, null, null, null, movie,
                null, null);
    }

    private CommandReply createShow(BookingCommand command, CreateShow create, EventLog events) {
        if (!command.admin()) {
            return CommandReply.failure(command, 403, FORBIDDEN, "Only an admin creates shows");
        }
        if (create.totalSeats() < 1 || create.totalSeats() > 100_000 || create.maxSeatsPerUser() < 1) {
            return CommandReply.failure(command, 400, INVALID_REQUEST,
                    "totalSeats must be 1..100000 and maxSeatsPerUser at least 1");
        }
        if (ledger.show(create.showId()) != null) {
            return CommandReply.failure(command, 409, INVALID_REQUEST, "A show with this id exists already");
        }
        ShowState show = ShowState.scheduled(create);
        ledger.scheduleShow(show);
        events.showScheduled(show);
        return showReply(command, 201, show);
    }

    private CommandReply book(BookingCommand command, BookSeats book, Instant now, EventLog events) {
        ShowState show = ledger.show(book.showId());
        if (show == null) {
            return CommandReply.failure(command, 404, SHOW_NOT_FOUND, "No show " + book.showId());
        }
        List<Integer> seats = book.seats() == null ? List.of() : book.seats().stream().sorted().toList();
        CommandReply rejection = SeatRules.check(command, show, seats, ledger.seatsHeld(show.id(), command.userId()));
        if (rejection != null) {
            events.rejected(show, command.userId(), seats, rejection.code());
            return rejection;
        }
        ShowState booked = show.book(seats);
        Booking booking = new Booking(Ids.booking(show.id(), booked.bookingSequence()), show.id(),
                command.userId(), seats, BookingStatus.ACTIVE, now, null);
        ledger.putShow(booked);
        ledger.addBooking(booking);
        events.confirmed(booked, booking);
        return bookingReply(command, 201, booking);
    }

    private CommandReply cancelBooking(BookingCommand command, CancelBooking cancel, Instant now, EventLog events) {
        Booking booking = ledger.booking(cancel.bookingId());
        if (booking == null || !(command.admin() || booking.userId().equals(command.userId()))) {
            return CommandReply.failure(command, 404, BOOKING_NOT_FOUND, "No such booking");
        }
        if (!booking.active()) {
            return CommandReply.failure(command, 409, ALREADY_CANCELLED, "The booking is cancelled already");
        }
        Booking cancelled = booking.cancelledAt(now);
        ShowState show = ledger.show(booking.showId()).release(booking.seats());
        ledger.putShow(show);
        ledger.cancelBooking(cancelled);
        events.cancelled(show, cancelled, EventLog.BY_USER);
        return bookingReply(command, 200, cancelled);
    }

    private CommandReply cancelShow(BookingCommand command, CancelShow cancel, Instant now, EventLog events) {
        if (!command.admin()) {
            return CommandReply.failure(command, 403, FORBIDDEN, "Only an admin cancels shows");
        }
        ShowState show = ledger.show(cancel.showId());
        if (show == null) {
            return CommandReply.failure(command, 404, SHOW_NOT_FOUND, "No show " + cancel.showId());
        }
        if (!show.open()) {
            return CommandReply.failure(command, 409, SHOW_CANCELLED, "The show is cancelled already");
        }
        ShowState cancelled = show.cancelled();
        for (Booking booking : ledger.activeBookingsOf(show.id())) {
            Booking gone = booking.cancelledAt(now);
            ledger.cancelBooking(gone);
            events.cancelled(cancelled, gone, EventLog.BY_SHOW_CANCELLATION);
        }
        ledger.putShow(cancelled);
        events.showCancelled(cancelled);
        return showReply(command, 200, cancelled);
    }

    private static CommandReply showReply(BookingCommand command, int status, ShowState show) {
        return new CommandReply(command.requestId(), command.replyPartition(), status, null, null, null, null,
                show.toShow(), null);
    }

    private static CommandReply bookingReply(BookingCommand command, int status, Booking booking) {
        return new CommandReply(command.requestId(), command.replyPartition(), status, null, null, null, null,
                null, booking);
    }

    /** The booking rules that only read: whether {@code seats} may be booked by the command's user. */
    static final class SeatRules {
        private SeatRules() {
        }

        static CommandReply check(BookingCommand command, ShowState show, List<Integer> seats, int held) {
            if (!show.open()) {
                return CommandReply.failure(command, 409, SHOW_CANCELLED, "The show is cancelled");
            }
            if (seats.isEmpty() || seats.stream().distinct().count() != seats.size()) {
                return CommandReply.failure(command, 400, INVALID_REQUEST, "Name one or more distinct seats");
            }
            List<Integer> outside = seats.stream().filter(seat -> !show.inRange(seat)).toList();
            if (!outside.isEmpty()) {
                return withSeats(CommandReply.failure(command, 400, SEAT_OUT_OF_RANGE,
                        "Seats are numbered 1.." + show.totalSeats()), outside);
            }
            if (show.availableSeats() == 0) {
                return CommandReply.failure(command, 409, SOLD_OUT, "The show is sold out");
            }
            List<Integer> taken = seats.stream().filter(show::isTaken).toList();
            if (!taken.isEmpty()) {
                return withSeats(CommandReply.failure(command, 409, SEAT_TAKEN, "Some seats are taken"), taken);
            }
            if (held + seats.size() > show.maxSeatsPerUser()) {
                return CommandReply.failure(command, 409, LIMIT_EXCEEDED, "At most " + show.maxSeatsPerUser()
                        + " seats per user in this show; you hold " + held);
            }
            return null;
        }

        private static CommandReply withSeats(CommandReply failure, List<Integer> seats) {
            return new CommandReply(failure.requestId(), failure.replyPartition(), failure.status(), failure.code(),
                    failure.detail(), seats, null, null, null);
        }
    }
}
