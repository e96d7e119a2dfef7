package io.boxoffice.users.account;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.streams.BadValues;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.common.web.ApiException;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;

/**
 * Reads accounts by interactive query on the decider's store. Only the active owner of a username's
 * partition is read: it has applied every decision, including ones whose transaction has not committed
 * yet, so a login right after a 201 finds the account. While Streams starts or rebalances the store
 * cannot be read and callers get 503 {@code unavailable}.
 */
@Component
public class AccountStore {
    private final StoreRouter router;
    private final BadValues bad = new BadValues();

    AccountStore(StoreRouter accountRouter) {
        this.router = accountRouter;
    }

    /** The instance that owns {@code key}, or empty when it is this one. */
    public Optional<HostInfo> remoteOwner(String key) {
        return guarded(() -> router.remoteOwner(Stores.ACCOUNTS, key));
    }

    /**
     * The account under {@code key} from this instance's store; call only when this instance owns it. A bad
     * stored account (undecodable, or not {@link Account#usable usable}) is absent, logged once.
     */
    public Optional<Account> local(String key) {
        return guarded(() -> Optional.ofNullable(router.<String, Account>local(Stores.ACCOUNTS).get(key))
                .filter(account -> bad.usable(Stores.ACCOUNTS, key, account, Account::usable)));
    }

    private static <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new ApiException(503, ProblemCodes.UNAVAILABLE, "Accounts are being rebalanced; try again shortly");
        }
    }
}
