package io.boxoffice.processor.decision;

import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.CommandReply;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer's processor: one command in, one {@link Decision} out, in partition order. A request id
 * seen before (within the dedupe retention) is not decided again; its original reply is replayed and no
 * event is emitted, so a command retried by a client or re-sent after a crash is applied once. Under
 * exactly_once_v2 the store writes, the remembered reply and the emitted records commit together.
 */
final class DecideCommand implements Processor<String, BookingCommand, String, Decision> {
    private static final Logger log = LoggerFactory.getLogger(DecideCommand.class);

    private final Duration dedupeRetention;
    private ProcessorContext<String, Decision> context;
    private WindowStore<String, CommandReply> processed;
    private CommandDecider decider;

    DecideCommand(Duration dedupeRetention) {
        this.dedupeRetention = dedupeRetention;
    }

    @Override
    public void init(ProcessorContext<String, Decision> context) {
        this.context = context;
        this.processed = context.getStateStore(Stores.PROCESSED_REQUESTS);
        this.decider = new CommandDecider(new Ledger(context));
    }

    @Override
    public void process(Record<String, BookingCommand> record) {
        BookingCommand command = record.value();
        if (command == null || command.requestId() == null || command.payload() == null) {
            log.warn("Skipping a command without request id or payload at key {}", record.key());
            return;
        }
        CommandReply earlier = earlierReply(command.requestId(), record.timestamp());
        if (earlier != null) {
            // Route the replay to whoever waits now: a retry may come from another gateway instance.
            context.forward(record.withValue(Decision.replyOnly(withPartition(earlier, command.replyPartition()))));
            return;
        }
        Decision decision = decider.decide(command, Instant.ofEpochMilli(record.timestamp()));
        processed.put(command.requestId(), decision.reply(), record.timestamp());
        context.forward(record.withValue(decision));
    }

    private CommandReply earlierReply(String requestId, long timestamp) {
        long span = dedupeRetention.toMillis();
        return ProcessedRequests.reply(processed, requestId, Instant.ofEpochMilli(Math.max(0, timestamp - span)),
                Instant.ofEpochMilli(timestamp + span));
    }

    private static CommandReply withPartition(CommandReply reply, int replyPartition) {
        return new CommandReply(reply.requestId(), replyPartition, reply.status(), reply.code(), reply.detail(),
                reply.seats(), reply.movie(), reply.show(), reply.booking());
    }
}
