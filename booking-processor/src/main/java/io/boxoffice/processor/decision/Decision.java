package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.CommandReply;
import java.util.List;

/**
 * What the single writer emits for one command: the reply for the waiting client and the events for the feed,
 * or, as a record of its own (with dead-letter headers), a dead letter for {@code booking-commands-dlq}.
 *
 * @param reply      null for a dead letter
 * @param deadLetter null unless this record is a dead letter
 */
record Decision(CommandReply reply, List<BookingEvent> events, DeadLetter deadLetter) {

    Decision(CommandReply reply, List<BookingEvent> events) {
        this(reply, events, null);
    }

    /** The value a dead letter carries: the original bytes of a command, or a removed stored value. */
    record DeadLetter(byte[] value) {
    }

    static Decision replyOnly(CommandReply reply) {
        return new Decision(reply, List.of(), null);
    }

    static Decision deadLetter(byte[] value) {
        return new Decision(null, List.of(), new DeadLetter(value));
    }

    boolean awaited() {
        return reply != null && reply.replyPartition() >= 0;
    }
}
