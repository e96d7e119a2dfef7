package io.boxoffice.processor.decision;

import io.boxoffice.common.Json;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.deadletter.DeadLetterReason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;

/**
 * One record of {@code booking-commands} as the single writer reads it: either a command it may decide, or the
 * reason it may not, with whatever identity could still be read, so that a waiting client gets an answer
 * instead of a time-out. The value is read here rather than by the source's serde, so that an unreadable
 * record is a value the processor dead-letters with its original bytes, not an exception.
 *
 * @param requestId      of a rejected record, when it names one; null otherwise
 * @param replyPartition of a rejected record, when it names one; -1 otherwise
 */
record Inbound(BookingCommand command, DeadLetterReason reason, String detail, String requestId,
               int replyPartition) {
    private static final int NO_REPLY = -1;
    private static final int MAX_DETAIL = 300;

    static Inbound read(String key, byte[] value) {
        if (value == null || value.length == 0) {
            return rejected(DeadLetterReason.UNREADABLE, "The record has no value", null, NO_REPLY);
        }
        BookingCommand command;
        try {
            command = Json.MAPPER.readValue(value, BookingCommand.class);
        } catch (InvalidTypeIdException e) {
            return unreadable(DeadLetterReason.UNKNOWN_TYPE, e, value);
        } catch (JacksonException e) {
            return unreadable(DeadLetterReason.UNREADABLE, e, value);
        }
        if (command == null) {
            return rejected(DeadLetterReason.UNREADABLE, "The value is JSON null", null, NO_REPLY);
        }
        CommandCheck.Flaw flaw = CommandCheck.flaw(key, command);
        if (flaw == null) {
            return new Inbound(command, null, null, null, NO_REPLY);
        }
        boolean identified = command.requestId() != null && !command.requestId().isBlank()
                && command.requestId().length() <= CommandCheck.MAX_ID_LENGTH;
        return rejected(flaw.reason(), flaw.detail(), identified ? command.requestId() : null,
                identified ? Math.max(NO_REPLY, command.replyPartition()) : NO_REPLY);
    }

    boolean decidable() {
        return reason == null;
    }

    /** A value that is no command still answers its waiter when its request id and reply partition are legible. */
    private static Inbound unreadable(DeadLetterReason reason, JacksonException error, byte[] value) {
        String requestId = null;
        int replyPartition = NO_REPLY;
        try {
            JsonNode tree = Json.MAPPER.readTree(value);
            JsonNode id = tree == null ? null : tree.get("requestId");
            if (id != null && id.isString() && !id.asString().isBlank()
                    && id.asString().length() <= CommandCheck.MAX_ID_LENGTH) {
                requestId = id.asString();
                JsonNode partition = tree.get("replyPartition");
                replyPartition = partition != null && partition.canConvertToInt() && partition.asInt() >= 0
                        ? partition.asInt() : NO_REPLY;
            }
        } catch (JacksonException notJson) {
            // No identity to answer: the dead letter alone records it.
        }
        return rejected(reason, firstLine(error.getOriginalMessage()), requestId, replyPartition);
    }

    private static Inbound rejected(DeadLetterReason reason, String detail, String requestId, int replyPartition) {
        return new Inbound(null, reason, detail, requestId, replyPartition);
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) : line;
    }
}
