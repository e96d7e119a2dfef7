package io.boxoffice.common.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The processor's answer to one {@link BookingCommand}, written to {@code booking-replies} in the same
 * transaction as the state change. It says what happened, never how HTTP says it: the gateway alone maps the
 * {@link Outcome} and a refusal's {@code code} to a status. A refusal carries {@code code} and {@code detail}
 * ({@code seats}: the seats it is about); any other outcome carries the thing it made or changed.
 * {@code command} names the kind of command answered ({@link BookingCommand.Payload#kind()}), so that an outcome
 * read later says what was asked; absent when the command could not be read.
 */
public record CommandReply(String requestId, int replyPartition, Outcome outcome, String code, String detail,
                           List<Integer> seats, Movie movie, Show show, Booking booking, Hold hold, String command) {

    /** What a decision did. */
    public enum Outcome {
        /** Something new exists: a movie, a show, a booking, a hold. */
        CREATED,
        /** Something that existed changed: a booking or a show cancelled, a hold released. */
        CHANGED,
        /** The change asked for had been made before (a repeated confirm or release): the same thing again. */
        UNCHANGED,
        /** Nothing changed, for the reason in {@code code}. */
        REFUSED
    }

    public boolean ok() {
        return outcome != Outcome.REFUSED;
    }

    public static CommandReply refused(BookingCommand command, String code, String detail) {
        return new CommandReply(command.requestId(), command.replyPartition(), Outcome.REFUSED, code, detail, null,
                null, null, null, null, kindOf(command));
    }

    /** The refusal of a command that could not be read, so of no known kind. */
    public static CommandReply refused(String requestId, int replyPartition, String code, String detail) {
        return new CommandReply(requestId, replyPartition, Outcome.REFUSED, code, detail, null, null, null, null,
                null, null);
    }

    public static CommandReply of(BookingCommand command, Outcome outcome, Movie movie) {
        return new CommandReply(command.requestId(), command.replyPartition(), outcome, null, null, null, movie,
                null, null, null, kindOf(command));
    }

    public static CommandReply of(BookingCommand command, Outcome outcome, Show show) {
        return new CommandReply(command.requestId(), command.replyPartition(), outcome, null, null, null, null,
                show, null, null, kindOf(command));
    }

    public static CommandReply of(BookingCommand command, Outcome outcome, Booking booking) {
        return new CommandReply(command.requestId(), command.replyPartition(), outcome, null, null, null, null,
                null, booking, null, kindOf(command));
    }

    public static CommandReply of(BookingCommand command, Outcome outcome, Hold hold) {
        return new CommandReply(command.requestId(), command.replyPartition(), outcome, null, null, null, null,
                null, null, hold, kindOf(command));
    }

    /** The refusal naming the seats it is about. */
    public CommandReply aboutSeats(List<Integer> about) {
        return new CommandReply(requestId, replyPartition, outcome, code, detail, about, movie, show, booking, hold,
                command);
    }

    /** The same answer for whoever waits on {@code partition} now (a replay may be for another gateway). */
    public CommandReply toPartition(int partition) {
        return new CommandReply(requestId, partition, outcome, code, detail, seats, movie, show, booking, hold,
                command);
    }

    /**
     * Reads replies of either form: those remembered before outcomes existed carry the HTTP status instead
     * (for up to the dedupe retention after an upgrade), which names the same outcome.
     */
    @JsonCreator
    static CommandReply read(@JsonProperty("requestId") String requestId,
                             @JsonProperty("replyPartition") int replyPartition,
                             @JsonProperty("outcome") Outcome outcome, @JsonProperty("status") Integer status,
                             @JsonProperty("code") String code, @JsonProperty("detail") String detail,
                             @JsonProperty("seats") List<Integer> seats, @JsonProperty("movie") Movie movie,
                             @JsonProperty("show") Show show, @JsonProperty("booking") Booking booking,
                             @JsonProperty("hold") Hold hold, @JsonProperty("command") String command) {
        Outcome read = outcome != null || status == null ? outcome
                : status == 201 ? Outcome.CREATED : status >= 200 && status < 300 ? Outcome.CHANGED : Outcome.REFUSED;
        return new CommandReply(requestId, replyPartition, read, code, detail, seats, movie, show, booking, hold,
                command);
    }

    private static String kindOf(BookingCommand command) {
        return command.payload() == null ? null : command.payload().kind();
    }
}
