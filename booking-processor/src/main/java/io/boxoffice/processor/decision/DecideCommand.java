package io.boxoffice.processor.decision;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.deadletter.DeadLetterReason;
import io.boxoffice.common.deadletter.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
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
 *
 * <p>It trusts no record: one that is unreadable or of the wrong shape, or whose decision throws, becomes a
 * dead letter (the original bytes, with the reason in headers) and, when it names a request, a definite
 * failure reply, remembered like any other so the asynchronous outcome reads it too. Nothing of such a
 * command reaches a store, and the partition goes on with the next record at once. Its {@link StateSweep}
 * removes stored values that were written before commands were checked.
 */
final class DecideCommand implements Processor<String, byte[], String, Decision> {
    private static final Logger log = LoggerFactory.getLogger(DecideCommand.class);

    private final Duration dedupeRetention;
    private ProcessorContext<String, Decision> context;
    private WindowStore<String, CommandReply> processed;
    private Ledger ledger;
    private CommandDecider decider;

    DecideCommand(Duration dedupeRetention) {
        this.dedupeRetention = dedupeRetention;
    }

    @Override
    public void init(ProcessorContext<String, Decision> context) {
        this.context = context;
        this.processed = context.getStateStore(Stores.PROCESSED_REQUESTS);
        this.ledger = new Ledger(context);
        this.decider = new CommandDecider(ledger);
        StateSweep.schedule(context);
        HoldExpiry.schedule(context, ledger, decider);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Inbound inbound = Inbound.read(record.key(), record.value());
        if (!inbound.decidable()) {
            log.warn("Dead-lettering the command at key {} ({}): {}", record.key(), inbound.reason().code(),
                    inbound.detail());
            deadLetter(record, inbound.reason(), inbound.detail(), null, inbound.requestId(),
                    inbound.replyPartition());
            return;
        }
        BookingCommand command = inbound.command();
        CommandReply earlier = earlierReply(command.requestId(), record.timestamp());
        if (earlier != null) {
            // Route the replay to whoever waits now: a retry may come from another gateway instance.
            context.forward(record.withValue(Decision.replyOnly(earlier.toPartition(command.replyPartition()))));
            return;
        }
        Decision decision;
        try {
            decision = decider.decide(command, Instant.ofEpochMilli(record.timestamp()));
        } catch (RuntimeException e) {
            ledger.discard();
            log.error("Deciding request {} at key {} failed; dead-lettered, nothing written", command.requestId(),
                    record.key(), e);
            deadLetter(record, DeadLetterReason.DECISION_FAILED, "Deciding the command threw " + e, e,
                    command.requestId(), command.replyPartition());
            return;
        }
        ledger.apply();
        processed.put(command.requestId(), decision.reply(), record.timestamp());
        context.forward(record.withValue(decision));
    }

    /**
     * Sends the original record to the dead-letter topic and answers its request, if it names one: with the
     * failure, or with the request's earlier reply when the request was decided before.
     */
    private void deadLetter(Record<String, byte[]> record, DeadLetterReason reason, String detail,
                            RuntimeException error, String requestId, int replyPartition) {
        Headers headers = DeadLetters.of(record.headers(), reason, detail,
                context.recordMetadata().orElse(null), error);
        context.forward(new Record<>(record.key(), Decision.deadLetter(record.value()), record.timestamp(), headers));
        if (requestId == null) {
            return;
        }
        CommandReply earlier = earlierReply(requestId, record.timestamp());
        CommandReply answer = earlier != null ? earlier.toPartition(replyPartition) : failure(reason, requestId,
                replyPartition);
        if (earlier == null) {
            processed.put(requestId, answer, record.timestamp());
        }
        context.forward(new Record<>(record.key(), Decision.replyOnly(answer), record.timestamp(), record.headers()));
    }

    private static CommandReply failure(DeadLetterReason reason, String requestId, int replyPartition) {
        return reason.malformed()
                ? CommandReply.refused(requestId, replyPartition, ProblemCodes.INVALID_COMMAND,
                "The booking system cannot apply this command (" + reason.code() + "); nothing changed")
                : CommandReply.refused(requestId, replyPartition, ProblemCodes.COMMAND_FAILED,
                "Deciding this request failed on our side; nothing changed");
    }

    private CommandReply earlierReply(String requestId, long timestamp) {
        long span = dedupeRetention.toMillis();
        return ProcessedRequests.reply(processed, requestId, Instant.ofEpochMilli(Math.max(0, timestamp - span)),
                Instant.ofEpochMilli(timestamp + span));
    }
}
