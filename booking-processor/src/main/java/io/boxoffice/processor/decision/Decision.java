package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.CommandReply;
import java.util.List;

/** What deciding one command produced: the reply for the waiting client and the events for the feed. */
record Decision(CommandReply reply, List<BookingEvent> events) {

    static Decision replyOnly(CommandReply reply) {
        return new Decision(reply, List.of());
    }
}
