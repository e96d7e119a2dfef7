package io.boxoffice.users.account;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.common.web.ApiException;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends an account command keyed by its lower-cased username and awaits the decider's reply. Kafka
 * failures become the contract's errors: no reply in time is 504 {@code timeout} (the command may still
 * be decided), an unusable client or a failed write is 503 {@code unavailable}.
 */
@Component
public class AccountCommands {
    private final RequestReplyClient<AccountCommand, AccountReply> client;

    AccountCommands(RequestReplyClient<AccountCommand, AccountReply> client) {
        this.client = client;
    }

    public int replyPartition() {
        return client.replyPartition();
    }

    /** Each subscription sends the command anew, so a retry resends it (the decider answers a repeat alike). */
    public Mono<AccountReply> send(AccountCommand command) {
        return Mono.defer(() -> client.ready()
                        ? client.request(command.key(), command.requestId(), command)
                        : Mono.error(unavailable()))
                .onErrorMap(e -> !(e instanceof ApiException), e -> e instanceof TimeoutException
                        ? new ApiException(504, ProblemCodes.TIMEOUT,
                        "The account service did not decide in time; the request may still take effect")
                        : unavailable());
    }

    private static ApiException unavailable() {
        return new ApiException(503, ProblemCodes.UNAVAILABLE, "Accounts are not reachable right now; try again");
    }
}
