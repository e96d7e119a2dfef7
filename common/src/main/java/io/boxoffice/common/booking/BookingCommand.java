package io.boxoffice.common.booking;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * The envelope of everything written to {@code booking-commands}. The record key is the show id
 * ({@link CreateMovie}: the movie id), so all commands of one show are decided in order by one writer.
 *
 * @param requestId      unique per request; the processor applies a request id at most once
 * @param userId         who asks; {@code admin} says whether the gateway verified the ADMIN role
 * @param replyPartition the partition of the reply topic the waiting gateway instance reads; -1 for none
 */
public record BookingCommand(String requestId, String userId, boolean admin, int replyPartition,
                             Instant issuedAt, Payload payload) {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = CreateMovie.class, name = "CREATE_MOVIE"),
            @JsonSubTypes.Type(value = CreateShow.class, name = "CREATE_SHOW"),
            @JsonSubTypes.Type(value = BookSeats.class, name = "BOOK_SEATS"),
            @JsonSubTypes.Type(value = CancelBooking.class, name = "CANCEL_BOOKING"),
            @JsonSubTypes.Type(value = CancelShow.class, name = "CANCEL_SHOW"),
            @JsonSubTypes.Type(value = PlaceHold.class, name = "PLACE_HOLD"),
            @JsonSubTypes.Type(value = ConfirmHold.class, name = "CONFIRM_HOLD"),
            @JsonSubTypes.Type(value = ReleaseHold.class, name = "RELEASE_HOLD")})
    public sealed interface Payload permits CreateMovie, CreateShow, BookSeats, CancelBooking, CancelShow, PlaceHold,
            ConfirmHold, ReleaseHold {
        /** The record key the command must carry. */
        String key();

        /** The kind of command, as replies name it: the payload's type, e.g. {@code PlaceHold}. */
        default String kind() {
            return getClass().getSimpleName();
        }
    }

    public record CreateMovie(String movieId, String title, int durationMinutes) implements Payload {
        public String key() {
            return movieId;
        }
    }

    /** {@code holdSeconds} and {@code seatsPerRow} may be absent (a command from before holds): the defaults. */
    public record CreateShow(String showId, String movieId, String screen, Instant startsAt, int totalSeats,
                             int maxSeatsPerUser, Integer holdSeconds, Integer seatsPerRow) implements Payload {
        public String key() {
            return showId;
        }

        public int holdSecondsOrDefault() {
            return holdSeconds == null ? ShowRules.DEFAULT_HOLD_SECONDS : holdSeconds;
        }

        public int seatsPerRowOrDefault() {
            return seatsPerRow == null ? ShowRules.DEFAULT_SEATS_PER_ROW : seatsPerRow;
        }
    }

    public record BookSeats(String showId, List<Integer> seats) implements Payload {
        public String key() {
            return showId;
        }
    }

    public record CancelBooking(String bookingId) implements Payload {
        public String key() {
            return io.boxoffice.common.Ids.showOf(bookingId);
        }
    }

    public record CancelShow(String showId) implements Payload {
        public String key() {
            return showId;
        }
    }

    /** Holds the named {@code seats}, or the {@code bestAvailable} free seats: exactly one of the two. */
    public record PlaceHold(String showId, List<Integer> seats, Integer bestAvailable) implements Payload {
        public String key() {
            return showId;
        }
    }

    public record ConfirmHold(String holdId) implements Payload {
        public String key() {
            return io.boxoffice.common.Ids.showOf(holdId);
        }
    }

    public record ReleaseHold(String holdId) implements Payload {
        public String key() {
            return io.boxoffice.common.Ids.showOf(holdId);
        }
    }
}
