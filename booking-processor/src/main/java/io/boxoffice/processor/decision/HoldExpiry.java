package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.Hold;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires holds without a request: a wall-clock punctuation of the single writer's task reads the holds due
 * from the expiry index and expires each in a decision of its own, whose store writes and events are part of the
 * task's next exactly_once_v2 transaction, like a command's. So an expiry is never lost (a task that stops before
 * committing leaves the hold due, and whichever instance owns the show next finds it due at once), never doubled
 * (the expiry removes the hold from the index in the same transaction), and never extends a hold (due is
 * {@code expiresAt}, a time in the hold, not a timer). A hold confirmed or released first is no longer in the
 * index. Each run handles at most {@link #BATCH} holds, so a mass expiry never holds commands up for long; the
 * rest are due on the next run.
 */
final class HoldExpiry {
    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);
    /** Well within the contract's 2 s from {@code expiresAt} to free seats, with the commit interval after it. */
    static final Duration INTERVAL = Duration.ofMillis(250);
    static final int BATCH = 2_000;

    private final ProcessorContext<String, Decision> context;
    private final Ledger ledger;
    private final CommandDecider decider;

    private HoldExpiry(ProcessorContext<String, Decision> context, Ledger ledger, CommandDecider decider) {
        this.context = context;
        this.ledger = ledger;
        this.decider = decider;
    }

    static void schedule(ProcessorContext<String, Decision> context, Ledger ledger, CommandDecider decider) {
        HoldExpiry expiry = new HoldExpiry(context, ledger, decider);
        context.schedule(INTERVAL, PunctuationType.WALL_CLOCK_TIME, expiry::expireDue);
    }

    private void expireDue(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        for (Ledger.Due due : ledger.holdsDue(now, BATCH)) {
            Hold hold = ledger.hold(due.holdId());
            if (hold == null || !hold.held()) {
                log.warn("The expiry index named hold {}, which is {}; entry removed", due.holdId(),
                        hold == null ? "unknown" : hold.status());
                ledger.dropDue(due);
                ledger.apply();
                continue;
            }
            Decision decision;
            try {
                decision = decider.expire(hold, now);
            } catch (RuntimeException e) {
                // Not dropped: a bug that throws here must not free seats silently; the hold stays due and logged.
                ledger.discard();
                log.error("Expiring hold {} failed; it stays due", hold.id(), e);
                continue;
            }
            ledger.apply();
            context.forward(new Record<>(hold.showId(), decision, nowMillis));
        }
    }
}
