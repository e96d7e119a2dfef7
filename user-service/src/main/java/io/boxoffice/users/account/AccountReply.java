package io.boxoffice.users.account;

import java.util.List;

/**
 * The decider's answer on {@code Topics.USER_REPLIES}, keyed by request id and written to
 * {@code replyPartition} (the sender's), in the same transaction as the account change it reports.
 */
public record AccountReply(String requestId, int replyPartition, Outcome outcome, String accountId,
                           String username, List<String> roles) {

    public enum Outcome {
        CREATED,
        UPDATED,
        USERNAME_TAKEN,
        /** The command was malformed; nothing changed, and it is in {@code Topics.USER_COMMANDS_DLQ}. */
        REJECTED,
        /** Deciding the command failed on the service's side; nothing changed, and it is in the DLQ. */
        FAILED
    }

    static AccountReply of(AccountCommand command, Outcome outcome, Account account) {
        return new AccountReply(command.requestId(), command.replyPartition(), outcome,
                account == null ? null : account.id(), account == null ? command.username() : account.username(),
                account == null ? null : account.roles());
    }
}
