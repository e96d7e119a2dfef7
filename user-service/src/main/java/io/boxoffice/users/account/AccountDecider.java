package io.boxoffice.users.account;

import io.boxoffice.common.Stores;
import io.boxoffice.users.account.AccountReply.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single writer of accounts: decides each command of its partition in order against
 * {@link Stores#ACCOUNTS}, so of two registrations of one name exactly one wins. A change is written to
 * the store and to {@code Topics.USERS}, and the reply to {@code Topics.USER_REPLIES}, all within the
 * stream task's exactly-once transaction. One store read and at most one write per command.
 * The decision is a pure function of the command, its timestamp and the stored account, so a replay
 * after an aborted transaction decides the same.
 */
final class AccountDecider implements Processor<String, AccountCommand, String, Object> {
    static final String NAME = "account-decider";
    static final String USERS_SINK = "users-sink";
    static final String REPLIES_SINK = "user-replies-sink";

    private static final List<String> USER_ROLES = List.of(Account.USER);
    private static final List<String> ADMIN_ROLES = List.of(Account.USER, Account.ADMIN);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Account> accounts;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.accounts = context.getStateStore(Stores.ACCOUNTS);
    }

    @Override
    public void process(Record<String, AccountCommand> record) {
        AccountCommand command = record.value();
        if (command == null || command.requestId() == null) {
            return; // no one to answer and nothing to decide
        }
        AccountReply reply = decide(record.key(), command, Instant.ofEpochMilli(record.timestamp()));
        context.forward(record.withKey(command.requestId()).withValue(reply), REPLIES_SINK);
    }

    private AccountReply decide(String key, AccountCommand command, Instant at) {
        // A command keyed differently from its username would be decided by the wrong writer.
        if (!command.wellFormed() || !Objects.equals(key, command.key())) {
            return AccountReply.of(command, Outcome.REJECTED, null);
        }
        Account existing = accounts.get(key);
        return switch (command.type()) {
            case REGISTER -> register(key, command, existing, at);
            case ENSURE_ADMIN -> ensureAdmin(key, command, existing, at);
        };
    }

    private AccountReply register(String key, AccountCommand command, Account existing, Instant at) {
        if (existing != null) {
            boolean retryOfCreator = command.requestId().equals(existing.requestId());
            return AccountReply.of(command, retryOfCreator ? Outcome.CREATED : Outcome.USERNAME_TAKEN,
                    retryOfCreator ? existing : null);
        }
        if (key.equals(Account.ADMIN_USERNAME)) {
            return AccountReply.of(command, Outcome.USERNAME_TAKEN, null);
        }
        Account created = new Account(command.accountId(), command.username(), command.email(),
                command.passwordHash(), USER_ROLES, at, command.requestId());
        write(key, created, at);
        return AccountReply.of(command, Outcome.CREATED, created);
    }

    private AccountReply ensureAdmin(String key, AccountCommand command, Account existing, Instant at) {
        if (!key.equals(Account.ADMIN_USERNAME)) {
            return AccountReply.of(command, Outcome.REJECTED, null);
        }
        if (existing == null) {
            Account created = new Account(command.accountId(), command.username(), command.email(),
                    command.passwordHash(), ADMIN_ROLES, at, command.requestId());
            write(key, created, at);
            return AccountReply.of(command, Outcome.CREATED, created);
        }
        Account updated = new Account(existing.id(), existing.username(), existing.email(), command.passwordHash(),
                ADMIN_ROLES, existing.createdAt(), existing.requestId());
        write(key, updated, at);
        return AccountReply.of(command, Outcome.UPDATED, updated);
    }

    private void write(String key, Account account, Instant at) {
        accounts.put(key, account);
        context.forward(new Record<String, Object>(key, account, at.toEpochMilli()), USERS_SINK);
    }
}
