package io.boxoffice.common;

import java.util.List;

/**
 * The one place where Boxoffice's topic names live. Every producer, consumer, topology,
 * test and the topic set-up of {@code infra} refer to these constants.
 */
public final class Topics {

    /** Commands that change a show (and movies), keyed by show id (movie id for movie commands). */
    public static final String BOOKING_COMMANDS = "booking-commands";
    /** Outcomes of booking commands, keyed by request id, routed to the partition of the waiting gateway. */
    public static final String BOOKING_REPLIES = "booking-replies";
    /** The analytics feed: one versioned JSON event per state change, keyed by show id. */
    public static final String BOOKING_EVENTS = "booking-events";
    /** Account commands (register, ensure admin), keyed by username. */
    public static final String USER_COMMANDS = "user-commands";
    /** Outcomes of account commands, keyed by request id, routed like {@link #BOOKING_REPLIES}. */
    public static final String USER_REPLIES = "user-replies";
    /** Accounts, keyed by username, compacted: the system of record for users. */
    public static final String USERS = "users";
    /**
     * Booking commands the processor could not apply (malformed, inconsistent, or failing deterministically)
     * and stored values it removed as unusable, with the reason in headers ({@code docs/dead-letters.md}).
     */
    public static final String BOOKING_COMMANDS_DLQ = BOOKING_COMMANDS + "-dlq";
    /** Account commands the user-service could not apply, as {@link #BOOKING_COMMANDS_DLQ}. */
    public static final String USER_COMMANDS_DLQ = USER_COMMANDS + "-dlq";

    private Topics() {
    }

    /** What a topic needs when it is created; partitions of command topics are configurable. */
    public record Spec(String name, boolean compacted, long retentionMs, boolean scalesWithLoad) {
    }

    /** Seven days: long enough for the analytics feed and for replays. */
    private static final long WEEK_MS = 7L * 24 * 60 * 60 * 1000;
    private static final long HOUR_MS = 60L * 60 * 1000;
    /** Dead letters wait for a person: long enough to outlast a holiday between the fault and its repair. */
    private static final long DEAD_LETTER_RETENTION_MS = 4 * WEEK_MS;

    /**
     * Every topic Boxoffice creates. Command topics (and events, which share their key) scale
     * with the configured partition count; reply topics carry one partition per gateway instance. A dead-letter
     * topic has as many partitions as its command topic, so a dead letter lands on its command's partition number.
     */
    public static List<Spec> all() {
        return List.of(
                new Spec(BOOKING_COMMANDS, false, WEEK_MS, true),
                new Spec(BOOKING_EVENTS, false, -1L, true),
                new Spec(BOOKING_REPLIES, false, HOUR_MS, false),
                new Spec(USER_COMMANDS, false, WEEK_MS, true),
                new Spec(USER_REPLIES, false, HOUR_MS, false),
                new Spec(USERS, true, -1L, true),
                new Spec(BOOKING_COMMANDS_DLQ, false, DEAD_LETTER_RETENTION_MS, true),
                new Spec(USER_COMMANDS_DLQ, false, DEAD_LETTER_RETENTION_MS, true));
    }
}
