package io.boxoffice.users.token;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.users.account.Account;
import io.boxoffice.users.account.AccountStore;
import io.boxoffice.users.account.AccountView;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Instance-to-instance login check for a username whose partition this instance owns. Not routed by
 * the gateway. It never forwards again: if ownership moved meanwhile it answers 503 and the caller's
 * client retries, so a rebalance cannot cause a forwarding loop.
 */
@RestController
class InternalAuthController {
    static final String PATH = "/internal/accounts/{key}/authentication";

    private final AccountStore store;
    private final Authenticator authenticator;

    InternalAuthController(AccountStore store, Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    record Password(String password) {
        @Override
        public String toString() {
            return "Password[hidden]";
        }
    }

    @PostMapping(PATH)
    Mono<AccountView> authenticate(@PathVariable String key, @RequestBody Password body) {
        if (body.password() == null) {
            throw new ApiException(400, ProblemCodes.INVALID_REQUEST, "password is required");
        }
        key = Account.keyOf(key);
        if (store.remoteOwner(key).isPresent()) {
            throw new ApiException(503, ProblemCodes.UNAVAILABLE, "This instance no longer owns the account");
        }
        return authenticator.locally(key, body.password())
                .map(account -> account.orElseThrow(() -> new ApiException(401, ProblemCodes.BAD_CREDENTIALS,
                        "Unknown username or wrong password")));
    }
}
