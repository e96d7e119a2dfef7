package io.boxoffice.common.booking;

import java.util.List;

/**
 * The processor's answer to one {@link BookingCommand}, written to {@code booking-replies} in the same
 * transaction as the state change. {@code status} is the HTTP status the synchronous call answers;
 * on failure {@code code} and {@code detail} make the problem document ({@code seats}: the taken ones).
 */
public record CommandReply(String requestId, int replyPartition, int status, String code, String detail,
                           List<Integer> seats, Movie movie, Show show, Booking booking) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public static CommandReply failure(BookingCommand command, int status, String code, String detail) {
        return new CommandReply(command.requestId(), command.replyPartition(), status, code, detail,
                null, null, null, null);
    }
}
