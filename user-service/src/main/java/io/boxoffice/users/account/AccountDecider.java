package io.boxoffice.users.account;

import io.boxoffice.common.Json;
import io.boxoffice.common.Stores;
import io.boxoffice.common.deadletter.DeadLetterReason;
import io.boxoffice.common.deadletter.DeadLetters;
import io.boxoffice.users.account.AccountReply.Outcome;
import io.boxoffice.common.streams.StoreSweep;
import io.boxoffice.users.session.LoginThrottle;
import io.boxoffice.users.session.RefreshLine;
import io.boxoffice.users.session.SessionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The single writer of accounts and of their sessions: decides each command of its partition in order against
 * {@link Stores#ACCOUNTS}, so of two registrations of one name exactly one wins, and (through
 * {@link SessionDecisions}) against the name's login throttle and refresh lines, so that concurrent logins on any
 * instances share one allowance and a refresh token is spent once. A change is written to the stores (an account
 * also to {@code Topics.USERS}), and the reply to {@code Topics.USER_REPLIES}, all within the stream task's
 * exactly-once transaction. A wall-clock punctuation deletes expired lines and forgotten throttles a slice at a
 * time. A decision is a pure function of the command, its timestamp and the stores, so a replay after an
 * aborted transaction decides the same.
 *
 * <p>It trusts no record: one that is unreadable or malformed, or whose decision throws, goes with its original
 * bytes and the reason in headers to {@code Topics.USER_COMMANDS_DLQ}, and its sender, when it can be named,
 * gets a definite {@code REJECTED} or {@code FAILED} reply. The decision is complete before anything is
 * written, so a failing one writes nothing, and the partition goes on with the next record.
 */
final class AccountDecider implements Processor<String, byte[], String, Object> {
    private static final Logger log = LoggerFactory.getLogger(AccountDecider.class);
    static final String NAME = "account-decider";
    static final String USERS_SINK = "users-sink";
    static final String REPLIES_SINK = "user-replies-sink";
    static final String DEAD_LETTERS_SINK = "user-commands-dlq-sink";

    private static final List<String> USER_ROLES = List.of(Account.USER);
    private static final List<String> ADMIN_ROLES = List.of(Account.USER, Account.ADMIN);
    private static final int NO_REPLY = -1;

    /** How often expired lines and forgotten throttles are looked for, and how many entries one run examines. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    static final int SWEEP_SLICE = 1_000;

    private final SessionPolicy policy;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Account> accounts;
    private KeyValueStore<String, LoginThrottle> throttles;
    private KeyValueStore<String, RefreshLine> lines;
    private SessionDecisions sessions;
    private StoreSweep<LoginThrottle> throttleSweep;
    private StoreSweep<RefreshLine> lineSweep;
    private Instant sweepTime = Instant.EPOCH;

    /** What deciding a command produced: the reply, the account to write (null for none), and other writes. */
    private record Change(AccountReply reply, Account account, Runnable writes) {
        Change(AccountReply reply, Account account) {
            this(reply, account, () -> { });
        }
    }

    AccountDecider(SessionPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.accounts = context.getStateStore(Stores.ACCOUNTS);
        this.throttles = context.getStateStore(Stores.LOGIN_THROTTLES);
        this.lines = context.getStateStore(Stores.SESSIONS);
        this.sessions = new SessionDecisions(policy, accounts, throttles, lines);
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    /**
     * Deletes what no decision needs any more, a slice of each store per run, starting over once a store was
     * walked: without it every name ever tried and every login ever made would stay for good.
     */
    private void sweep(long now) {
        sweepTime = Instant.ofEpochMilli(now);
        if (throttleSweep == null) {
            throttleSweep = new StoreSweep<>(Stores.LOGIN_THROTTLES, throttles,
                    (key, throttle) -> policy.login().remembered(throttle, sweepTime), (store, key, value) -> { });
        }
        if (lineSweep == null) {
            lineSweep = new StoreSweep<>(Stores.SESSIONS, lines,
                    (key, line) -> SessionDecisions.kept(line, sweepTime), (store, key, value) -> { });
        }
        // A walk that has seen the whole store starts over at the next run.
        if (throttleSweep.step(SWEEP_SLICE)) {
            throttleSweep = null;
        }
        if (lineSweep.step(SWEEP_SLICE)) {
            lineSweep = null;
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        AccountCommand command;
        try {
            command = record.value() == null ? null : Json.MAPPER.readValue(record.value(), AccountCommand.class);
        } catch (JacksonException e) {
            JsonNode identity = identity(record.value());
            deadLetter(record, DeadLetterReason.UNREADABLE, e.getOriginalMessage(), null,
                    text(identity, "requestId"), partition(identity));
            return;
        }
        if (command == null || command.requestId() == null || command.requestId().isBlank()) {
            deadLetter(record, DeadLetterReason.MISSING_FIELD, "requestId is required", null, null, NO_REPLY);
            return;
        }
        // A command keyed differently from its username would be decided by the wrong writer.
        if (!command.wellFormed() || !Objects.equals(record.key(), command.key())) {
            DeadLetterReason reason = command.wellFormed() ? DeadLetterReason.KEY_MISMATCH
                    : DeadLetterReason.INVALID_FIELD;
            deadLetter(record, reason, reason == DeadLetterReason.KEY_MISMATCH
                    ? "record key " + record.key() + " is not the lower-cased username"
                    : "type, requestId, a valid username, a reply partition and the fields of the type are required",
                    null, command.requestId(), command.replyPartition());
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Change change;
        try {
            change = decide(record.key(), command, at);
        } catch (RuntimeException e) {
            log.error("Deciding account request {} failed; dead-lettered, nothing written", command.requestId(), e);
            deadLetter(record, DeadLetterReason.DECISION_FAILED, "Deciding the command threw " + e, e,
                    command.requestId(), command.replyPartition());
            return;
        }
        if (change.account() != null) {
            accounts.put(record.key(), change.account());
            context.forward(new Record<String, Object>(record.key(), change.account(), at.toEpochMilli()), USERS_SINK);
        }
        change.writes().run();
        context.forward(record.withKey(command.requestId()).withValue(change.reply()), REPLIES_SINK);
    }

    private Change decide(String key, AccountCommand command, Instant at) {
        return switch (command.type()) {
            case REGISTER -> register(key, command, accounts.get(key), at);
            case ENSURE_ADMIN -> ensureAdmin(key, command, accounts.get(key), at);
            case LOGIN_BEGIN -> session(sessions.loginBegin(key, command, at));
            case LOGIN_END -> session(sessions.loginEnd(key, command, at));
            case REFRESH -> session(sessions.refresh(key, command, at));
            case LOGOUT -> session(sessions.logout(command, at));
        };
    }

    private static Change session(SessionDecisions.Decision decision) {
        return new Change(decision.reply(), null, decision.writes());
    }

    private Change register(String key, AccountCommand command, Account existing, Instant at) {
        if (existing != null) {
            boolean retryOfCreator = command.requestId().equals(existing.requestId());
            return new Change(AccountReply.of(command, retryOfCreator ? Outcome.CREATED : Outcome.USERNAME_TAKEN,
                    retryOfCreator ? existing : null), null);
        }
        if (key.equals(Account.ADMIN_USERNAME)) {
            return new Change(AccountReply.of(command, Outcome.USERNAME_TAKEN, null), null);
        }
        Account created = new Account(command.accountId(), command.username(), command.email(),
                command.passwordHash(), USER_ROLES, at, command.requestId());
        return new Change(AccountReply.of(command, Outcome.CREATED, created), created);
    }

    private Change ensureAdmin(String key, AccountCommand command, Account existing, Instant at) {
        if (!key.equals(Account.ADMIN_USERNAME)) {
            return new Change(AccountReply.of(command, Outcome.REJECTED, null), null);
        }
        if (existing == null) {
            Account created = new Account(command.accountId(), command.username(), command.email(),
                    command.passwordHash(), ADMIN_ROLES, at, command.requestId());
            return new Change(AccountReply.of(command, Outcome.CREATED, created), created);
        }
        Account updated = new Account(existing.id(), existing.username(), existing.email(), command.passwordHash(),
                ADMIN_ROLES, existing.createdAt(), existing.requestId());
        return new Change(AccountReply.of(command, Outcome.UPDATED, updated), updated);
    }

    /** The original record to the dead-letter topic, and a definite answer to its sender when it names one. */
    private void deadLetter(Record<String, byte[]> record, DeadLetterReason reason, String detail,
                            RuntimeException error, String requestId, int replyPartition) {
        log.warn("Dead-lettering the account command at key {} ({}): {}", record.key(), reason.code(), detail);
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(),
                DeadLetters.of(record.headers(), reason, detail, context.recordMetadata().orElse(null), error)),
                DEAD_LETTERS_SINK);
        if (requestId != null && replyPartition >= 0) {
            Outcome outcome = reason.malformed() ? Outcome.REJECTED : Outcome.FAILED;
            context.forward(new Record<String, Object>(requestId,
                    new AccountReply(requestId, replyPartition, outcome, null, null, null), record.timestamp(),
                    record.headers()), REPLIES_SINK);
        }
    }

    private static JsonNode identity(byte[] value) {
        try {
            return value == null ? null : Json.MAPPER.readTree(value);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree == null ? null : tree.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static int partition(JsonNode tree) {
        JsonNode node = tree == null ? null : tree.get("replyPartition");
        return node != null && node.canConvertToInt() ? node.asInt() : NO_REPLY;
    }
}
