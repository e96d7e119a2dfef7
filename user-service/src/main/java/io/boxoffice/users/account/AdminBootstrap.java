package io.boxoffice.users.account;

import io.boxoffice.common.Ids;
import io.boxoffice.users.UsersProperties;
import io.boxoffice.users.account.AccountCommand.Type;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/**
 * Makes the {@code admin} account exist with the configured password once the service is up, through
 * the same decider as registrations (ENSURE_ADMIN creates it or resets its hash and roles). Runs in the
 * background and retries the same command while Streams is still starting: the command is idempotent.
 * The password itself is never logged.
 */
@Component
class AdminBootstrap {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UsersProperties properties;
    private final Passwords passwords;
    private final AccountCommands commands;

    AdminBootstrap(UsersProperties properties, Passwords passwords, AccountCommands commands) {
        this.properties = properties;
        this.passwords = passwords;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdmin() {
        if (!properties.hasAdminPassword()) {
            log.warn("BOXOFFICE_ADMIN_PASSWORD is not set: no admin account is ensured, admin endpoints "
                    + "are usable only by an admin created earlier");
            return;
        }
        String requestId = Ids.random();
        String accountId = Ids.random();
        // The hash is made again on a retry, which also covers a bulkhead full of start-up logins.
        passwords.hash(properties.adminPassword())
                .map(hash -> new AccountCommand(Type.ENSURE_ADMIN, requestId, accountId, Account.ADMIN_USERNAME,
                        null, hash, commands.replyPartition()))
                .flatMap(commands::send)
                .retryWhen(Retry.backoff(20, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(10)))
                .subscribe(
                        reply -> log.info("Admin account '{}' ensured ({})", Account.ADMIN_USERNAME, reply.outcome()),
                        error -> log.error("Could not ensure the admin account: {}", error.toString()));
    }
}
