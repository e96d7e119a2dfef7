package io.boxoffice.users.account;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Stores;
import io.boxoffice.common.streams.BadValues;
import io.boxoffice.common.streams.CopyReads;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.common.streams.StoreRouter.Copies;
import io.boxoffice.common.web.ApiException;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.stereotype.Component;

/**
 * Reads accounts by interactive query on the decider's store. The active copy of a username's partition
 * is read first: it has applied every decision, including ones whose transaction has not committed yet, so
 * a login right after a 201 finds the account. A standby copy answers only while the active one cannot be
 * reached. While no copy is known (Streams starts or rebalances) callers get 503 {@code unavailable}.
 */
@Component
public class AccountStore {
    private final StoreRouter router;
    private final BadValues bad = new BadValues();

    AccountStore(StoreRouter accountRouter) {
        this.router = accountRouter;
    }

    /** Where the partition of {@code key} can be read: the active copy first, then the standbys. */
    public Copies copiesOf(String key) {
        return guarded(() -> router.copiesOf(Stores.ACCOUNTS, key));
    }

    /** Whether this instance may answer a read of {@code copies} forwarded to it ({@link CopyReads}). */
    public boolean mayAnswer(Copies copies, String expected) {
        return guarded(() -> CopyReads.mayAnswer(router, Stores.ACCOUNTS, copies, expected));
    }

    /**
     * The account under {@code key} from this instance's copy of its partition. A bad stored account
     * (undecodable, or not {@link Account#usable usable}) is absent, logged once.
     */
    public Optional<Account> local(int partition, String key) {
        return guarded(() -> Optional.ofNullable(router.<String, Account>partition(Stores.ACCOUNTS, partition)
                .get(key)).filter(account -> bad.usable(Stores.ACCOUNTS, key, account, Account::usable)));
    }

    public StoreRouter router() {
        return router;
    }

    private static <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new ApiException(503, ProblemCodes.UNAVAILABLE, "Accounts are being rebalanced; try again shortly");
        }
    }
}
